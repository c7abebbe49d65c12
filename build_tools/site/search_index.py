"""The site's search index, written at build time from the records and sharded so that a query
downloads only the few small files it needs, however many exercises the site holds.

Why not the theme's search: its one lunr index grows with the site and is downloaded whole
before a first result (`docs/benchmark/index.md` gives its size). Why not Pagefind, which shards
too: it re-reads every built page after the build, which at ten thousand exercises costs more
time and memory than this build's whole budget, knows nothing of typos, and finds FAQ questions
only as parts of pages. The records already hold every name, other name and question, so the
index is made from them without reading a built page.

Layout (every file JSON, under the site's `search/` folder):

- `meta.json`: the folding rules' data, where each kind of entry starts, and how words are sharded.
- `w/<prefix>.json`: the words that start with `<prefix>`, each with its postings. A prefix whose
  file would grow too big is split one letter deeper, as a trie; the split prefixes are listed in
  `meta.json`, and each keeps only the word equal to itself.
- `t/<letter>.json`: the words of names, under keys that survive one typo in their first three
  letters (the first two letters, and each deletion of one of the first three), grouped by the
  key's first letter. A misspelled word finds its candidates here, then its postings in `w/`.
- `d/<n>.json`: the entries themselves (`[title, url, context, about]`), in chunks of consecutive
  ids; `about` is the short text a result's snippet is cut from (an exercise's summary, an
  answer).
- `x/<n>.json`: the sentences of the exercises' body text, in chunks of `TEXT_CHUNK` exercises,
  fetched only to cut the snippet of a result found by its body text alone.

A posting is `delta << 6 | field << 4 | words`: the gap to the previous entry id, where the word
was found (`FIELDS`: the title or other names, the terms, the body text), and how many words the
entry's title has (up to 15), so the browser ranks names above terms above body text, and the
closest titles first ("Pullups" before "Weighted Pull-ups" for `pull ups`), before it fetches any
entry. Ids follow kinds (exercises A–Z, browse pages, other pages, then FAQ questions grouped by
exercise), so a lower id is a better result at equal match quality.
"""

from __future__ import annotations

import gc
import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from itertools import chain, repeat
from operator import and_, sub

from .textfold import IRREGULAR as IRREGULAR  # where the tests read the folding's data
from .textfold import Folding

KINDS = ("exercise", "browse", "page", "faq")
NAME_KINDS = frozenset({"exercise", "browse", "page"})
FIELDS = ("name", "term", "text")
NAME, TERM, TEXT = range(len(FIELDS))
CHUNK = 128
"""Entries per `d/` file: small enough that ten results cost little, big enough to be few files."""
TEXT_CHUNK = 4
"""Exercises per `x/` file: a body-text snippet costs a few records' sentences, not a chunk's."""
COUNT_BITS = 4
FIELD_BITS = 2
SHARD_LIMIT = 24_000
"""A `w/` file bigger than this (bytes before gzip) is split one letter deeper."""
MAX_DEPTH = 6
TYPO_MIN = 5
"""A query word this long or longer may hold one typo."""
TYPO_WORD_MIN = 4


@dataclass(frozen=True)
class Entry:
    """One search result: an exercise, a browse or other page, or an FAQ question."""

    kind: str
    title: str
    url: str
    context: str = ""
    names: tuple[str, ...] = field(default=())
    """Other names that find this entry as its title does (an exercise's other names)."""
    terms: tuple[str, ...] = field(default=())
    """What the entry is about by the vocabulary's every name: its muscles, equipment, category
    and uses. They rank just below names."""
    text: tuple[str, ...] = field(default=())
    """The sentences of its body text (summary, description, steps, tips, answers)."""
    about: str = ""
    """The short text a snippet is cut from when the title does not hold the query."""
    names_rank_as_terms: bool = False
    """The entry's names rank as terms do: a browse page of a single exercise, which a reader
    looking for the term wants less than the exercise itself."""


@dataclass(frozen=True)
class SearchIndex:
    files: dict[str, bytes]
    entries: int
    words: int


_ENCODER = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False, sort_keys=True)


def _json(data: object) -> bytes:
    return _ENCODER.encode(data).encode()


def deltas(ids: Iterable[int]) -> list[int]:
    out, last = [], 0
    for i in sorted(ids):
        out.append(i - last)
        last = i
    return out


_ID_MASK = -1 << (FIELD_BITS + COUNT_BITS)


def _postings_json(codes: list[int], decimal: Sequence[str]) -> str:
    """A word's postings as JSON, from its ascending `id << 6 | field << 4 | words` codes: each
    id less the one before it, the low bits kept. `decimal[n]` is `str(n)`, for small `n`."""
    # Two million postings at ten thousand exercises: the arithmetic runs in `map`, and most
    # postings (near ids) are small numbers whose text is looked up, not made.
    low = len(decimal)
    gaps = map(sub, codes, map(and_, chain((0,), codes), repeat(_ID_MASK)))
    return f"[{','.join([decimal[g] if g < low else str(g) for g in gaps])}]"


@cache
def _decimal() -> tuple[str, ...]:
    return tuple(map(str, range(1 << 16)))


EntryWords = tuple[frozenset[str], frozenset[str], frozenset[str], int]
"""(the words in an entry's names, in its terms but not its names, in its body text alone; the
number of words of its title)."""


def entry_words(entry: Entry, folding: Folding | None = None) -> EntryWords:
    """Every word that finds the entry, by the best field it is in. `folding` remembers what the
    entries of one build share."""
    folding = folding or Folding()
    joined = entry.kind in NAME_KINDS
    kept, named = folding.name(entry.title, joined)
    if entry.names:
        named = named | folding.names(entry.names, joined)
    termed = folding.names(entry.terms, joined) - named if entry.terms else _NOTHING
    # Body text is folded in one piece: its words are found one by one, never run together.
    texted = folding.text(entry.text).difference(termed, named) if entry.text else _NOTHING
    if entry.names_rank_as_terms:
        return _NOTHING, termed | named, texted, len(kept)
    return named, termed, texted, len(kept)


