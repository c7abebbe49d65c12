"""Record text with a little formatting: emphasis, links and lists, and nothing else.

Description paragraphs, tips and FAQ answers may write `*emphasis*`, `**strong emphasis**`,
`[a label](address)` and bullet or numbered lists; every other field is plain text. The text is
parsed by markdown-it-py with every other rule switched off (raw HTML, headings, code, images,
tables, block quotes, autolinks, entities): what those would mark up stays the characters the
editor wrote. The parse becomes a small tree of our own (`Paragraph`, `ListBlock`, `Text`,
`Span`, `Link`), and the HTML is written from that tree alone, every text escaped: nothing of the
parser's own output, and no tag or attribute but ours, can reach a page.

A link's address is one of:

- `https://…`, an external page;
- `<slug>` or `<slug>#<anchor>`, another exercise or one of its entries (`<faq id>`,
  `step-<id>`, `variation-<id>`) or sections, an old slug or an old id included;
- `#<anchor>`, an entry of the same page.

Anything else (`javascript:`, `data:`, `http:`, `mailto:`, a path) is refused by the checks
(`checks/text_links.py`); should one reach the renderer all the same, its label is shown
unlinked.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token
from markupsafe import Markup, escape

from ..addresses import base_of, exercise_url
from ..anchors import anchored_items
from ..model import Exercise
from ..source.identifiers import is_id
from ..source.yaml_nodes import Path

FORMATTED_FIELDS = ("description", "tips", "answer")
"""The fields whose text may carry formatting: description paragraphs, tips, FAQ answers."""


def is_formatted(path: Path) -> bool:
    """Whether the text at `path` of a record is read as formatted text."""
    return path[0] in FORMATTED_FIELDS[:2] or (path[0] == "faq" and path[-1] == "answer")


# The parser


def _no_image(state: StateInline, silent: bool) -> bool:
    """`![` as the two characters written: with images off, the link rule would otherwise turn
    `![alt](address)` into a `!` and a link."""
    if not state.src.startswith("![", state.pos):
        return False
    if not silent:
        state.pending += "!["
    state.pos += 2
    return True


def _parser() -> MarkdownIt:
    # The zero preset has every rule off but paragraphs; turn on only the subset. `escape`
    # lets an editor write a literal `*` or `[` as `\*` or `\[`.
    md = MarkdownIt("zero", {"html": False, "linkify": False, "typographer": False})
    md.enable(["list", "emphasis", "link", "escape"])
    md.inline.ruler.before("link", "no_image", _no_image)
    # markdown-it leaves a link it finds unsafe as text; the checks must see every link to
    # refuse it with a finding, so all are parsed and `link_target` decides.
    md.validateLink = lambda url: True  # type: ignore[method-assign]
    return md


_MD = _parser()

# Text with none of these can hold no formatting: most record text skips the parser.
_MAYBE_FORMATTED = re.compile(
    r"[*_\[\\]|^[ \t]*(?:[-+]|[0-9]{1,9}[.)])(?:[ \t]|$)|\n[ \t]*\n", re.M
)


@dataclass(frozen=True)
class Text:
    text: str


@dataclass(frozen=True)
class Span:
    tag: str
    """`em` or `strong`."""
    children: tuple[Inline, ...]


@dataclass(frozen=True)
class Link:
    href: str
    """The address as written (percent-encoded where a URL must be)."""
    children: tuple[Inline, ...]


Inline = Text | Span | Link


@dataclass(frozen=True)
class Paragraph:
    inlines: tuple[Inline, ...]


@dataclass(frozen=True)
class ListBlock:
    ordered: bool
    start: int
    items: tuple[tuple[Block, ...], ...]
    tight: bool
    """A list without blank lines between its items: their paragraphs show without `<p>`."""


Block = Paragraph | ListBlock


@dataclass
class _Open:
    """A list or list item being read: its blocks so far."""

    token: Token
    blocks: list[Block] = field(default_factory=list)
    items: list[tuple[Block, ...]] = field(default_factory=list)
    tight: bool = True


def _inlines(tokens: Sequence[Token]) -> tuple[Inline, ...]:
    stack: list[tuple[Token | None, list[Inline]]] = [(None, [])]
    for token in tokens:
        kind = token.type
        if kind == "text":
            stack[-1][1].append(Text(token.content))
        elif kind in ("softbreak", "hardbreak"):  # a line break inside a paragraph is a space
            stack[-1][1].append(Text("\n"))
        elif kind.endswith("_open"):
            stack.append((token, []))
        elif kind.endswith("_close"):
            opened, children = stack.pop()
            assert opened is not None
            made: Inline
            if opened.type == "link_open":
                made = Link(str(opened.attrs.get("href", "")), tuple(children))
            else:
                made = Span(opened.tag, tuple(children))
            stack[-1][1].append(made)
        else:  # the rules that make any other token are off
            raise AssertionError(f"unexpected inline token {kind}")
    return tuple(stack[0][1])


@functools.lru_cache(maxsize=16384)
def parse(text: str) -> tuple[Block, ...]:
    """The blocks of one text: paragraphs and lists. Cached: every check of a record reads the
    same texts."""
    if not _MAYBE_FORMATTED.search(text):
        return (Paragraph((Text(text),)),) if text.strip() else ()
    root = _Open(Token("root", "", 0))
    stack = [root]
    for token in _MD.parse(text):
        kind = token.type
        if kind == "inline":
            stack[-1].blocks.append(Paragraph(_inlines(token.children or ())))
        elif kind == "paragraph_open":
            if not token.hidden and len(stack) > 1:
                stack[-2].tight = False
        elif kind == "paragraph_close":
            pass
        elif kind in ("bullet_list_open", "ordered_list_open", "list_item_open"):
            stack.append(_Open(token))
        elif kind == "list_item_close":
            item = stack.pop()
            stack[-1].items.append(tuple(item.blocks))
        elif kind in ("bullet_list_close", "ordered_list_close"):
            opened = stack.pop()
            start = opened.token.attrs.get("start", 1)
            stack[-1].blocks.append(
                ListBlock(
                    kind == "ordered_list_close",
                    start if isinstance(start, int) else 1,
                    tuple(opened.items),
                    opened.tight,
                )
            )
        else:  # the rules that make any other token are off
            raise AssertionError(f"unexpected block token {kind}")
    return tuple(root.blocks)


def links(text: str) -> Iterator[Link]:
    """Every link of a text, in reading order."""

    def walk(inlines: Iterable[Inline]) -> Iterator[Link]:
        for inline in inlines:
            if isinstance(inline, Link):
                yield inline
            if not isinstance(inline, Text):
                yield from walk(inline.children)

    for paragraph in _paragraphs(parse(text)):
        yield from walk(paragraph.inlines)


def _paragraphs(blocks: Iterable[Block]) -> Iterator[Paragraph]:
    for block in blocks:
        if isinstance(block, Paragraph):
            yield block
        else:
            for item in block.items:
                yield from _paragraphs(item)


# The text as the reader sees it


def _label(inlines: Iterable[Inline]) -> str:
    return "".join(i.text if isinstance(i, Text) else _label(i.children) for i in inlines)


def pieces(text: str) -> tuple[str, ...]:
    """The text as the reader sees it, markup removed: one string per paragraph, and each list
    item's paragraphs on their own (a list item shows as an item of its own)."""
    return tuple(_label(p.inlines) for p in _paragraphs(parse(text)))


