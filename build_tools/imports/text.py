"""A source's text in the record's text format: CommonMark limited to emphasis, links and lists.

HTML (wger's descriptions) is parsed with lxml and written back as that subset: each paragraph a
block, each `<ul>`/`<ol>` a block of list lines (nested lists indented), `<strong>`/`<b>` as
`**x**`, `<em>`/`<i>` as `*x*`, `<a href="https://…">` as `[t](https://…)`. Any other element
keeps its text and loses its markup; scripts, styles and images are dropped whole. Plain text
(free-exercise-db's steps, every text node of the HTML) is escaped where it would otherwise read
as markup, so that it shows exactly as the source wrote it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import html as lxml_html
from lxml.etree import ParserError, _Element

_BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "section", "table"}
_LISTS = {"ul", "ol"}
_DROPPED = {"script", "style", "img", "video", "audio", "iframe", "object", "svg", "head", "title"}
_STRONG = {"strong", "b"}
_EMPHASIS = {"em", "i"}

# What the subset would read as markup in running text: emphasis and link brackets anywhere, a
# backslash before punctuation, an entity reference; a list marker at the start of a line.
_INLINE_MARKUP = re.compile(r"[*_\[\]`]|\\(?=[!-/:-@\[-`{-~])|&(?=#?\w+;)")
_LINE_START_MARKER = re.compile(r"^(\s*)([-+*]|\d{1,9}[.)])(?=\s|$)", re.MULTILINE)
_SPACE = re.compile(r"[ \t\n\r\f\v\u00a0]+")


def escape(text: str) -> str:
    """Plain text written so the subset shows it as it is."""
    text = _INLINE_MARKUP.sub(lambda m: "\\" + m.group(0), text)
    return _LINE_START_MARKER.sub(
        lambda m: m.group(1) + m.group(2)[:-1] + "\\" + m.group(2)[-1], text
    )


def literal(text: str) -> str:
    """A plain-text source string as record text: spaces collapsed as a page shows them, and
    every character that the formatting subset would read as markup escaped."""
    return escape(_SPACE.sub(" ", text).strip())


@dataclass
class Converted:
    """An HTML text as blocks: paragraphs and lists (each list one block of lines)."""

    blocks: list[str] = field(default_factory=list)
    lists: list[tuple[int, bool, list[str]]] = field(default_factory=list)
    """For each top-level list: its block's index, whether it is numbered, and its items when
    each is a single paragraph of text (else empty)."""
    media: int = 0
    """Images and other media elements left out."""


def convert(html_text: str) -> Converted:
    """The blocks of an HTML fragment; an empty or markup-only fragment gives none."""
    result = Converted()
    if not html_text.strip():
        return result
    try:
        root = lxml_html.fragment_fromstring(html_text, create_parent="div")
    except (ParserError, ValueError):
        result.blocks.append(literal(html_text))
        return result
    _Writer(result).blocks(root)
    return result


class _Writer:
    def __init__(self, result: Converted) -> None:
        self.result = result

    def blocks(self, parent: _Element) -> None:
        """The block-level content of `parent`: loose text and inline runs become paragraphs."""
        run: list[str] = [_text(parent.text)]
        for child in parent:
            tag = _tag(child)
            if tag in _BLOCKS or tag in _LISTS or (tag == "br" and _is_break_pair(child)):
                self.paragraph(run)
                run = []
                if tag in _LISTS:
                    self.list_block(child)
                elif tag in _BLOCKS:
                    self.blocks(child)
            else:
                run.append(self.inline(child))
            run.append(_text(child.tail))
        self.paragraph(run)

    def paragraph(self, run: list[str]) -> None:
        text = _tidy("".join(run))
        if text:
            self.result.blocks.append(text)

    def list_block(self, element: _Element) -> None:
        numbered = _tag(element) == "ol"
        lines: list[str] = []
        simple: list[str] = []
        is_simple = self.list_lines(element, "", lines, simple)
        if lines:
            self.result.lists.append(
                (len(self.result.blocks), numbered, simple if is_simple else [])
            )
            self.result.blocks.append("\n".join(lines))

    def list_lines(
        self, element: _Element, indent: str, lines: list[str], items: list[str]
    ) -> bool:
        """Appends the list's lines; true when every item is one paragraph of text."""
        numbered = _tag(element) == "ol"
        simple = True
        number = 0
        for child in element:
            if _tag(child) != "li":
                continue
            number += 1
            marker = f"{number}. " if numbered else "- "
            inner = indent + " " * len(marker)
            parts: list[str] = []
            nested: list[str] = []
            run = [_text(child.text)]
            for part in child:
                tag = _tag(part)
                if tag in _LISTS:
                    simple = False
                    self.flush_item(run, parts)
                    run = []
                    self.list_lines(part, inner, nested, [])
                elif tag in _BLOCKS:
                    self.flush_item(run, parts)
                    run = [self.inline_children(part)]
                    self.flush_item(run, parts)
                    run = []
                else:
                    run.append(self.inline(part))
                run.append(_text(part.tail))
            self.flush_item(run, parts)
            if len(parts) != 1 or nested:
                simple = False
            if not parts and not nested:
                continue
            first, *rest = parts or [""]
            lines.append(f"{indent}{marker}{first}".rstrip())
            lines.extend(f"{inner}{more}" for more in rest)
            lines.extend(nested)
            items.append(first)
        return simple and bool(items)

    def flush_item(self, run: list[str], parts: list[str]) -> None:
        text = _tidy("".join(run))
        if text:
            parts.append(text)

    def inline_children(self, element: _Element) -> str:
        pieces = [_text(element.text)]
        for child in element:
            pieces.append(self.inline(child))
            pieces.append(_text(child.tail))
        return "".join(pieces)

    def inline(self, element: _Element) -> str:
        tag = _tag(element)
        if tag in _DROPPED:
            if tag in {"img", "video", "audio", "iframe", "object", "svg"}:
                self.result.media += 1
            return ""
        if tag == "br":
            return " "
        inner = self.inline_children(element)
        if tag in _STRONG or tag in _EMPHASIS:
            core = _tidy(inner)
            if not core:
                return inner
            mark = "**" if tag in _STRONG else "*"
            # Spaces stay outside the markers, where CommonMark needs them.
            lead = " " if inner[:1].isspace() else ""
            trail = " " if inner[-1:].isspace() else ""
            return f"{lead}{mark}{core}{mark}{trail}"
        if tag == "a":
            href = (element.get("href") or "").strip()
            core = _tidy(inner)
            if core and re.fullmatch(r"https://[^\s()<>]+", href):
                return f"[{core}]({href})"
            return inner
        return inner


def _tag(element: _Element) -> str:
    tag = element.tag
    return tag.lower() if isinstance(tag, str) else ""  # comments and processing instructions


def _is_break_pair(element: _Element) -> bool:
    """`<br><br>`: two line breaks in a row end a paragraph, as they read on a page."""
    following = element.getnext()
    return following is not None and _tag(following) == "br" and not (element.tail or "").strip()


def _text(text: str | None) -> str:
    return escape(_SPACE.sub(" ", text)) if text else ""


def _tidy(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


_SENTENCE = re.compile(r"^(.+?[.!?])(?=\s+[A-Z0-9\"'(]|$)")


def first_sentence(paragraph: str, limit: int) -> str | None:
    """The paragraph's first sentence verbatim, if it has one of at most `limit` characters
    written without markup (a summary is shown as plain text)."""
    if "\n" in paragraph:
        return None
    found = _SENTENCE.match(paragraph)
    if not found:
        return None
    sentence = found.group(1)
    if len(sentence) > limit or "\\" in sentence or "*" in sentence or "[" in sentence:
        return None
    if len(sentence.split()) < 4:  # "Steps." or "Note:" reads as a label, not a summary
        return None
    return sentence
