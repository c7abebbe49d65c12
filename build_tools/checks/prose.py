"""Small helpers for reading record prose: normalising, splitting into sentences, finding words."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from .. import diagnostics

_SENTENCE_END = re.compile(r"(?<=[.?!])\s+")
_WORD_CHARACTER = re.compile(r"[^\W_]")


def normalize(text: str) -> str:
    """Whitespace collapsed, as a reader sees the text on the page."""
    return " ".join(text.split())


def _is_word_character(character: str) -> bool:
    return character.isalnum() or character == "_"


def name_spans(text: str, name: str) -> Iterator[tuple[int, int]]:
    """Where `text` writes the words of `name`, however they are joined: `Heel Press`,
    `heel-press`, `Heelpress` (any letter case, whole words only), as (start, end)."""
    parts = name.lower().split()
    lowered = text.lower()
    if not parts or len(lowered) != len(text):  # a letter whose lower case is longer: rare
        yield from _name_spans_slowly(text, parts)
        return
    start = lowered.find(parts[0])
    while start != -1:
        end: int | None = start + len(parts[0])
        if start > 0 and _is_word_character(text[start - 1]):
            end = None
        for part in parts[1:]:
            if end is None:
                break
            while end < len(text) and (text[end].isspace() or text[end] == "-"):
                end += 1
            end = end + len(part) if lowered.startswith(part, end) else None
        if end is not None and not (end < len(text) and _is_word_character(text[end])):
            yield start, end
            start = lowered.find(parts[0], end)
        else:
            start = lowered.find(parts[0], start + 1)


def _name_spans_slowly(text: str, parts: list[str]) -> Iterator[tuple[int, int]]:
    if not parts:
        return
    joined = r"[\s-]*".join(map(re.escape, parts))
    for match in re.finditer(rf"(?<!\w){joined}(?!\w)", text, re.IGNORECASE):
        yield match.span()


def sentences(text: str) -> list[str]:
    """The sentences of a text: split after `.`, `?` or `!` followed by a space."""
    return [s for s in _SENTENCE_END.split(normalize(text)) if s]


_WORD = re.compile(r"[^\W_]+")


def words(text: str) -> str:
    """The text's words, case-folded, one space around each: ` low back lean `. Hyphens and
    punctuation separate words, so `low-back` and `low back` read the same."""
    return " " + " ".join(_WORD.findall(text.casefold())) + " "


@functools.lru_cache(maxsize=4096)
def _phrase_words(phrase: str) -> str:
    # Vocabulary phrases are few and asked for in every record: their words are made once.
    return words(phrase)


def first_word(phrase: str) -> str:
    """The first of a phrase's words, as `words` writes it."""
    found = _phrase_words(phrase).split(maxsplit=1)
    return found[0] if found else ""


def names_any(text_words: str, phrases: Iterable[str]) -> str | None:
    """The first phrase that `text_words` (from `words`) contains as whole words, if any."""
    for phrase in phrases:
        wanted = _phrase_words(phrase)
        if wanted != "  " and wanted in text_words:
            return phrase
    return None


def as_written(text: str, phrase: str) -> str:
    """How `text` writes a phrase that `names_any` found in it (`low-back` for `low back`)."""
    tokens = _WORD.findall(phrase)
    pattern = r"(?<![^\W_])" + r"[\W_]+".join(map(re.escape, tokens)) + r"(?![^\W_])"
    found = re.search(pattern, text, re.IGNORECASE)
    return found.group(0) if found else phrase


def has_words(text: str) -> bool:
    """Whether the text has a letter or a digit."""
    return _WORD_CHARACTER.search(text) is not None


def quoted(text: str, limit: int = 40) -> str:
    """Prose quoted for a message as the page shows it (spacing collapsed), shortened so the
    message stays on one line; the one quoting rule of `diagnostics.quoted`, at the width and
    with the `...` that the prose findings have always printed."""
    return diagnostics.quoted(normalize(text), limit, cut="...")


def quoted_end(text: str, limit: int = 40) -> str:
    """Like `quoted`, but keeps the end of a long text, where the problem is."""
    return diagnostics.quoted(normalize(text), limit, keep_end=True, cut="...")


_LIST_MARKER = re.compile(r"^\s*(?:[-*+•]|\d{1,3}[.)])\s+")


@dataclass(frozen=True)
class Block:
    """A paragraph of a text, or one item of a list written in it (`- item`, `1. item`)."""

    text: str
    """Without the list marker."""
    item: bool


def blocks(text: str) -> list[Block]:
    """A text's paragraphs and list items, in order. A line starting with a list marker starts
    an item; a line without one continues the item or paragraph above it, unless a blank line
    ends that."""
    found: list[tuple[list[str], bool]] = []
    open_block = False
    for line in text.splitlines():
        if not line.strip():
            open_block = False
            continue
        marker = _LIST_MARKER.match(line)
        if marker:
            found.append(([line[marker.end() :]], True))
        elif open_block:
            found[-1][0].append(line)
        else:
            found.append(([line], False))
        open_block = True
    return [Block(normalize(" ".join(lines)), item) for lines, item in found]


_LINK = re.compile(r"(?:https://\S+|<https?://[^\s>]+>|\[[^\]\n]+\]\([^)\s]+\))")


def is_link(text: str) -> bool:
    """Whether the text is nothing but a link: an address, `<address>` or `[words](address)`."""
    return _LINK.fullmatch(normalize(text)) is not None


def phrase_spans(text: str, phrase: str) -> Iterator[tuple[int, int]]:
    """Where `text` writes a phrase (whole words, any case, any punctuation between its words),
    as (start, end): every place `names_any` would find it."""
    pattern = _phrase_pattern(phrase)
    if pattern is not None:
        for found in pattern.finditer(text):
            yield found.span()


@functools.lru_cache(maxsize=4096)
def _phrase_pattern(phrase: str) -> re.Pattern[str] | None:
    tokens = _WORD.findall(phrase)
    if not tokens:
        return None
    joined = r"[\W_]+".join(map(re.escape, tokens))
    return re.compile(r"(?<![^\W_])" + joined + r"(?![^\W_])", re.IGNORECASE)