def plain(text: str) -> str:
    """The text without its markup: emphasis marks, link addresses and list markers gone,
    paragraphs and list items one a line. What prose checks and search read."""
    return "\n".join(pieces(text))


def outline(text: str) -> str:
    """The text without its inline markup (emphasis marks, link addresses) but with its shape,
    for the checks that read paragraphs and list items (`checks.prose.blocks`): paragraphs
    apart by a blank line, each list item a line of its own after `- `, and a paragraph that
    is nothing but a link still written as a link."""
    out: list[str] = []

    def walk(blocks: Iterable[Block], depth: int) -> None:
        for block in blocks:
            if isinstance(block, Paragraph):
                inlines = [
                    i for i in block.inlines if not (isinstance(i, Text) and not i.text.strip())
                ]
                if len(inlines) == 1 and isinstance(inlines[0], Link):
                    line = f"[{_label(inlines[0].children)}]({inlines[0].href})"
                else:
                    line = _label(block.inlines)
                out.append(f"{'  ' * (depth - 1)}- {line}" if depth else f"\n{line}")
            else:
                for item in block.items:
                    walk(item, depth + 1)

    walk(parse(text), 0)
    return "\n".join(out).strip("\n")


def plain_texts(exercise: Exercise) -> Iterator[tuple[Path, str]]:
    """`Exercise.texts()` as the reader sees them: formatted fields without their markup."""
    for path, text in exercise.texts():
        yield path, plain(text) if is_formatted(path) else text


