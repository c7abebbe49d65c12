"""Where the items that moved to other exercises went, as their old pages say it: each old
page's list of moved items (a plain link at the old anchor, for readers without JavaScript) and
the site's map of moved anchors (`moved-anchors.json`), which the deep-link script reads only
when a link's id is not on its page.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ..addresses import exercise_url
from ..anchors import Move, moves
from ..model import Exercise, FaqEntry, Step, Variation

MOVED_ANCHORS_FILE = "moved-anchors.json"


@dataclass(frozen=True)
class MovedAway:
    """One item that left a page: its old anchor there and where it lives now."""

    anchor: str
    link: str
    """The new place, below the site root: `exercises/<slug>/#<anchor>`."""
    label: str
    """What the item is, as its new page names it: the question, `Step 3`, the variation."""
    exercise: str
    """The name of the exercise it moved to."""


def _label(move: Move) -> str:
    exercise = move.exercise
    field, index = move.item.path
    lists: dict[object, tuple[Step | Variation | FaqEntry, ...]] = {
        "instructions": exercise.instructions,
        "variations": exercise.variations,
        "faq": exercise.faq,
    }
    target = lists[field][int(index)]
    if isinstance(target, FaqEntry):
        return target.question
    if isinstance(target, Step):
        return f"Step {move.exercise.instructions.index(target) + 1}"
    return target.name


def _first_moves(exercises: Iterable[Exercise]) -> list[Move]:
    # An old link declared twice is C513's finding, and stops the build before this.
    seen: dict[str, Move] = {}
    for move in moves(exercises):
        seen.setdefault(move.old_link, move)
    return list(seen.values())


def moved_away(
    exercises: Iterable[Exercise], page_aliases: Mapping[str, str] | None = None
) -> dict[str, tuple[MovedAway, ...]]:
    """The items that left each page, by the page's address: the old page of each move, or
    the live page its old address redirects to (`page_aliases`: old address → live address)."""
    found: dict[str, list[MovedAway]] = {}
    aliases = page_aliases or {}
    for move in _first_moves(exercises):
        old = exercise_url(move.old_slug)
        moved = MovedAway(move.old_anchor, move.new_link, _label(move), move.exercise.name)
        found.setdefault(aliases.get(old, old), []).append(moved)
    return {page: tuple(sorted(items, key=lambda m: m.anchor)) for page, items in found.items()}


def page_aliases(exercises: Iterable[Exercise]) -> dict[str, str]:
    """Each old address that redirects, with the live page's address."""
    return {exercise_url(alias): e.url for e in exercises for alias in e.aliases}


def moved_anchor_map(exercises: Iterable[Exercise]) -> dict[str, dict[str, str]]:
    """Old page → old anchor → new place, for every move; an old address that redirects is
    listed under the live page it redirects to as well, where the browser lands with the old
    fragment."""
    listed = tuple(exercises)
    aliases = page_aliases(listed)
    found: dict[str, dict[str, str]] = {}
    for move in _first_moves(listed):
        old = exercise_url(move.old_slug)
        for page in dict.fromkeys((old, aliases.get(old, old))):
            found.setdefault(page, {})[move.old_anchor] = move.new_link
    return {page: dict(sorted(found[page].items())) for page in sorted(found)}


def moved_anchor_files(exercises: Iterable[Exercise]) -> dict[str, bytes]:
    """The map as the site serves it, at the site root."""
    text = json.dumps(moved_anchor_map(exercises), indent=1, sort_keys=True) + "\n"
    return {MOVED_ANCHORS_FILE: text.encode("utf-8")}
