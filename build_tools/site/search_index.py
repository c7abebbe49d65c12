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
- `d/<n>.json`: the entries themselves (`[title, url, context]`), in chunks of consecutive ids.

A posting is `delta << 4 | words`: the gap to the previous entry id, and how many words the
entry's title has (up to 15), so the browser ranks the closest titles first ("Pullups" before
"Weighted Pull-ups" for `pull ups`) before it fetches any entry. Ids follow kinds (exercises A–Z,
browse pages, other pages, then FAQ questions grouped by exercise), so a lower id is a better
result at equal match quality.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise

from .textfold import IRREGULAR, STOPWORDS, compact, fold, keywords

KINDS = ("exercise", "browse", "page", "faq")
NAME_KINDS = frozenset({"exercise", "browse", "page"})
CHUNK = 128
"""Entries per `d/` file: small enough that ten results cost little, big enough to be few files."""
COUNT_BITS = 4
SHARD_LIMIT = 24_000
"""A `w/` file bigger than this (bytes before gzip) is split one letter deeper."""
MAX_DEPTH = 6
TYPO_MIN = 4
"""A query word this long or longer may hold one typo (in a query of five letters or more)."""
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


@dataclass(frozen=True)
class SearchIndex:
    files: dict[str, bytes]
    entries: int
    words: int


def _json(data: object) -> bytes:
    return json.dumps(data, separators=(",", ":"), ensure_ascii=False, sort_keys=True).encode()


def deltas(ids: Iterable[int]) -> list[int]:
    out, last = [], 0
    for i in sorted(ids):
        out.append(i - last)
        last = i
    return out


def postings(ids: Iterable[int], counts: Sequence[int]) -> list[int]:
    """Delta-coded ids, each carrying its entry's word count in the low bits."""
    cap = (1 << COUNT_BITS) - 1
    return [
        (d << COUNT_BITS) | min(counts[i], cap)
        for d, i in zip(deltas(ids), sorted(ids), strict=True)
    ]


def entry_words(entry: Entry) -> tuple[set[str], int]:
    """(every word that finds the entry, the number of words of its title)."""
    words: set[str] = set()
    count = len(keywords(fold(entry.title)))
    for text in (entry.title, *entry.names):
        kept = keywords(fold(text))
        words.update(kept)
        if entry.kind in NAME_KINDS:
            # "Pull-Ups" is also found as "pullups": adjacent words run together.
            words.update(a + b for a, b in pairwise(kept))
            words.add(compact(kept))
    return words, count


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
    words_of: Callable[[Entry], tuple[set[str], int]] = entry_words,
) -> SearchIndex:
    """Every file of the index, from entries in the order they should rank at equal quality.

    `words_of` may remember `entry_words` between builds (`mkdocs serve`).
    """
    ordered = sorted(entries, key=lambda e: KINDS.index(e.kind))  # stable: keeps A-Z order
    found: dict[str, set[int]] = defaultdict(set)
    counts: list[int] = []
    name_words: set[str] = set()
    for number, entry in enumerate(ordered):
        words, count = words_of(entry)
        counts.append(count)
        for word in words:
            found[word].add(number)
        if entry.kind in NAME_KINDS:
            name_words.update(w for w in words if len(w) >= TYPO_WORD_MIN)

    coded = {word: postings(ids, counts) for word, ids in found.items()}
    sizes = {word: len(word) + 4 + len(_json(ids)) for word, ids in coded.items()}
    assigned, splits = _shards(sizes)
    shards: dict[str, dict[str, list[int]]] = defaultdict(dict)
    for word in sorted(coded):
        shards[assigned[word]][word] = coded[word]

    typo: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for word in sorted(name_words):
        for key in typo_keys(word):
            typo[key[0]][key].append(word)

    starts, position = [], 0
    for kind in KINDS:
        starts.append([kind, position])
        position += sum(1 for e in ordered if e.kind == kind)

    files: dict[str, bytes] = {
        f"w/{prefix}.json": _json(words) for prefix, words in sorted(shards.items())
    }
    files.update({f"t/{letter}.json": _json(keys) for letter, keys in sorted(typo.items())})
    for start in range(0, len(ordered), CHUNK):
        chunk = [[e.title, e.url, e.context] for e in ordered[start : start + CHUNK]]
        files[f"d/{start // CHUNK}.json"] = _json(chunk)
    files["meta.json"] = _json(
        {
            "version": 1,
            "kinds": starts,
            "count": len(ordered),
            "chunk": CHUNK,
            "splits": splits,
            # The files that exist: the browser never asks for one that does not (no 404s).
            "shards": sorted(shards),
            "typos": sorted(typo),
            "countBits": COUNT_BITS,
            "typoMin": TYPO_MIN,
            "stopwords": sorted(STOPWORDS),
            "irregular": IRREGULAR,
        }
    )
    return SearchIndex(files, len(ordered), len(coded))