def outline_texts(exercise: Exercise) -> Iterator[tuple[Path, str]]:
    """`Exercise.texts()` with the formatted fields in `outline`."""
    for path, text in exercise.texts():
        yield path, outline(text) if is_formatted(path) else text


def formatted_texts(exercise: Exercise) -> Iterator[tuple[Path, str]]:
    """The texts of a record that may carry formatting, with their paths."""
    return ((path, text) for path, text in exercise.texts() if is_formatted(path))


# Addresses


@dataclass(frozen=True)
class External:
    url: str


@dataclass(frozen=True)
class Internal:
    slug: str | None
    """None: the page the text is on."""
    anchor: str | None


@dataclass(frozen=True)
class Refused:
    reason: str


def link_target(href: str) -> External | Internal | Refused:
    """What a link's address names, told from its form alone."""
    if not href:
        return Refused("an empty address")
    try:
        parts = urlsplit(href)
    except ValueError:
        return Refused("an address that cannot be read")
    scheme = parts.scheme.lower()
    if scheme == "https":
        if not parts.hostname:
            return Refused("an https address without a host")
        return External(href)
    if scheme:
        return Refused(f"the scheme '{scheme}:'; only https pages may be linked")
    if parts.netloc or parts.query or "/" in parts.path or (not parts.path and not parts.fragment):
        return Refused("an address that is neither https:// nor an exercise's slug")
    slug = parts.path or None
    anchor = parts.fragment or None
    if "#" in href and anchor is None:
        return Refused("an empty '#' fragment")
    if (slug is not None and not is_id(slug)) or (anchor is not None and not is_id(anchor)):
        return Refused("an address that is neither https:// nor an exercise's slug")
    return Internal(slug, anchor)


@dataclass(frozen=True)
class Landing:
    """Where an internal link lands: the page, and the element's current id."""

    exercise: Exercise
    anchor: str | None


@dataclass(frozen=True)
class Missing:
    """An internal link that lands nowhere."""

    slug: str
    anchor: str | None
    draft: bool = False
    exercise: Exercise | None = None
    """The exercise found, when only the anchor is missing."""


class LinkTargets:
    """What internal links may land on: each exercise by its slug and its old slugs, and on its
    page each entry by its id and its old ids (the deep links the anchor lock keeps), and each
    section. An old slug or id resolves to the current one, so the link needs no redirect."""

    def __init__(self, exercises: Iterable[Exercise]) -> None:
        self._pages: dict[str, Exercise] = {}
        listed = list(exercises)
        for exercise in listed:
            for alias in exercise.aliases:
                self._pages.setdefault(alias, exercise)
        self._pages.update({exercise.slug: exercise for exercise in listed})
        self._anchors: dict[str, Mapping[str, str]] = {}

    def anchors(self, exercise: Exercise) -> Mapping[str, str]:
        """Every id a link may name on the exercise's page, with the current id it lands on."""
        found = self._anchors.get(exercise.slug)
        if found is None:
            table = {section: section for section in exercise.sections()}
            for item in anchored_items(exercise):
                for anchor in item.alias_anchors:
                    table.setdefault(anchor, item.anchor)
            table.update({item.anchor: item.anchor for item in anchored_items(exercise)})
            self._anchors[exercise.slug] = found = table
        return found

    def land(self, target: Internal, on: Exercise) -> Landing | Missing:
        """Where a link of `on`'s text to `target` lands."""
        slug = target.slug or on.slug
        exercise = on if target.slug is None else self._pages.get(slug)
        if exercise is None or (exercise.draft and exercise is not on):
            return Missing(slug, target.anchor, draft=exercise is not None)
        if target.anchor is None:
            return Landing(exercise, None)
        anchor = self.anchors(exercise).get(target.anchor)
        if anchor is None:
            return Missing(slug, target.anchor, exercise=exercise)
        return Landing(exercise, anchor)

    def href(self, raw: str, on: Exercise) -> tuple[str, bool] | None:
        """The address a link of `on`'s page is written with, and whether it leaves the site;
        None for a link that is refused or lands nowhere."""
        target = link_target(raw)
        if isinstance(target, External):
            return target.url, True
        if isinstance(target, Refused):
            return None
        landing = self.land(target, on)
        if isinstance(landing, Missing):
            return None
        fragment = f"#{landing.anchor}" if landing.anchor else ""
        if landing.exercise is on and fragment:
            return fragment, False
        return f"{base_of(on.url)}{exercise_url(landing.exercise.slug)}{fragment}", False

    def resolved(self, exercise: Exercise) -> tuple[tuple[str, tuple[str, bool] | None], ...]:
        """Every link of the exercise's text with where it leads: what its page depends on
        of the other records."""
        return tuple(
            (link.href, self.href(link.href, exercise))
            for _, text in formatted_texts(exercise)
            for link in links(text)
        )


