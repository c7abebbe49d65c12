"""Browse: exercises grouped by muscle, equipment, category, level and first letter, and each
exercise's related exercises. Pure functions over the loaded records; no page grows with their
number, because every group is cut into pages of `PAGE_SIZE`.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from ..addresses import browse_url
from ..model import Exercise, Vocabulary
from .textfold import fold, keywords

PAGE_SIZE = 50
SHOWN_LIMIT = 12
"""Exercises the home page shows, and each letter of the A–Z index lists; past it, a letter
gets a page of its own (a tile), and the home page a spread of the exercises over A–Z."""
RELATED_LIMIT = 6
RELATED_WINDOW = 12
"""Neighbours looked at on each side in a muscle's list, sorted so that alike names sit together."""

NO_EQUIPMENT = "none"
"""The equipment filter that finds exercises needing nothing but body weight."""
BODY_WEIGHT = "body-weight"
DIGITS = "0-9"
LETTERS = (DIGITS, *"abcdefghijklmnopqrstuvwxyz")

# Browse kind → the vocabulary it draws on, the word for one of its terms, the filter name.
KINDS = {
    "muscle": "muscles",
    "equipment": "equipment",
    "level": "levels",
    "category": "categories",
}


def name_key(exercise: Exercise) -> tuple[str, str]:
    return (exercise.name.casefold(), exercise.slug)


def a_to_z(exercises: Iterable[Exercise]) -> tuple[Exercise, ...]:
    """Every exercise in A–Z order: the order of lists, and of the search index's ids."""
    return tuple(sorted(exercises, key=name_key))


def letter(name: str) -> str:
    """The A–Z index letter of a name: its first letter, or `0-9` for digits and the rest."""
    words = fold(name)
    first = words[0][:1] if words else ""
    return first if first.isalpha() and first.isascii() else DIGITS


