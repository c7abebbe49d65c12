"""Everything the site makes from the records beyond their own pages, without a generator: the
browse pages, the search entries, the filter page's data, and the search index's files.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Mapping
from dataclasses import dataclass
from typing import TypeVar

import jinja2

from ..memo import FRESH, Memo, Same
from ..model import Vocabulary
from ..render.page import Page
from ..source.load import Content
from . import browse
from .browse_pages import browse_pages, entry_html
from .catalog import browse_entries, exercise_entries, facet_files
from .search_index import Entry, EntryWords, build_index, entry_words
from .sheet import sheet_page
from .textfold import Folding, rules

T = TypeVar("T")
SEARCH_DIR = "search"


@dataclass(frozen=True)
class Site:
    """The pages our templates made, what search finds, and the filter page's data."""

    pages: tuple[Page, ...]
    entries: tuple[Entry, ...]
    data_files: Mapping[str, bytes]
    home: Callable[[str], str]
    """The home page's ways into the exercises, for a page that many `../` from the root."""


def assemble(
    content: Content, pages: Iterable[Page], env: jinja2.Environment, memo: Memo = FRESH
) -> Site:
    """The site of checked content and its rendered exercise `pages`; `memo` may reuse what
    unchanged inputs made."""
    vocabulary: Vocabulary | None = content.vocabulary
    assert vocabulary is not None  # only content without errors is assembled
    ordered = browse.a_to_z(content.exercises)
    groups = browse.groups(ordered, vocabulary)

    def remember(key: Hashable, compute: Callable[[], T]) -> T:
        return memo.remember((Same(env), key), compute)

    every = (*pages, *browse_pages(env, groups, len(ordered), remember), sheet_page(env))
    entries = (
        *memo.remember(
            ("entries", Same(vocabulary), *map(Same, ordered)),
            lambda: exercise_entries(ordered, vocabulary),
        ),
        *browse_entries(groups, vocabulary),
        *(Entry("page", p.title, p.url) for p in every if p.in_nav),
    )
    return Site(
        every,
        entries,
        facet_files(ordered, groups),
        lambda base: entry_html(env, ordered, groups, vocabulary, base),
    )


def search_files(entries: Iterable[Entry], memo: Memo = FRESH) -> dict[str, bytes]:
    """The search index's files, by path from the site root. Most edits change no name and no
    question: then the index of the last build is the index."""
    listed = tuple(entries)

    def build() -> dict[str, bytes]:
        def words_of(e: Entry, folding: Folding) -> EntryWords:
            return memo.remember(("words", folding.rules, e), lambda: entry_words(e, folding))

        index = build_index(listed, words_of)
        return {f"{SEARCH_DIR}/{path}": data for path, data in index.files.items()}

    return memo.remember(("search", rules(), listed), build)
