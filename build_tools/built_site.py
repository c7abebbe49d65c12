"""A built site read back from disk: every HTML page parsed, every file known.

The built-site checks work on this model, so they can run on any folder a build wrote,
whichever generator wrote it. Locations are the built file with lxml's source line and the
column of the element's start tag on that line.
"""

from __future__ import annotations

import os
import posixpath
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from urllib.parse import unquote, urlsplit

from lxml import etree
from lxml import html as lxml_html

from .diagnostics import Location

HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


@dataclass(frozen=True)
class HtmlPage:
    uri: str
    """Path below the site root, such as `exercises/heel-press/index.html`."""
    shown: str
    """The path findings print."""
    source: bytes = field(repr=False)

    @cached_property
    def root(self) -> lxml_html.HtmlElement:
        return lxml_html.document_fromstring(self.source)

    @cached_property
    def _lines(self) -> list[str]:
        return self.source.decode("utf-8", "replace").splitlines()

    @cached_property
    def ids(self) -> dict[str, list[lxml_html.HtmlElement]]:
        """Every fragment target of the page: `id` attributes, and `name` on `<a>`."""
        found: dict[str, list[lxml_html.HtmlElement]] = {}
        for element in self.root.xpath("//*[@id] | //a[@name and not(@id)]"):
            found.setdefault(element.get("id") or element.get("name"), []).append(element)
        return found

    def elements(self) -> Iterator[lxml_html.HtmlElement]:
        """The page's elements in document order, without comments and processing
        instructions."""
        for element in self.root.iter():
            if isinstance(element.tag, str):
                yield element

    def location(self, element: etree._Element | None = None) -> Location:
        """Where an element's start tag is: lxml gives the line; the column is found by
        counting the starts of the same tag on that line."""
        if element is None or not element.sourceline:
            return Location(self.shown)
        line = element.sourceline
        same_line = [e for e in self.root.iter(element.tag) if e.sourceline == line]
        before = next((i for i, e in enumerate(same_line) if e is element), 0)
        text = self._lines[line - 1] if line <= len(self._lines) else ""
        starts = [m.start() for m in re.finditer(rf"<{element.tag}(?=[\s/>])", text, re.I)]
        column = starts[before] + 1 if before < len(starts) else 1
        return Location(self.shown, line, column)


@dataclass(frozen=True)
class Link:
    """Where a link leads: the file below the site root (None if it is outside the site) and
    the fragment, unquoted."""

    target: str | None
    fragment: str


@dataclass(frozen=True)
class BuiltSite:
    files: frozenset[str]
    """Every file of the site, as POSIX paths below its root."""
    pages: dict[str, HtmlPage]
    """Every HTML page, by its path below the root."""
    exercise_pages: Mapping[str, str]
    """The page of each exercise, by slug."""
    site_url: str = ""
    """The site's public address: absolute links that start with it are internal."""
    _resolved: dict[tuple[str, str], Link | None] = field(
        default_factory=dict, repr=False, compare=False
    )

    def resolve(self, page: HtmlPage, url: str) -> Link | None:
        """Where a link on `page` leads, or None when it leaves the site (another host, mail)."""
        if url.startswith("#") or not urlsplit(url.strip()).path:
            return self._resolve(page, url)  # it leads into the page itself
        # Pages of one folder share most links (the sidebar, the header): resolve each once.
        key = (posixpath.dirname(page.uri), url)
        if key not in self._resolved:
            self._resolved[key] = self._resolve(page, url)
        return self._resolved[key]

    def _resolve(self, page: HtmlPage, url: str) -> Link | None:
        url = url.strip()
        if self.site_url and url.startswith(self.site_url):
            url = "/" + url[len(self.site_url) :]
        parts = urlsplit(url)
        if parts.scheme or parts.netloc:
            return None
        path, fragment = unquote(parts.path), unquote(parts.fragment)
        if not path:
            return Link(page.uri, fragment)
        if path.startswith("/"):
            base = urlsplit(self.site_url).path or "/"
            if not path.startswith(base):
                return Link(None, fragment)
            path = path[len(base) :]
            start = ""
        else:
            start = posixpath.dirname(page.uri)
        joined = posixpath.normpath(posixpath.join(start, path))
        if joined == ".." or joined.startswith("../"):
            return Link(None, fragment)
        index = posixpath.normpath(posixpath.join(joined, "index.html"))
        # `dir/` is the folder's index page; `dir` also reaches it, by the server's redirect.
        candidates = (index,) if path.endswith("/") else (joined, index)
        target = next((c for c in candidates if c in self.files), None)
        return Link(target, fragment)


def read_site(
    directory: Path,
    shown_as: str,
    exercise_pages: Mapping[str, str],
    site_url: str = "",
) -> BuiltSite:
    """Read every file below `directory`; findings will print paths under `shown_as`
    (the folder the site is published to, relative to the project, or `''`)."""
    files: set[str] = set()
    pages: dict[str, HtmlPage] = {}
    for folder, _, names in os.walk(directory):
        for name in names:
            path = Path(folder) / name
            uri = path.relative_to(directory).as_posix()
            files.add(uri)
            if name.endswith(".html"):
                shown = f"{shown_as.rstrip('/')}/{uri}" if shown_as else uri
                pages[uri] = HtmlPage(uri, shown, path.read_bytes())
    return BuiltSite(frozenset(files), pages, dict(exercise_pages), site_url)
