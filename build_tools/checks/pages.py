"""The built page of each exercise says what its record says: every section, every piece of
text and every anchor is on it exactly once."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from lxml import etree

from ..diagnostics import Location, Note, quoted
from ..model import SECTION_IDS, Exercise
from ..render.markup import is_formatted, pieces
from ..site.reader import HEADINGS, BuiltPage
from ..source.schema import field_name
from ..source.yaml_nodes import Path
from .prose import normalize
from .registry import Finding, page_check

Element = etree._Element


def _title(page: BuiltPage, exercise: Exercise) -> Location:
    """Where a missing part would have been: the page title, or the top of the page."""
    found = page.carriers(exercise.slug)
    return page.location(found[0] if found else page.root.find("body"))


@page_check(
    "H101",
    "page or section missing or repeated",
    example="site/exercises/heel-press/index.html:12:1: H101 section 'at-a-glance' is missing",
)
def sections_once(exercise: Exercise, page: BuiltPage | None) -> Iterator[Finding]:
    """What it catches: an exercise whose page was not written, or whose page lacks one of
    the sections its record fills (description, instructions, variations, tips, FAQ and the
    panel at the top) or has one twice. A section is a heading with the section's id.

    Why: a template or theme change can drop or repeat a whole section on every page at
    once, and nothing in the records would show it.

    How to fix: correct the template in `templates/pages/` that the message leads to."""
    if page is None:
        yield Finding(
            exercise.source.value(("slug",)), f"the page of {quoted(exercise.slug)} was not built"
        )
        return
    for section in exercise.sections():
        headings = page.headings.get(section, [])
        if not headings:
            yield Finding(_title(page, exercise), f"section '{section}' is missing")
        elif len(headings) > 1:
            yield Finding(
                page.location(headings[1]),
                f"section '{section}' appears {len(headings)} times",
                (Note(page.location(headings[0]), "first here"),),
            )


def record_texts(exercise: Exercise) -> Iterator[tuple[Path, str, str | None]]:
    """Each text the page must show once: (path, text, the section it belongs in). A text
    with formatting is what the reader sees of it, one paragraph or list item at a time."""
    for path, text in exercise.texts():
        field = path[0]
        if field == "variations":
            continue
        assert isinstance(field, str)  # a path starts with the record's field name
        section = None if field == "summary" else field
        for piece in pieces(text) if is_formatted(path) else (text,):
            yield path, piece, section


def _article(page: BuiltPage) -> Element:
    """The article our template makes, where record text belongs: the theme's chrome around it
    is the same on every page."""
    for article in page.root.iter("article"):
        if "exercise" in (article.get("class") or "").split():
            return article
    return page.root


_LISTS = frozenset({"ul", "ol"})


def _placed(page: BuiltPage, wanted: set[str]) -> dict[str, list[tuple[Element, str | None]]]:
    """The elements whose whole text is one of `wanted`, innermost only and outside links
    (a link's label repeats what it points to), each with the section it stands in. A list
    inside an element is not part of its text: a list item's own text is its item, each
    item of a list inside it one of its own."""
    first_words = {text.split(" ", 1)[0] for text in wanted}
    found: dict[str, list[tuple[Element, str | None]]] = {}
    section: str | None = None

    # One walk gathers each element's text from its children's, rather than asking every
    # element for its whole text: that was most of this check's time.
    def visit(element: Element, in_link: bool) -> str:
        nonlocal section
        tag = element.tag
        if tag in HEADINGS and element.get("id") in SECTION_IDS:
            section = element.get("id")
        where = section
        in_link = in_link or tag == "a"
        parts = [element.text] if element.text else []
        own = parts[:]
        children: list[str] = []
        for child in element:
            if child.tag.__class__ is str:  # not a comment: its text is not shown
                text = visit(child, in_link)
                if text:
                    parts.append(text)
                    if child.tag not in _LISTS:
                        own.append(text)
                        if child.tag != "a":  # a paragraph that is a link is no mere wrapper
                            children.append(text)
            if child.tail:
                parts.append(child.tail)
                own.append(child.tail)
        raw = "".join(parts)
        if not in_link:
            mine = "".join(own) if len(own) != len(parts) else raw
            head = mine.split(None, 1)
            if head and head[0] in first_words:
                text = normalize(mine)
                if text in wanted and not any(normalize(c) == text for c in children):
                    found.setdefault(text, []).append((element, where))  # not a mere wrapper
        return raw

    visit(_article(page), False)
    return found


def _section_name(section: str | None) -> str:
    return f"'{section}' section" if section else "top of the page"


@page_check(
    "H102",
    "record text missing, repeated or misplaced",
    example="site/exercises/heel-press/index.html:99:1: H102 tips[5] appears 2 times on the page",
)
def texts_once(exercise: Exercise, page: BuiltPage | None) -> Iterator[Finding]:
    """What it catches: a summary, description paragraph, step, tip, question or answer of a
    record that its built page does not show, shows more than once, or shows in another
    section. Text inside links does not count: a link's label may repeat a question.

    Why: the page must say what the record says, all of it and only once; a template edit
    that loses a loop or runs it twice would otherwise publish a page that looks fine.

    How to fix: correct the template in `templates/pages/`; the note gives the record's
    text that went missing."""
    if page is None:
        return
    texts = [(path, section, normalize(text)) for path, text, section in record_texts(exercise)]
    expected = Counter(key for *_, key in texts)
    placed = _placed(page, set(expected))
    for path, section, key in texts:
        shown, count = placed.get(key, []), expected[key]
        if shown and len(shown) == count and all(s == section for _, s in shown):
            continue
        note = (Note(exercise.source.value(path), "the record's text"),)
        if not shown:
            yield Finding(_title(page, exercise), f"{field_name(path)} is missing", note)
        elif len(shown) != count:
            times = "" if count == 1 else f", the record has it {count} times"
            where = shown[count][0] if len(shown) > count else shown[0][0]
            message = f"{field_name(path)} appears {len(shown)} times on the page{times}"
            yield Finding(page.location(where), message, note)
        else:
            for element, found_in in shown:
                if found_in != section:
                    yield Finding(
                        page.location(element),
                        f"{field_name(path)} is in the {_section_name(found_in)},"
                        f" not the {_section_name(section)}",
                        note,
                    )


def anchors(exercise: Exercise) -> Iterator[tuple[Path, str]]:
    """Every anchor the record declares, with the path of the id it comes from."""
    yield ("slug",), exercise.slug
    for index, step in enumerate(exercise.instructions):
        yield ("instructions", index, "id"), step.anchor
    for index, variation in enumerate(exercise.variations):
        yield ("variations", index, "id"), variation.anchor
    for index, entry in enumerate(exercise.faq):
        yield ("faq", index, "id"), entry.anchor


@page_check(
    "H103",
    "declared anchor missing or repeated",
    example="site/exercises/heel-press/index.html:132:1: H103 anchor '#heel-lift' (faq[3].id)"
    " is on 2 elements",
)
def anchors_once(exercise: Exercise, page: BuiltPage | None) -> Iterator[Finding]:
    """What it catches: an anchor the record declares (the title, `#step-<id>`,
    `#variation-<id>`, an FAQ entry's `#<id>`) that is not on its built page, or that two
    elements of the page carry.

    Why: coaches send links to these anchors; a missing one opens the top of the page, a
    doubled one may open the wrong entry.

    How to fix: if a template lost an `id`, restore it in `templates/pages/`; if the page
    uses the same id for something else, rename that."""
    if page is None:
        return
    for path, anchor in anchors(exercise):
        if page.ids[anchor] == 1:
            continue
        carriers = page.carriers(anchor)
        note = (Note(exercise.source.value(path), "declared here"),)
        label = f"anchor {quoted('#' + anchor)} ({field_name(path)})"
        if not carriers:
            yield Finding(_title(page, exercise), f"{label} is missing", note)
        else:
            yield Finding(
                page.location(carriers[1]), f"{label} is on {len(carriers)} elements", note
            )
