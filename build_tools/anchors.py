"""The deep links a page publishes: each linkable item of a record, its anchor and its old ones.

A coach's link is `<page URL>#<anchor>`. The anchors come from ids written in the record (never
from wording), so rewording keeps them; an item that is renamed keeps its old ids as aliases.
Section anchors (`#tips`, `#faq`) are fixed by the page template and are not listed here.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from .addresses import deep_link, exercise_url
from .model import Exercise, FaqEntry, Step, Variation
from .source.yaml_nodes import Path


@dataclass(frozen=True)
class Anchored:
    """One linkable item: an instruction step, a variation or an FAQ entry."""

    kind: str
    """How an editor names it: `step`, `variation`, `faq entry`."""
    id: str
    anchor: str
    aliases: tuple[str, ...]
    alias_anchors: tuple[str, ...]
    path: Path
    """Where the item is in its record, such as `("faq", 3)`."""
    prefix: str = ""
    """What its kind puts before an id to make the anchor (`step-`; nothing for FAQ)."""
    moved_from: tuple[str, ...] = ()
    """Where it was published before it moved here: `<old slug>#<old id>`."""

    @property
    def anchors(self) -> tuple[str, ...]:
        return (self.anchor, *self.alias_anchors)


# The record list of each kind; an anchor's prefix tells its kind (FAQ anchors are the bare id).
KINDS = (("instructions", "step", "step-"), ("variations", "variation", "variation-"))
FAQ = ("faq", "faq entry", "")


def anchored_items(exercise: Exercise) -> Iterator[Anchored]:
    """Every linkable item of the record, in page order."""
    lists: tuple[tuple[tuple[str, str, str], tuple[Step | Variation | FaqEntry, ...]], ...] = (
        (KINDS[0], exercise.instructions),
        (KINDS[1], exercise.variations),
        (FAQ, exercise.faq),
    )
    for (field, kind, prefix), items in lists:
        for index, item in enumerate(items):
            yield Anchored(
                kind,
                item.id,
                item.anchor,
                item.aliases,
                item.alias_anchors,
                (field, index),
                prefix,
                item.moved_from,
            )


def kind_of(anchor: str) -> tuple[str, str, str]:
    """`(record list, kind, anchor prefix)` of an anchor, told by its prefix."""
    for kind in KINDS:
        if anchor.startswith(kind[2]):
            return kind
    return FAQ


def published_anchors(exercise: Exercise) -> set[str]:
    """What the anchor lock records for the page: `exercises/<slug>/#<anchor>`, aliases included
    (an alias exists because a link to it was published)."""
    return {
        deep_link(exercise.url, anchor)
        for item in anchored_items(exercise)
        for anchor in item.anchors
    }


@dataclass(frozen=True)
class Move:
    """One published link of another page that an item took along when it moved here."""

    old_slug: str
    old_anchor: str
    """The anchor the link names: the old id with the item's kind prefix (`step-lean-in`)."""
    exercise: Exercise
    """The record the item moved to."""
    item: Anchored
    index: int
    """Which entry of the item's `moved_from` declares it."""

    @property
    def old_link(self) -> str:
        return deep_link(exercise_url(self.old_slug), self.old_anchor)

    @property
    def new_link(self) -> str:
        return deep_link(self.exercise.url, self.item.anchor)

    @property
    def path(self) -> Path:
        """Where the declaration is in its record."""
        return (*self.item.path, "moved_from", self.index)


def moves(exercises: Iterable[Exercise]) -> Iterator[Move]:
    """Every move the records declare, in record and page order."""
    for exercise in exercises:
        for item in anchored_items(exercise):
            for index, old in enumerate(item.moved_from):
                slug, _, old_id = old.partition("#")
                yield Move(slug, item.prefix + old_id, exercise, item, index)
