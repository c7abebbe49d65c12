"""Links that survive a move: an item that moved to another exercise declares where it was
published (`moved_from`), and a withdrawn exercise leaves a tombstone (`content/tombstones/`).
Each declaration must name a link the site published, and lead it to one place."""

from __future__ import annotations

from collections.abc import Iterator

from ..addresses import exercise_url
from ..anchors import Move, anchored_items, moves
from ..diagnostics import Location, Note, quoted
from ..model import Vocabulary
from ..source.load import Content
from .anchors import pages_by_address
from .registry import Finding, record_check


def _at(move: Move) -> Location:
    return move.exercise.source.value(move.path)


@record_check(
    "C511",
    "moved anchor was never published",
    example="content/soleus-wall-stretch.yaml:125:18: C511 'heel-press#heel-lfit' names"
    " 'exercises/heel-press/#heel-lfit', which content/anchors.lock does not list: write the"
    " old place as the lock lists it",
)
def moves_name_published_links(content: Content, vocabulary: Vocabulary) -> Iterator[Finding]:
    """What it catches: a `moved_from` entry whose old link (`exercises/<slug>/#<anchor>`, the
    anchor with its kind's prefix, such as `step-`) is not in `content/anchors.lock`.

    Why: a move keeps a published link alive; one the site never published needs no move, so
    the entry is most likely a misspelt slug or id, and the link it meant still breaks.

    How to fix: write the old place exactly as the lock lists it, as `<old slug>#<old id>`
    (without the `step-` or `variation-` prefix: the item's kind adds it)."""
    lock = content.anchor_lock
    if lock is None:
        return
    published = {locked.link for locked in lock.anchors}
    for move in moves(content.exercises):
        if move.old_link not in published:
            old = move.item.moved_from[move.index]
            yield Finding(
                _at(move),
                f"{quoted(old)} names {quoted(move.old_link)}, which {lock.path} does not list:"
                " write the old place as the lock lists it",
            )


@record_check(
    "C512",
    "moved anchor still lands on its old page",
    example="content/soleus-wall-stretch.yaml:125:18: C512 'exercises/heel-press/#heel-lift' is"
    " declared moved here, but it still lands on faq entry 'heel-lift' of 'Heel Press'",
)
def moved_anchors_left(content: Content, vocabulary: Vocabulary) -> Iterator[Finding]:
    """What it catches: a `moved_from` entry whose old anchor is still the id or an alias of
    an item on the page at the old address.

    Why: the browser lands on the item that is still there: the move never takes effect, and
    the answer now lives in two places.

    How to fix: remove the item (or its alias) from the old record, or remove the
    `moved_from` entry if the item did not move."""
    pages = pages_by_address(content)
    for move in moves(content.exercises):
        page = pages.get(move.old_link.partition("#")[0])
        if page is None:
            continue
        for item in anchored_items(page):
            if move.old_anchor in item.anchors and (page, item.path) != (
                move.exercise,
                move.item.path,
            ):
                path = (*item.path, "id")
                yield Finding(
                    _at(move),
                    f"{quoted(move.old_link)} is declared moved here, but it still lands on"
                    f" {item.kind} {quoted(item.id)} of {quoted(page.name)}",
                    (Note(page.source.value(path), "still here"),),
                )


@record_check(
    "C513",
    "anchor moved to two places",
    example="content/soleus-wall-stretch.yaml:131:18: C513 'exercises/heel-press/#heel-lift' is"
    " already declared moved to 'exercises/soleus-wall-stretch/#heel-lift'",
)
def moved_once(content: Content, vocabulary: Vocabulary) -> Iterator[Finding]:
    """What it catches: one old place named in the `moved_from` of two items.

    Why: an old link can land on one entry only.

    How to fix: keep the old place on the item that now answers the old link best; remove it
    from the other."""
    first: dict[str, Move] = {}
    for move in moves(content.exercises):
        earlier = first.setdefault(move.old_link, move)
        if earlier is not move:
            yield Finding(
                _at(move),
                f"{quoted(move.old_link)} is already declared moved to {quoted(earlier.new_link)}",
                (Note(_at(earlier), "first declared here"),),
            )


@record_check(
    "C514",
    "tombstone of a live page",
    example="content/tombstones/heel-press.yaml:1:1: C514 'exercises/heel-press/' is withdrawn"
    " here, but 'Heel Press' publishes it",
)
def tombstones_are_dead(content: Content, vocabulary: Vocabulary) -> Iterator[Finding]:
    """What it catches: a tombstone (`content/tombstones/<slug>.yaml`) whose slug is the slug
    or a page alias of a published exercise.

    Why: one address cannot both show a page and say it was withdrawn; the reader would get one
    or the other depending on the host.

    How to fix: delete the tombstone if the exercise is back, or rename the exercise (or drop
    the alias) if the old page stays withdrawn."""
    pages = pages_by_address(content.published)
    for tombstone in content.tombstones:
        live = pages.get(tombstone.url)
        if live is None:
            continue
        how = "slug" if live.slug == tombstone.slug else "aliases"
        yield Finding(
            tombstone.source.value(()),
            f"{quoted(tombstone.url)} is withdrawn here, but {quoted(live.name)} publishes it",
            (Note(live.source.value((how,)), f"{quoted(tombstone.slug)} is published here"),),
        )


@record_check(
    "C515",
    "tombstone replaced by no published exercise",
    example="content/tombstones/heel-press.yaml:4:14: C515 replaced_by 'soleus-stretch' is no"
    " published exercise",
)
def replacements_exist(content: Content, vocabulary: Vocabulary) -> Iterator[Finding]:
    """What it catches: a tombstone whose `replaced_by` is not the slug of a published
    exercise: a misspelt slug, an old slug (a page alias), a draft or another tombstone.

    Why: the withdrawn page's address sends readers to its replacement; a slug that is no page
    sends them nowhere.

    How to fix: write the slug of the exercise that replaces it, as its record's `slug` says."""
    published = {exercise.slug for exercise in content.published.exercises}
    pages = pages_by_address(content.published)
    drafts = {exercise.slug for exercise in content.drafts}
    for tombstone in content.tombstones:
        slug = tombstone.replaced_by
        if slug is None or slug in published:
            continue
        message = f"replaced_by {quoted(slug)} is no published exercise"
        alias_of = pages.get(exercise_url(slug))
        if alias_of is not None:
            message += f": it is an old slug of {quoted(alias_of.slug)}"
        elif slug in drafts:
            message += ": it is a draft"
        yield Finding(tombstone.source.value(("replaced_by",)), message)
