"""The deep links a page publishes: each linkable item of a record, its anchor and its old ones.

A coach's link is `<page URL>#<anchor>`. The anchors come from ids written in the record (never
from wording), so rewording keeps them; an item that is renamed keeps its old ids as aliases.
Section anchors (`#tips`, `#faq`) are fixed by the page template and are not listed here.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from .addresses import deep_link
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
    for (field, kind, _prefix), items in lists:
        for index, item in enumerate(items):
            yield Anchored(
                kind, item.id, item.anchor, item.aliases, item.alias_anchors, (field, index)
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
