"""Anchors: every published deep link still lands, and every anchor leads to one place.

Published links are listed in the anchor lock (`content/anchors.lock`); see `anchor_lock.py`.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..anchors import Anchored, anchored_items, kind_of
from ..diagnostics import Note
from ..load import Content
from ..model import Exercise, Vocabulary
from ..registry import Finding, record_check


def pages_by_address(content: Content) -> dict[str, Exercise]:
    """Every address that reaches a page: its own, and each old slug kept as a page alias."""
    pages = {}
    for exercise in content.exercises:
        for alias in exercise.aliases:
            pages.setdefault(f"exercises/{alias}/", exercise)
    pages.update({exercise.url: exercise for exercise in content.exercises})
    return pages


def _id_note(exercise: Exercise, item: Anchored) -> Note:
    return Note(exercise.source.value((*item.path, "id")), f"{item.kind} '{item.id}'")


@record_check("C501", "published anchor no longer lands")
def locked_anchors_land(content: Content, vocabulary: Vocabulary) -> Iterator[Finding]:
    """Every anchor in the anchor lock is still the id or an alias of an item on its page.

    Coaches send links such as `exercises/heel-press/#heel-lift`; a renamed or deleted id would
    silently drop the reader at the top of the page. Keep the old id as an alias of the item
    that now answers it (`aliases: [heel-lift]`), and the old link opens that item.
    The finding points at the one item added since the lock when there is one (most likely the
    rename), else at the list that lost the anchor.
    """
    lock = content.anchor_lock
    if lock is None:
        return
    exercises = pages_by_address(content)
    for page, locked in lock.pages().items():
        exercise = exercises.get(page)
        if exercise is None:
            continue
        items = list(anchored_items(exercise))
        live = {anchor for item in items for anchor in item.anchors}
        was_locked = {entry.anchor for entry in locked}
        for entry in locked:
            if entry.anchor in live:
                continue
            field, kind, prefix = kind_of(entry.anchor)
            added = [i for i in items if i.kind == kind and i.anchor not in was_locked]
            if len(added) == 1:
                location = exercise.source.value((*added[0].path, "id"))
            else:
                location = exercise.source.key((field,))
            old_id = entry.anchor.removeprefix(prefix)
            yield Finding(
                location,
                f"locked anchor '#{entry.anchor}' is gone: add 'aliases: [{old_id}]'"
                f" to the {kind} that replaced it",
                (Note(entry.location, f"published as '{entry.link}'"),),
            )


@record_check("C502", "alias collides with another anchor")
def aliases_are_free(content: Content, vocabulary: Vocabulary) -> Iterator[Finding]:
    """An alias is an old id that no item uses any more, claimed by one item only.

    An alias equal to a live id would send old links to two places at once; the browser picks
    the first, which may be the wrong answer.
    """
    for exercise in content.exercises:
        items = list(anchored_items(exercise))
        live: dict[str, Anchored] = {}
        for item in items:
            live.setdefault(item.anchor, item)
        claimed: dict[str, tuple[Anchored, int]] = {}
        for item in items:
            for index, (alias, anchor) in enumerate(
                zip(item.aliases, item.alias_anchors, strict=True)
            ):
                where = exercise.source.value((*item.path, "aliases", index))
                owner = live.get(anchor)
                if owner is not None:
                    yield Finding(
                        where,
                        f"alias '{alias}' collides with the live id of {owner.kind} '{owner.id}'",
                        (_id_note(exercise, owner),),
                    )
                elif anchor in claimed:
                    first, first_index = claimed[anchor]
                    first_at = exercise.source.value((*first.path, "aliases", first_index))
                    yield Finding(
                        where,
                        f"alias '{alias}' is already an alias of {first.kind} '{first.id}'",
                        (Note(first_at, "first claimed here"),),
                    )
                else:
                    claimed[anchor] = (item, index)


@record_check("C503", "two items share an anchor")
def anchors_are_unique(content: Content, vocabulary: Vocabulary) -> Iterator[Finding]:
    """Each step, variation and FAQ entry has an anchor of its own.

    Two entries with one id make a deep link land on whichever comes first.
    """
    for exercise in content.exercises:
        seen: dict[str, Anchored] = {}
        for item in anchored_items(exercise):
            first = seen.setdefault(item.anchor, item)
            if first is item:
                continue
            yield Finding(
                exercise.source.value((*item.path, "id")),
                f"anchor '#{item.anchor}' is already used by {first.kind} '{first.id}':"
                f" give this {item.kind} its own id",
                (_id_note(exercise, first),),
            )


@record_check("C504", "anchor lock line is malformed")
def lock_lines_are_links(content: Content, vocabulary: Vocabulary) -> Iterator[Finding]:
    """Each line of the anchor lock is one `exercises/<slug>/#<anchor>`, listed once.

    A line the build cannot read protects no link.
    """
    if content.anchor_lock is not None:
        for problem in content.anchor_lock.problems:
            yield Finding(problem.location, problem.message)


@record_check("C505", "published page has no record")
def locked_pages_exist(content: Content, vocabulary: Vocabulary) -> Iterator[Finding]:
    """Every page in the anchor lock still has its record, under its slug or a page alias.

    Removing or renaming a record breaks every link into its page. After a rename, keep the old
    slug in the record's `aliases`: the old address then redirects to the new page.
    """
    lock = content.anchor_lock
    # A record that failed to load is reported already; its page is not gone.
    if lock is None or len(content.exercises) != len(content.record_files):
        return
    pages = pages_by_address(content)
    for page, locked in lock.pages().items():
        if page not in pages:
            count = len(locked)
            old_slug = page.removeprefix("exercises/").rstrip("/")
            yield Finding(
                locked[0].location,
                f"published page '{page}' has no record: add 'aliases: [{old_slug}]' to the"
                f" record that replaced it, or its {count} locked link{'s' if count != 1 else ''}"
                " break",
            )
