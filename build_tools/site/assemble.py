"""Everything the site makes from the records beyond their own pages, in one place and without
MkDocs: the browse pages, the search entries, the filter page's data, and writing the index.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Hashable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import jinja2

from . import browse
from .browse_pages import SitePage, browse_pages, entry_html
from ..speed.cache import FileCache, Same
from .catalog import browse_entries, exercise_entries, facet_files
from ..build.pipeline import Result
from ..render.exercise import RenderedPage
from .search_index import Entry, build_index, entry_words

T = TypeVar("T")
SEARCH_DIR = "search"


def exercise_page(page: RenderedPage) -> SitePage:
    return SitePage(
        f"exercises/{page.slug}.md",
        page.url,
        page.title,
        page.description,
        page.html,
        page.toc,
        page.anchors,
    )


@dataclass(frozen=True)
class Site:
    """The pages our templates made, what search finds, and the filter page's data."""

    pages: tuple[SitePage, ...]
    entries: tuple[Entry, ...]
    data_files: Mapping[str, bytes]
    home: Callable[[str], str]
    """The home page's ways into the exercises, for a page that many `../` from the root."""


def assemble(result: Result, env: jinja2.Environment, cache: FileCache) -> Site:
    """The site of a checked, rendered `result`; `cache` reuses what unchanged inputs made."""
    vocabulary = result.content.vocabulary
    assert vocabulary is not None  # only a result without errors is assembled
    ordered = browse.a_to_z(result.content.exercises)
    groups = browse.groups(ordered, vocabulary)

    def remember(key: Hashable, compute: Callable[[], T]) -> T:
        return cache.remember((Same(env), key), compute)

    # The same page object for an unchanged record, rebuild after rebuild: what is made from it
    # (its fingerprint, its MkDocs page) is then made once.
    exercises = [
        cache.remember(("site page", Same(page)), lambda page=page: exercise_page(page))
        for page in result.pages
    ]
    pages = (*exercises, *browse_pages(env, groups, len(ordered), remember))
    entries = (
        *cache.remember(
            ("entries", Same(vocabulary), *map(Same, ordered)),
            lambda: exercise_entries(ordered, vocabulary),
        ),
        *browse_entries(groups, vocabulary),
        *(Entry("page", p.title, p.url) for p in pages if p.in_nav),
    )
    return Site(
        pages,
        entries,
        facet_files(ordered, groups),
        lambda base: entry_html(env, groups, len(ordered), base),
    )


def search_files(entries: Iterable[Entry], cache: FileCache) -> dict[str, bytes]:
    """The search index's files, by path from the site root. Most edits change no name and no
    question: then the index of the last build is the index."""
    listed = tuple(entries)

    def build() -> dict[str, bytes]:
        index = build_index(listed, lambda e: cache.remember(("words", e), lambda: entry_words(e)))
        return {f"{SEARCH_DIR}/{path}": data for path, data in index.files.items()}

    return cache.remember(("search", listed), build)


class Writer:
    """Writes files into a site folder; with `dirty`, only those changed since its last write,
    and it removes the ones that are gone."""

    def __init__(self) -> None:
        self.written: dict[str, str] = {}

    def write(self, site: Path, outputs: Mapping[str, bytes], *, dirty: bool) -> None:
        written = {}
        folders: set[Path] = set()  # each folder made once: a system call costs here
        for path, data in outputs.items():
            digest = hashlib.blake2b(data, digest_size=16).hexdigest()
            target = site / path
            if not (dirty and self.written.get(path) == digest and target.is_file()):
                if target.parent not in folders:
                    target.parent.mkdir(parents=True, exist_ok=True)
                    folders.add(target.parent)
                target.write_bytes(data)
            written[path] = digest
        for gone in set(self.written) - set(written):
            (site / gone).unlink(missing_ok=True)
        self.written = written
