"""Folding text into search words: case, accents, punctuation, hyphens and plurals fold away.

The browser folds what the reader types with the same rules (`find-core.js`); a test runs both on
the same strings, so the index and the query can never disagree.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from functools import cache
from itertools import chain, pairwise

# Irregular plurals of the field's own words; the rules below handle the regular ones.
IRREGULAR = {"calves": "calf", "halves": "half", "flyes": "fly", "feet": "foot", "teeth": "tooth"}

_APOSTROPHES = re.compile(r"['’`]")
_WORDS = re.compile(r"[a-z0-9]+")


def stem(word: str) -> str:
    """The singular of a word, by the regular English rules: `pull-ups` and `pull-up` meet."""
    # Looked up on every call: a remembered singular would outlive a change of the data.
    irregular = IRREGULAR.get(word)
    return _regular_stem(word) if irregular is None else irregular


@cache
def _regular_stem(word: str) -> str:
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


def rules() -> tuple[tuple[tuple[str, str], ...], frozenset[str]]:
    """Everything folding depends on besides the code: part of the key of anything remembered
    from one build to the next."""
    return tuple(sorted(IRREGULAR.items())), STOPWORDS


class Folding:
    """The folding of one index build: the rules as the build read them, and every word, sentence
    and name it has folded so far. Records repeat the same words, names and (varied exercises)
    whole sentences; each is folded once. It lives for one build, so a changed rule or record is
    never answered from an earlier build's memory.
    """

    def __init__(self) -> None:
        self.stopwords = STOPWORDS
        self.irregular = dict(IRREGULAR)
        self.rules = rules()
        self._words = _Words(self.stopwords)
        self._sentences = _Sentences(self._words)
        self._names: dict[str, tuple[tuple[str, ...], frozenset[str]]] = {}
        self._joined: dict[str, tuple[tuple[str, ...], frozenset[str]]] = {}
        self._lists: dict[tuple[tuple[str, ...], bool], frozenset[str]] = {}

    def text(self, sentences: Sequence[str]) -> frozenset[str]:
        """The distinct keywords of body text: `fold_set` of it, stopwords dropped."""
        if len(sentences) < 2:
            return self._sentences[sentences[0]] if sentences else _NOTHING
        return _NOTHING.union(*map(self._sentences.__getitem__, sentences))

    def name(self, text: str, joined: bool) -> tuple[tuple[str, ...], frozenset[str]]:
        """(the keywords of a name or term, and all words that find it: with `joined`, also each
        two adjacent words and all of them run together, as "pullups" finds "Pull-Ups"; never the
        empty word of a name of stopwords alone)."""
        names = self._joined if joined else self._names
        found = names.get(text)
        if found is None:
            kept = tuple(chain.from_iterable(map(self._words.__getitem__, text.split())))
            if joined and kept:
                every = frozenset((*kept, *(a + b for a, b in pairwise(kept)), compact(kept)))
            else:  # a token's words are never empty: only `compact` of no words is
                every = frozenset(kept)
            found = names[text] = (kept, every)
        return found

    def names(self, texts: tuple[str, ...], joined: bool) -> frozenset[str]:
        """All words that find any of `texts` (`name`): records share whole lists of terms."""
        key = (texts, joined)
        found = self._lists.get(key)
        if found is None:
            found = self._lists[key] = _NOTHING.union(*(self.name(t, joined)[1] for t in texts))
        return found


_NOTHING: frozenset[str] = frozenset()


class _Words(dict[str, tuple[str, ...]]):
    """Whitespace-separated token → its keywords. `fold` never joins letters across whitespace,
    so a text's words are its tokens' words, in order."""

    def __init__(self, stopwords: frozenset[str]) -> None:
        super().__init__()
        self.stopwords = stopwords

    def __missing__(self, token: str) -> tuple[str, ...]:
        words = self[token] = tuple(w for w in fold(token) if w not in self.stopwords)
        return words


class _Sentences(dict[str, frozenset[str]]):
    """Sentence → its distinct keywords."""

    def __init__(self, words: _Words) -> None:
        super().__init__()
        self.words = words

    def __missing__(self, sentence: str) -> frozenset[str]:
        found = self[sentence] = frozenset(
            chain.from_iterable(map(self.words.__getitem__, sentence.split()))
        )
        return found
