"""Page aliases: every old slug redirects to exactly one live page."""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostics import Location, Note, quoted
from ..model import Vocabulary
from ..source.load import Content
from .registry import Finding, record_check


@record_check(
    "C701",
    "page alias collides with a live slug",
    example="content/wall-calf-press.yaml:4:11: C701 alias 'heel-press' is the live page of"
    " 'Heel Press'",
)
def alias_is_not_live(content: Content, vocabulary: Vocabulary) -> Iterator[Finding]:
    """What it catches: a page alias (an old slug in `aliases`) that is the slug of a live page,
    this record's own included.

    Why: an alias is an address that redirects; a live page at the same address would hide the
    redirect, or the redirect would hide the page.

    How to fix: remove the alias, or rename the other page."""
    live = {exercise.slug: exercise for exercise in content.exercises}
    for exercise in content.exercises:
        for index, alias in enumerate(exercise.aliases):
            other = live.get(alias)
            if other is None:
                continue
            where = exercise.source.value(("aliases", index))
            if other is exercise:
                yield Finding(where, f"alias {quoted(alias)} is this exercise's own slug")
            else:
                slug = other.source.value(("slug",))
                note = Note(slug, f"{quoted(alias)} is the slug of this page")
                message = f"alias {quoted(alias)} is the live page of {quoted(other.name)}"
                yield Finding(where, message, (note,))


@record_check(
    "C702",
    "page alias claimed by two exercises",
    example="content/wall-calf-press.yaml:4:11: C702 alias 'calf-press' is already an alias of"
    " 'Heel Press'",
)
def alias_is_unique(content: Content, vocabulary: Vocabulary) -> Iterator[Finding]:
    """What it catches: one old slug listed in the `aliases` of two records.

    Why: an old address can redirect to one page only.

    How to fix: keep the alias on the record that replaced the old page; remove it from the
    other."""
    first: dict[str, tuple[str, Location]] = {}
    for exercise in content.exercises:
        for index, alias in enumerate(exercise.aliases):
            where = exercise.source.value(("aliases", index))
            if alias in first:
                name, place = first[alias]
                note = Note(place, f"first claimed by {quoted(name)}")
                message = f"alias {quoted(alias)} is already an alias of {quoted(name)}"
                yield Finding(where, message, (note,))
            else:
                first[alias] = (exercise.name, where)
