"""Small helpers for reading record prose: normalising, splitting into sentences, finding words."""

from __future__ import annotations

import re
from collections.abc import Iterable

_SENTENCE_END = re.compile(r"(?<=[.?!])\s+")
_WORD_CHARACTER = re.compile(r"[^\W_]")


def normalize(text: str) -> str:
    """Whitespace collapsed, as a reader sees the text on the page."""
    return " ".join(text.split())


def name_pattern(name: str) -> re.Pattern[str]:
    """The words of a name however they are joined: `Heel Press`, `heel-press`, `Heelpress`."""
    return re.compile(
        r"(?<!\w)" + r"[\s-]*".join(re.escape(w) for w in name.split()) + r"(?!\w)",
        re.IGNORECASE,
    )


def sentences(text: str) -> list[str]:
    """The sentences of a text: split after `.`, `?` or `!` followed by a space."""
    return [s for s in _SENTENCE_END.split(normalize(text)) if s]


_WORD = re.compile(r"[^\W_]+")


def words(text: str) -> str:
    """The text's words, case-folded, one space around each: ` low back lean `. Hyphens and
    punctuation separate words, so `low-back` and `low back` read the same."""
    return " " + " ".join(_WORD.findall(text.casefold())) + " "


def names_any(text_words: str, phrases: Iterable[str]) -> str | None:
    """The first phrase that `text_words` (from `words`) contains as whole words, if any."""
    for phrase in phrases:
        wanted = words(phrase)
        if wanted.strip() and wanted in text_words:
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
    """A value quoted for a message, shortened so the message stays on one line."""
    text = normalize(text)
    return f"'{text}'" if len(text) <= limit else f"'{text[: limit - 3]}...'"


def quoted_end(text: str, limit: int = 40) -> str:
    """Like `quoted`, but keeps the end of a long text, where the problem is."""
    text = normalize(text)
    return f"'{text}'" if len(text) <= limit else f"'...{text[3 - limit :]}'"
