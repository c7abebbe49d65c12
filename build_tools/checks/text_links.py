"""Links in record text: each is to an https page, or lands on a published exercise and on an
entry its page has (see `render/markup.py` for the forms an address may take)."""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostics import Note, quoted
from ..model import Exercise, Vocabulary
from ..render.markup import (
    Internal,
    LinkTargets,
    Missing,
    Refused,
    formatted_texts,
    link_target,
    links,
)
from ..source.load import Content
from ..source.schema import field_name
from ..source.yaml_nodes import Path
from .registry import Finding, record_check


def _links(exercise: Exercise) -> Iterator[tuple[Path, str]]:
    """Every link address of the record's formatted text, with the path of its text."""
    for path, text in formatted_texts(exercise):
        for link in links(text):
            yield path, link.href


@record_check(
    "C506",
    "link address that is not allowed",
    example="content/heel-press.yaml:89:5: C506 tips[1] links to 'javascript:alert(1)': the"
    " scheme 'javascript:'; only https pages may be linked",
    per_record=True,
)
def link_addresses_allowed(content: Content, vocabulary: Vocabulary) -> Iterator[Finding]:
    """What it catches: a link in a description paragraph, tip or answer whose address is not
    `https://…`, an exercise's slug (`heel-press`), a slug and an entry (`heel-press#heel-lift`)
    or an entry of the same page (`#heel-lift`): another scheme (`javascript:`, `data:`,
    `http:`, `mailto:`, `ftp:`), a path (`../other/`, `/exercises/`), an address without a
    host (`https:x`, `//host`), an empty one.

    Why: a `javascript:` or `data:` address runs code or shows a page that is not ours when
    the reader clicks; `http:` pages can be altered on the way; an email address in a public
    page is harvested for spam and goes stale unseen; a path bypasses the slugs that keep
    links working through a rename.

    How to fix: link to the page over `https://`, or to the exercise by its slug. To show an
    email address or a web address, write it as plain text without `[...](...)`."""
    for exercise in content.exercises:
        for path, href in _links(exercise):
            target = link_target(href)
            if isinstance(target, Refused):
                yield Finding(
                    exercise.source.value(path),
                    f"{field_name(path)} links to {quoted(href)}: {target.reason}",
                )


def _missing(content: Content) -> Iterator[tuple[Exercise, Path, str, Missing]]:
    targets = LinkTargets(content.exercises)
    for exercise in content.exercises:
        for path, href in _links(exercise):
            target = link_target(href)
            if isinstance(target, Internal):
                landing = targets.land(target, exercise)
                if isinstance(landing, Missing):
                    yield exercise, path, href, landing


@record_check(
    "C507",
    "link to an exercise that is not published",
    example="content/heel-press.yaml:89:5: C507 tips[1] links to 'heel-pres#tips': no exercise of"
    " the site",
)
def linked_exercises_exist(content: Content, vocabulary: Vocabulary) -> Iterator[Finding]:
    """What it catches: a link in a description paragraph, tip or answer to a slug that no
    record has, neither as its slug nor as an old slug in `aliases`, or to a draft.

    Why: the link would lead to a page the site does not publish: the reader gets a "not
    found" page.

    How to fix: correct the slug (the record's file name without `.yaml`), finish the draft,
    or remove the link."""
    for exercise, path, href, missing in _missing(content):
        if missing.exercise is not None:
            continue  # the page is there: C508 says which anchor it lacks
        if missing.draft:
            why = "a draft, which the site does not publish"
        else:
            why = "no exercise of the site"
        message = f"{field_name(path)} links to {quoted(href)}: {why}"
        yield Finding(exercise.source.value(path), message)


@record_check(
    "C508",
    "link to an entry the exercise does not have",
    example="content/heel-press.yaml:89:5: C508 tips[1] links to '#heel-lyft': 'Heel Press' has"
    " no step, variation, FAQ entry or section with the id 'heel-lyft'",
)
def linked_entries_exist(content: Content, vocabulary: Vocabulary) -> Iterator[Finding]:
    """What it catches: a link in a description paragraph, tip or answer to `#<id>` or
    `<slug>#<id>` where the page has no FAQ entry `<id>`, no step `step-<id>`, no variation
    `variation-<id>` and no section of that id, as its id now or as an old id in `aliases`.

    Why: the reader would land at the top of the page instead of the answer the link promised.

    How to fix: correct the id: a step is `#step-<its id>`, a variation `#variation-<its id>`,
    an FAQ entry its bare id. If the entry was renamed, keep its old id in its `aliases`."""
    targets = LinkTargets(content.exercises)
    for exercise, path, href, missing in _missing(content):
        target, anchor = missing.exercise, missing.anchor or ""
        if target is None:
            continue
        notes = () if target is exercise else (Note(target.source.value(("slug",)), "the page"),)
        # The likeliest slip: a step's or a variation's id without its prefix.
        ids = targets.anchors(target)
        meant = [a for a in (f"step-{anchor}", f"variation-{anchor}") if a in ids]
        hint = f" (did you mean {quoted(meant[0])}?)" if meant else ""
        yield Finding(
            exercise.source.value(path),
            f"{field_name(path)} links to {quoted(href)}: {quoted(target.name)} has no step,"
            f" variation, FAQ entry or section with the id {quoted(anchor)}{hint}",
            notes,
        )