def spread(exercises: Sequence[Exercise], limit: int = SHOWN_LIMIT) -> tuple[Exercise, ...]:
    """All of `exercises` when they are `limit` or fewer, else `limit` of them evenly spaced
    through the list: the home page's bounded selection, the first included."""
    count = len(exercises)
    if count <= limit:
        return tuple(exercises)
    return tuple(exercises[i * count // limit] for i in range(limit))


def needs_no_equipment(exercise: Exercise) -> bool:
    return set(exercise.equipment) == {BODY_WEIGHT}


@dataclass(frozen=True)
class Group:
    """The exercises under one browse heading, A–Z."""

    kind: str
    term: str
    label: str
    exercises: tuple[Exercise, ...]

    @property
    def pages(self) -> int:
        return max(1, math.ceil(len(self.exercises) / PAGE_SIZE))

    def page(self, number: int) -> tuple[Exercise, ...]:
        start = (number - 1) * PAGE_SIZE
        return self.exercises[start : start + PAGE_SIZE]

    def url(self, page: int = 1) -> str:
        return browse_url(self.kind, self.term, page)


def _terms(exercise: Exercise, kind: str) -> tuple[str, ...]:
    if kind == "muscle":
        return exercise.primary_muscles + exercise.secondary_muscles
    if kind == "equipment":
        extra = (NO_EQUIPMENT,) if needs_no_equipment(exercise) else ()
        return exercise.equipment + extra
    return (exercise.level,) if kind == "level" else (exercise.category,)


def groups(exercises: Sequence[Exercise], vocabulary: Vocabulary) -> list[Group]:
    """Every non-empty browse group, in vocabulary order, then A–Z letters."""
    ordered = a_to_z(exercises)
    members: dict[tuple[str, str], list[Exercise]] = defaultdict(list)
    for exercise in ordered:
        for kind in KINDS:
            for term in _terms(exercise, kind):
                members[(kind, term)].append(exercise)
        members[("letter", letter(exercise.name))].append(exercise)
    found = []
    for kind, vocabulary_kind in KINDS.items():
        terms = getattr(vocabulary, vocabulary_kind)
        ids = [NO_EQUIPMENT, *terms] if kind == "equipment" else list(terms)
        for term in ids:
            if members.get((kind, term)):
                label = "No equipment" if term == NO_EQUIPMENT else terms[term].name
                found.append(Group(kind, term, label, tuple(members[(kind, term)])))
    for key in LETTERS:
        if members.get(("letter", key)):
            label = key.upper() if key != DIGITS else DIGITS
            found.append(Group("letter", key, label, tuple(members[("letter", key)])))
    return found


def _head_word(exercise: Exercise) -> str:
    """The name's last meaningful word ("squat" in "Barbell Front Squat"): alike names meet."""
    words = keywords(fold(exercise.name))
    return words[-1] if words else ""


def _ranking(
    exercise: Exercise, heads: dict[str, str]
) -> Callable[[Exercise], tuple[int, bool, int, str, str]]:
    primary = set(exercise.primary_muscles)
    gear = set(exercise.equipment)
    head = heads[exercise.slug]
    return lambda other: (
        -len(primary.intersection(other.primary_muscles)),
        heads[other.slug] != head,
        -len(gear.intersection(other.equipment)),
        *name_key(other),
    )


def chosen_related(exercises: Sequence[Exercise]) -> dict[str, tuple[Exercise, ...]]:
    """For each exercise, the others its record's `related` names, in the record's order: by
    slug or by an old slug (alias), each once, never itself or a draft (the checks C911–C914
    report what is left out)."""
    by_slug: dict[str, Exercise] = {}
    for exercise in exercises:
        by_slug.setdefault(exercise.slug, exercise)
    old: dict[str, Exercise] = {}
    for exercise in exercises:
        for alias in exercise.aliases:
            old.setdefault(alias, exercise)
    found: dict[str, tuple[Exercise, ...]] = {}
    for exercise in exercises:
        chosen: dict[str, Exercise] = {}
        for slug in exercise.related:
            other = by_slug.get(slug) or old.get(slug)
            if other is not None and other.slug != exercise.slug and not other.draft:
                chosen.setdefault(other.slug, other)
        found[exercise.slug] = tuple(chosen.values())
    return found


def related(
    exercises: Sequence[Exercise], limit: int = RELATED_LIMIT
) -> dict[str, tuple[Exercise, ...]]:
    """For each exercise, the others its record names in `related` (all of them, first), then
    others of its category sharing a primary muscle, up to `limit` in all.

    Candidates are the neighbours within `RELATED_WINDOW` in each (category, primary muscle) list
    sorted by head word, so the work per exercise is bounded whatever the number of records; they
    rank by shared primary muscles, a shared head word, shared equipment, then name.
    """
    lists: dict[tuple[str, str], list[Exercise]] = defaultdict(list)
    for exercise in a_to_z(exercises):
        for muscle in exercise.primary_muscles:
            lists[(exercise.category, muscle)].append(exercise)
    heads = {e.slug: _head_word(e) for e in exercises}
    positions: dict[tuple[str, str], dict[str, int]] = {}
    for key, members in lists.items():
        members.sort(key=lambda e: (heads[e.slug], *name_key(e)))
        positions[key] = {e.slug: i for i, e in enumerate(members)}
    chosen = chosen_related(exercises)
    found: dict[str, tuple[Exercise, ...]] = {}
    for exercise in exercises:
        candidates: dict[str, Exercise] = {}
        for muscle in exercise.primary_muscles:
            key = (exercise.category, muscle)
            at = positions[key][exercise.slug]
            members = lists[key]
            for other in members[max(0, at - RELATED_WINDOW) : at + RELATED_WINDOW + 1]:
                if other.slug != exercise.slug:
                    candidates[other.slug] = other
        first = chosen[exercise.slug]
        for other in first:
            candidates.pop(other.slug, None)
        ranked = sorted(candidates.values(), key=_ranking(exercise, heads))
        found[exercise.slug] = (*first, *ranked[: max(0, limit - len(first))])
    return found