# HTML

_Href = Callable[[str], "tuple[str, bool] | None"]
"""A page's way of writing a link: its address and whether it leaves the site, or None."""

EXTERNAL_REL = "external nofollow noopener"
"""An external link's `rel`: `noopener` keeps the other page from reaching back into ours;
`nofollow` because the site vouches for its own pages, not for every page a record (or the open
data it was imported from) links to."""


def _inline_html(inlines: Iterable[Inline], href: _Href) -> str:
    out = []
    for inline in inlines:
        if isinstance(inline, Text):
            out.append(str(escape(inline.text)))
        elif isinstance(inline, Span):
            tag = "strong" if inline.tag == "strong" else "em"
            out.append(f"<{tag}>{_inline_html(inline.children, href)}</{tag}>")
        else:
            label = _inline_html(inline.children, href)
            found = href(inline.href)
            if found is None:
                out.append(label)
            else:
                url, external = found
                rel = f' rel="{EXTERNAL_REL}"' if external else ""
                out.append(f'<a href="{escape(url)}"{rel}>{label}</a>')
    return "".join(out)


def _blocks_html(blocks: Iterable[Block], href: _Href, tight: bool = False) -> str:
    out = []
    for block in blocks:
        if isinstance(block, Paragraph):
            inner = _inline_html(block.inlines, href)
            out.append(inner if tight else f"<p>{inner}</p>")
        else:
            tag = "ol" if block.ordered else "ul"
            start = f' start="{block.start}"' if block.ordered and block.start != 1 else ""
            items = "".join(
                f"<li>{_blocks_html(item, href, block.tight)}</li>\n" for item in block.items
            )
            out.append(f"<{tag}{start}>\n{items}</{tag}>")
    return "\n".join(out)


def html_blocks(text: str, href: Callable[[str], tuple[str, bool] | None]) -> Markup:
    """A text as HTML blocks with its links written by `href` (the address and whether it leaves
    the site, or None to show the label alone): for HTML read away from the page (an export)."""
    return Markup(_blocks_html(parse(text), href))


def render(
    text: str, on: Exercise, targets: LinkTargets | None = None, *, inline: bool = False
) -> Markup:
    """One text of `on`'s page as HTML. Block by block (`<p>`, `<ul>`, `<ol>`), or, `inline`,
    a text that is one paragraph as its content alone, for an element that is its paragraph
    already (a tip's `<li>`)."""
    blocks = parse(text)
    resolver = targets or LinkTargets((on,))

    def href(raw: str) -> tuple[str, bool] | None:
        return resolver.href(raw, on)

    one_paragraph = len(blocks) == 1 and isinstance(blocks[0], Paragraph)
    # Safe to mark: every tag and attribute above is ours, every text and address escaped.
    return Markup(_blocks_html(blocks, href, inline and one_paragraph))
