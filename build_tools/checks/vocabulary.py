"""Vocabulary: every term a record names exists in `content/vocabulary/terms.yaml`, and each
name or alias there names one term only."""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from ..diagnostics import Note, quoted
from ..model import Exercise, Term, Vocabulary
from ..source.load import Content
from ..source.yaml_nodes import Path
from .registry import Finding, record_check


def term_uses(exercise: Exercise) -> Iterator[tuple[Path, str, str]]:
    """Every vocabulary id the record names: (path of the value, vocabulary kind, id)."""
    # A draft may lack either; what it lacks is listed with the draft, not as an unknown term.
    if exercise.category:
        yield ("category",), "categories", exercise.category
    if exercise.level:
        yield ("level",), "levels", exercise.level
    lists = (
        (("equipment",), "equipment", exercise.equipment),
        (("muscles", "primary"), "muscles", exercise.primary_muscles),
        (("muscles", "secondary"), "muscles", exercise.secondary_muscles),
        (("when_to_use",), "uses", exercise.when_to_use),
        *(
            (("variations", index, "muscles"), "muscles", variation.muscles)
            for index, variation in enumerate(exercise.variations)
        ),
    )
    for path, kind, ids in lists:
        for position, term in enumerate(ids):
            yield (*path, position), kind, term


def _phrase(text: str) -> str:
    """How a name or alias compares: case, hyphens and spacing do not count."""
    return " ".join(text.replace("-", " ").split()).casefold()


def phrases(term: Term) -> Iterator[tuple[Path, str]]:
    """A term's display name and aliases, each with its path below the term."""
    yield ("name",), term.name
    for index, alias in enumerate(term.aliases):
        yield ("aliases", index), alias


def _hint(term: str, terms: dict[str, Term]) -> str | None:
    wanted = _phrase(term)
    for candidate in terms.values():
        if any(_phrase(text) == wanted for _, text in phrases(candidate)):
            return candidate.id
    close = difflib.get_close_matches(term, list(terms), n=1, cutoff=0.6)
    return close[0] if close else None


@record_check(
    "C201",
    "term not in the vocabulary",
    example="content/heel-press.yaml:10:23: C201 muscles.secondary 'achilles' is not in the"
    " muscles vocabulary (did you mean 'achilles-tendon'?)",
    per_record=True,
)
def terms_exist(content: Content, vocabulary: Vocabulary) -> Iterator[Finding]:
    """What it catches: a muscle, piece of equipment, category, level or use that is not an
    id of `content/vocabulary/terms.yaml`. When the value is a term's name or alias, or close
    to an id, the message names the id meant.

    Why: pages show one name for one thing, and browse pages group exercises by these ids.

    How to fix: write the id the message suggests, or add the term to the vocabulary first."""
    for exercise in content.exercises:
        for path, kind, term in term_uses(exercise):
            terms = getattr(vocabulary, kind)
            if term in terms:
                continue
            hint = _hint(term, terms)
            suffix = f" (did you mean {quoted(hint)}?)" if hint else ""
            field = ".".join(str(p) for p in path if not isinstance(p, int))
            yield Finding(
                exercise.source.value(path),
                f"{field} {quoted(term)} is not in the {kind} vocabulary{suffix}",
            )


@record_check(
    "C202",
    "name or alias shared by two terms",
    example="content/vocabulary/terms.yaml:32:44: C202 alias 'Calf' of muscles 'soleus' already "
    "names muscles 'gastrocnemius'",
)
def aliases_unambiguous(content: Content, vocabulary: Vocabulary) -> Iterator[Finding]:
    """What it catches: a name or alias that two terms of the same kind share in
    `content/vocabulary/terms.yaml` (letter case and hyphens aside), such as `calf` given to
    both `gastrocnemius` and `soleus`.

    Why: the checks read the prose through the aliases: a word that names two muscles cannot
    say which one the text means, so both would seem to be named.

    How to fix: keep the word on the one term it names precisely, or on neither."""
    for kind in Vocabulary.KINDS:
        owners: dict[str, tuple[str, Path]] = {}
        for term in getattr(vocabulary, kind).values():
            for below, text in phrases(term):
                path: Path = (kind, term.id, *below)
                owner, first = owners.setdefault(_phrase(text), (term.id, path))
                if owner == term.id:
                    continue
                what = "name" if below == ("name",) else "alias"
                yield Finding(
                    vocabulary.source.value(path),
                    f"{what} {quoted(text)} of {kind} {quoted(term.id)} already names {kind}"
                    f" {quoted(owner)}",
                    (Note(vocabulary.source.value(first), "first given here"),),
                )