_NOTHING: frozenset[str] = frozenset()


def _shards(sizes: dict[str, int]) -> tuple[dict[str, str], list[str]]:
    """Word → shard prefix, and the prefixes split deeper (a trie cut where files grow big)."""
    assigned: dict[str, str] = {}
    splits: list[str] = []

    def place(prefix: str, words: list[str]) -> None:
        depth = len(prefix)
        total = sum(sizes[w] for w in words)
        if total <= SHARD_LIMIT or depth >= MAX_DEPTH or all(len(w) <= depth for w in words):
            for w in words:
                assigned[w] = prefix
            return
        splits.append(prefix)
        deeper: dict[str, list[str]] = defaultdict(list)
        for w in words:
            if len(w) <= depth:
                assigned[w] = prefix
            else:
                deeper[w[: depth + 1]].append(w)
        for child, members in deeper.items():
            place(child, members)

    top: dict[str, list[str]] = defaultdict(list)
    for w in sizes:
        top[w[:2]].append(w)
    for prefix, members in top.items():
        place(prefix, members)
    return assigned, sorted(splits)


@cache
def typo_keys(word: str) -> frozenset[str]:
    """Keys under which one typo in the first three letters still meets the word."""
    head = word[:3]
    return frozenset({word[:2], *(head[:i] + head[i + 1 :] for i in range(len(head)))} - {""})


def build_index(
    entries: Sequence[Entry],
    words_of: Callable[[Entry, Folding], EntryWords] = entry_words,
) -> SearchIndex:
    """Every file of the index, from entries in the order they should rank at equal quality.

    `words_of` may remember `entry_words` between builds (`mkdocs serve`), under a key that holds
    the folding's `rules`.
    """
    # The index is made of strings, numbers and containers of them, never a cycle: the cyclic
    # collector frees nothing here, yet each time the index's growing lists and caches trigger
    # it, it walks every object of the whole build.
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _build_index(entries, words_of)
    finally:
        if enabled:
            gc.enable()


def _build_index(
    entries: Sequence[Entry], words_of: Callable[[Entry, Folding], EntryWords]
) -> SearchIndex:
    of_kind: dict[str, list[Entry]] = {kind: [] for kind in KINDS}
    for entry in entries:  # in their order within a kind: keeps A-Z order
        of_kind[entry.kind].append(entry)
    ordered = list(chain.from_iterable(of_kind.values()))
    folding = Folding()
    # Each word's postings as `id << 6 | field << 4 | words` codes, ids ascending.
    found: defaultdict[str, list[int]] = defaultdict(list)
    cap = (1 << COUNT_BITS) - 1
    shift = FIELD_BITS + COUNT_BITS
    for number, entry in enumerate(ordered):
        named, termed, texted, count = words_of(entry, folding)
        base = (number << shift) | min(count, cap)
        for word in named:
            found[word].append(base)
        code = base | (TERM << COUNT_BITS)
        for word in termed:
            found[word].append(code)
        code = base | (TEXT << COUNT_BITS)
        for word in texted:
            found[word].append(code)

    decimal = _decimal()
    encoded = {word: _postings_json(codes, decimal) for word, codes in found.items()}
    sizes = {word: len(word) + 4 + len(text) for word, text in encoded.items()}
    assigned, splits = _shards(sizes)
    shards: dict[str, list[str]] = defaultdict(list)
    for word in sorted(encoded):
        shards[assigned[word]].append(f"{_ENCODER.encode(word)}:{encoded[word]}")

    typo: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    # Any word of the index may be the one a typo meant.
    for word in sorted(w for w in found if len(w) >= TYPO_WORD_MIN):
        for key in typo_keys(word):
            typo[key[0]][key].append(word)

    starts, position = [], 0
    for kind in KINDS:
        starts.append([kind, position])
        position += len(of_kind[kind])

    files: dict[str, bytes] = {
        f"w/{prefix}.json": f"{{{','.join(members)}}}".encode()
        for prefix, members in sorted(shards.items())
    }
    files.update({f"t/{letter}.json": _json(keys) for letter, keys in sorted(typo.items())})
    for start in range(0, len(ordered), CHUNK):
        chunk = [[e.title, e.url, e.context, e.about] for e in ordered[start : start + CHUNK]]
        files[f"d/{start // CHUNK}.json"] = _json(chunk)
    quoted = cache(_ENCODER.encode)  # varied exercises share whole sentences
    for start in range(0, len(ordered), TEXT_CHUNK):
        texts = [e.text for e in ordered[start : start + TEXT_CHUNK]]
        if any(texts):
            lists = ",".join([f"[{','.join(map(quoted, text))}]" for text in texts])
            files[f"x/{start // TEXT_CHUNK}.json"] = f"[{lists}]".encode()
    files["meta.json"] = _json(
        {
            "version": 2,
            "kinds": starts,
            "count": len(ordered),
            "chunk": CHUNK,
            "textChunk": TEXT_CHUNK,
            "fieldBits": FIELD_BITS,
            "splits": splits,
            # The files that exist: the browser never asks for one that does not (no 404s).
            "shards": sorted(shards),
            "typos": sorted(typo),
            "countBits": COUNT_BITS,
            "typoMin": TYPO_MIN,
            "stopwords": sorted(folding.stopwords),
            "irregular": folding.irregular,
        }
    )
    return SearchIndex(files, len(ordered), len(encoded))
