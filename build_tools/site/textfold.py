"""Folding text into search words: case, accents, punctuation, hyphens and plurals fold away.

The browser folds what the reader types with the same rules (`find-core.js`); a test runs both on
the same strings, so the index and the query can never disagree.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import cache

# Irregular plurals of the field's own words; the rules below handle the regular ones.
IRREGULAR = {"calves": "calf", "halves": "half", "flyes": "fly", "feet": "foot", "teeth": "tooth"}

_APOSTROPHES = re.compile(r"['’`]")
_WORDS = re.compile(r"[a-z0-9]+")


@cache
def stem(word: str) -> str:
    """The singular of a word, by the regular English rules: `pull-ups` and `pull-up` meet."""
    if word in IRREGULAR:
        return IRREGULAR[word]
    if len(word) < 3 or word[-1] != "s" or word.endswith(("ss", "us", "is")):
        return word
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes", "zes")):
        return word[:-2]
    return word[:-1]


# Words that carry no meaning in a name or a question, dropped from the index and from queries;
# kept in their folded form ("does" folds to "doe"), as `fold` returns them.
_STOP = (
    "a",
    "an",
    "and",
    "are",
    "at",
    "be",
    "by",
    "can",
    "do",
    "does",
    "for",
    "from",
    "how",
    "i",
    "in",
    "is",
    "it",
    "me",
    "my",
    "of",
    "on",
    "or",
    "should",
    "that",
    "the",
    "this",
    "to",
    "what",
    "when",
    "which",
    "who",
    "why",
    "with",
    "you",
    "your",
)
STOPWORDS = frozenset(stem(w) for w in _STOP)


def fold(text: str) -> list[str]:
    """Every word of `text`, folded and singular, stopwords included (names need them whole)."""
    plain = text.lower()
    if not plain.isascii():  # accents and ligatures fold to their letters
        decomposed = unicodedata.normalize("NFKD", plain)
        plain = "".join(c for c in decomposed if not unicodedata.category(c).startswith("M"))
    plain = _APOSTROPHES.sub("", plain)
    return [stem(w) for w in _WORDS.findall(plain)]


# Every ASCII character that is not a letter or digit becomes a space; apostrophes go.
_SPACES = {c: " " for c in range(128) if not chr(c).isalnum()} | {ord(c): None for c in "'`"}


def fold_set(text: str) -> set[str]:
    """The distinct words of `fold(text)`, faster for long text: each word is made singular once."""
    lower = text.lower()
    found: set[str] = set()
    if not lower.isascii():  # fold never joins words across spaces: only these tokens need it
        tokens = lower.split()
        found.update(w for t in tokens if not t.isascii() for w in fold(t))
        lower = " ".join(t for t in tokens if t.isascii())
    return found | {stem(w) for w in set(lower.translate(_SPACES).split())}


def keywords(words: Iterable[str]) -> list[str]:
    """The words that are searched for: stopwords dropped, order kept."""
    return [w for w in words if w not in STOPWORDS]


def compact(words: Iterable[str]) -> str:
    """All words run together: `Pull-Ups`, `pull ups` and `pullups` all become `pullup`."""
    return "".join(words)
