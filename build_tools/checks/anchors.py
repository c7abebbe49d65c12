"""Anchors: every published deep link still lands, and every anchor leads to one place.

Published links are listed in the anchor lock (`content/anchors.lock`); see `source/lock.py`.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..addresses import exercise_url, slug_of
from ..anchors import Anchored, Move, anchored_items, kind_of, moves
from ..diagnostics import Note, quoted
from ..model import Exercise, Vocabulary
from ..source.load import Content
from .registry import Finding, record_check


def pages_by_address(content: Content) -> dict[str, Exercise]:
    """Every address that reaches a page: its own, and each old slug kept as a page alias."""
    pages: dict[str, Exercise] = {}
    for exercise in content.exercises:
        for alias in exercise.aliases:
            pages.setdefault(exercise_url(alias), exercise)
    pages.update({exercise.url: exercise for exercise in content.exercises})
    return pages


def moved_links(exercises: tuple[Exercise, ...]) -> dict[str, Move]:
    """The old links that items of `exercises` declare they took along, each to its first
    declaration (two are C511's finding)."""
    found: dict[str, Move] = {}
    for move in moves(exercises):
        found.setdefault(move.old_link, move)
    return found


def _id_note(exercise: Exercise, item: Anchored) -> Note:
    return Note(exercise.source.value((*item.path, "id")), f"{item.kind} {quoted(item.id)}")


@record_check(
    "C501",
    "published anchor no longer lands",
    example="content/heel-press.yaml:124:9: C501 locked anchor '#heel-lift' is gone: add"
    " 'aliases: [heel-lift]' to the faq entry that replaced it",
)
def locked_anchors_land(content: Content, vocabulary: Vocabulary) -> Iterator[Finding]:
    """What it catches: an anchor listed in `content/anchors.lock` that is no longer the id or
    an alias of any step, variation or FAQ entry on its page. The finding points at the one item
    added since the lock when there is one (most likely the rename), else at the list.

    Why: coaches send links such as `exercises/heel-press/#heel-lift`; a renamed or deleted id
    would silently drop the reader at the top of the page.

    An anchor whose item moved to another exercise lands through the move that item declares
    (`moved_from`), and is no finding; a move declared by a draft does not count, as the draft
    publishes no entry for the link to land on.

    How to fix: keep the old id as an alias of the item that now answers it
    (`aliases: [heel-lift]`), and the old link opens that item. If the item moved to another
    exercise, say so on it there: `moved_from: [heel-press#heel-lift]`."""
    lock = content.anchor_lock
    if lock is None:
        return
    exercises = pages_by_address(content)
    moved = moved_links(content.published.exercises)
    drafted = moved_links(content.drafts)
    for page, locked in lock.pages().items():
        exercise = exercises.get(page)
        if exercise is None:
            continue
        items = list(anchored_items(exercise))
        live = {anchor for item in items for anchor in item.anchors}
        was_locked = {entry.anchor for entry in locked}
        for entry in locked:
            if entry.anchor in live or entry.link in moved:
                continue
            field, kind, prefix = kind_of(entry.anchor)
            added = [i for i in items if i.kind == kind and i.anchor not in was_locked]
            if len(added) == 1:
                location = exercise.source.value((*added[0].path, "id"))
            else:
                location = exercise.source.key((field,))
            old_id = entry.anchor.removeprefix(prefix)
            notes = [Note(entry.location, f"published as {quoted(entry.link)}")]
            draft = drafted.get(entry.link)
            if draft is not None:
                notes.append(
                    Note(
                        draft.exercise.source.value(draft.path),
                        f"declared moved to {quoted(draft.new_link)}, a draft's entry, which"
                        " the site does not publish",
                    )
                )
            yield Finding(
                location,
                f"locked anchor {quoted('#' + entry.anchor)} is gone:"
                f" add {quoted(f'aliases: [{old_id}]')}"
                f" to the {kind} that replaced it",
                tuple(notes),
            )


@record_check(
    "C502",
    "alias collides with another anchor",
    example="content/heel-press.yaml:125:15: C502 alias 'knee-angle' collides with the live id of"
    " faq entry 'knee-angle'",
    per_record=True,
)
def aliases_are_free(content: Content, vocabulary: Vocabulary) -> Iterator[Finding]:
    """What it catches: an alias equal to the live id of an item on the page, or claimed by two
    items.

    Why: an old link would then lead to two places at once; the browser picks the first, which
    may be the wrong answer.

    How to fix: keep each old id on the one item that now answers it, and remove the alias
    that repeats a live id."""
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
                        f"alias {quoted(alias)} collides with the live id of {owner.kind}"
                        f" {quoted(owner.id)}",
                        (_id_note(exercise, owner),),
                    )
                elif anchor in claimed:
                    first, first_index = claimed[anchor]
                    first_at = exercise.source.value((*first.path, "aliases", first_index))
                    yield Finding(
                        where,
                        f"alias {quoted(alias)} is already an alias of {first.kind}"
                        f" {quoted(first.id)}",
                        (Note(first_at, "first claimed here"),),
                    )
                else:
                    claimed[anchor] = (item, index)


@record_check(
    "C504",
    "anchor lock line is malformed",
    example="content/anchors.lock:9:1: C504 'exercises/heel-press/#heel-lift' is listed twice"
    " (first at line 8)",
)
def lock_lines_are_links(content: Content, vocabulary: Vocabulary) -> Iterator[Finding]:
    """What it catches: a line of `content/anchors.lock` that is not one
    `exercises/<slug>/#<anchor>`, or a link listed twice.

    Why: a line the build cannot read protects no link.

    How to fix: write the link as `exercises/<slug>/#<anchor>`, once; `make lock` writes the
    file this way."""
    if content.anchor_lock is not None:
        for problem in content.anchor_lock.problems:
            yield Finding(problem.location, problem.message)


@record_check(
    "C505",
    "published page has no record",
    example="content/anchors.lock:5:1: C505 published page 'exercises/heel-press/' has no record:"
    " add 'aliases: [heel-press]' to the record that replaced it, or its 18 locked links break"
    " (withdrawn on purpose: write 'content/tombstones/heel-press.yaml')",
)
def locked_pages_exist(content: Content, vocabulary: Vocabulary) -> Iterator[Finding]:
    """What it catches: a page in `content/anchors.lock` that no record publishes any more,
    under its slug or as a page alias, and that no tombstone withdraws.

    Why: removing or renaming a record breaks every link into its page. Removal is a decision
    recorded in the content, never an accident.

    How to fix: after a rename, keep the old slug in the record's `aliases`: the old address
    then redirects to the new page, fragment and all. To withdraw the page, write its
    tombstone, `content/tombstones/<slug>.yaml` (name, withdrawn, reason and, if another
    exercise replaces it, replaced_by): its address then says so."""
    lock = content.anchor_lock
    # A record that failed to load is reported already; its page is not gone.
    if lock is None or len(content.exercises) != len(content.record_files):
        return
    pages = pages_by_address(content)
    withdrawn = {tombstone.url for tombstone in content.tombstones}
    for page, locked in lock.pages().items():
        if page not in pages and page not in withdrawn:
            count = len(locked)
            old_slug = slug_of(page) or page
            tombstone = quoted(f"content/tombstones/{old_slug}.yaml")
            yield Finding(
                locked[0].location,
                f"published page {quoted(page)} has no record:"
                f" add {quoted(f'aliases: [{old_slug}]')} to the"
                f" record that replaced it, or its {count} locked link{'s' if count != 1 else ''}"
                f" break (withdrawn on purpose: write {tombstone})",
            )
