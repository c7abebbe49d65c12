"""A built site as the built-site checks see it, whichever generator wrote it.

Each HTML page is parsed once, checked while its tree is at hand, and then only its facts are
kept: the ids it carries, where its links lead, and the hashes of its inline scripts. A build can
feed pages in as it writes them (`SiteReader.page`) and the rest are read from the folder
(`SiteReader.site`), so no tree outlives its page's checks. A check that finds a broken link
reads that one page again to say where the link is.

Locations are the built file with lxml's source line and the column of the element's start tag
on that line.
"""

from __future__ import annotations

import os
import posixpath
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import NamedTuple, cast
from urllib.parse import unquote, urlsplit

from lxml import etree

from ..diagnostics import Diagnostic, Location
from .hosting import script_hashes

HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})

# What a browser follows or fetches, by element and attribute; `<a>` also carries fragments.
# A `srcset` lists candidates (`a-480.webp 480w, a-960.webp 960w`), any of which a browser may
# fetch; a video fetches its `poster` before it plays.
LINKING = {
    "a": ("href",),
    "link": ("href",),
    "img": ("src", "srcset"),
    "script": ("src",),
    "source": ("src", "srcset"),
    "video": ("src", "poster"),
}
# Ids are read by the checks, not looked up. `huge_tree`: without it libxml2 stops at a text
# node past 10 MB (one long answer, or the JSON-LD of a page with many FAQ entries) or at a
# depth of 256 and, recovering, silently hands back the page cut short there, so the checks
# report sections that the page does hold. These pages are our own build's output, not input
# from strangers, so the limits that guard against hostile documents are not needed here.
_PARSER = etree.HTMLParser(collect_ids=False, huge_tree=True)
# Plain strings: a page's facts must not keep its tree alive.
_IDS = etree.XPath("//@id | //a[not(@id)]/@name", smart_strings=False)
_CARRIERS = etree.XPath("//*[@id = $name] | //a[@name = $name and not(@id)]")


@dataclass(frozen=True)
class BuiltPage:
    uri: str
    """Path below the site root, such as `exercises/heel-press/index.html`."""
    shown: str
    """The path findings print."""
    source: bytes = field(repr=False)

    @cached_property
    def root(self) -> etree._Element:
        # Plain elements, not lxml.html's: the checks walk every element, and lxml.html's
        # element classes make each step of the walk slower.
        root = etree.fromstring(self.source, _PARSER)
        return root if root is not None else etree.fromstring(b"<html/>", _PARSER)

    @cached_property
    def _lines(self) -> list[str]:
        return self.source.decode("utf-8", "replace").splitlines()

    @cached_property
    def ids(self) -> Counter[str]:
        """Every fragment target of the page (`id` attributes, and `name` on `<a>`), with the
        number of elements that carry it."""
        # Attribute values with smart_strings off: lxml gives a list of plain strings (the stubs
        # type every XPath result as one union of all that XPath can give).
        return Counter(cast(list[str], _IDS(self.root)))

    def carriers(self, name: str) -> list[etree._Element]:
        """The elements a `#name` fragment may lead to."""
        return cast(list[etree._Element], _CARRIERS(self.root, name=name))  # a node-set

    @cached_property
    def headings(self) -> dict[str, list[etree._Element]]:
        """The headings that carry an id, by id, in page order."""
        found: dict[str, list[etree._Element]] = {}
        for element in self.root.iter(*HEADINGS):
            id_ = element.get("id")
            if id_ is not None:
                found.setdefault(id_, []).append(element)
        return found

    def inline_scripts(self) -> Iterator[tuple[str, str]]:
        """The `type` and the text of each inline script."""
        for element in self.root.iter("script"):
            if element.get("src") is None:
                yield element.get("type") or "", element.text or ""

    def location(self, element: etree._Element | None = None) -> Location:
        """Where an element's start tag is: lxml gives the line; the column is found by
        counting the starts of the same tag on that line."""
        line = _sourceline(element) if element is not None else None
        if element is None or not line:
            return Location(self.shown)
        same_line = [e for e in self.root.iter(element.tag) if _sourceline(e) == line]
        before = next((i for i, e in enumerate(same_line) if e is element), 0)
        text = self._lines[line - 1] if line <= len(self._lines) else ""
        starts = [m.start() for m in re.finditer(rf"<{element.tag}(?=[\s/>])", text, re.I)]
        column = starts[before] + 1 if before < len(starts) else 1
        return Location(self.shown, line, column)


def _sourceline(element: etree._Element) -> int | None:
    # lxml-stubs declares `sourceline = ...` (its comment says Optional[int], which lxml gives).
    return cast("int | None", element.sourceline)


class Ref(NamedTuple):
    """Where a link leads, as far as its address tells without knowing the site's files."""

    path: str | None
    """The path below the site root, or None when the address climbs out of the site."""
    folder: bool
    """The address ends with `/`: only the folder's index page answers it."""
    fragment: str
    """The `#fragment`, unquoted; empty when there is none."""
    anchor: bool
    """Written on an `<a>`: its fragment must name an element of the page it leads to."""


class Addresses:
    """Resolves the links of pages of one site to `Ref`s. Links are mostly the same on every
    page (the header, the sidebar), so each distinct address is resolved once."""

    def __init__(self, site_url: str = "") -> None:
        self.site_url = site_url if not site_url or site_url.endswith("/") else site_url + "/"
        """The site's public address, ending in `/`: absolute links under it are internal."""
        self.base = urlsplit(self.site_url).path or "/"
        """The path the site is served under (`/`, or `/project/` for a GitHub Pages project
        site): root-relative links must start with it."""
        self._refs: dict[tuple[str, str, bool], Ref | None] = {}

    def ref(self, page_uri: str, url: str, anchor: bool) -> Ref | None:
        """Where `url`, written on the page at `page_uri`, leads; None when it leaves the site
        (another host, mail)."""
        url = url.strip()
        if not url or url[0] in "#?":  # into the page itself
            return Ref(page_uri, False, unquote(urlsplit(url).fragment), anchor)
        # `../x` from `a/b/` is `x` from `a/`: climbing first lets every page whose links climb
        # to the same folder share one answer, whatever folder the page is in.
        folder, rest = page_uri.rpartition("/")[0], url
        while folder and rest.startswith("../"):
            folder, rest = folder.rpartition("/")[0], rest[3:]
        if not rest or rest[0] in "#?":
            rest = "./" + rest  # `../#x` is the folder's own page, not this one
        key = (folder, rest, anchor)
        if key not in self._refs:
            self._refs[key] = self._resolve(page_uri, folder, rest, anchor)
        return self._refs[key]

    def _resolve(self, page_uri: str, folder: str, url: str, anchor: bool) -> Ref | None:
        home = self.site_url[:-1]
        if home and url.startswith(home) and url[len(home) : len(home) + 1] in ("", "/", "#", "?"):
            # Under the base path, not the server root: the site may be served at `/project/`.
            url = self.base + url[len(home) :].removeprefix("/")
        parts = urlsplit(url)
        if parts.scheme or parts.netloc:
            return None
        path, fragment = unquote(parts.path), unquote(parts.fragment)
        if not path:
            return Ref(page_uri, False, fragment, anchor)
        if path.startswith("/"):
            if path == self.base[:-1]:
                path = self.base  # the server answers `/project` with its redirect to `/project/`
            if not path.startswith(self.base):
                return Ref(None, False, fragment, anchor)
            path, folder = path[len(self.base) :], ""
        joined = posixpath.normpath(posixpath.join(folder, path))
        if joined == ".." or joined.startswith("../"):
            return Ref(None, False, fragment, anchor)
        return Ref(sys.intern(joined), path.endswith("/"), fragment, anchor)


@dataclass(frozen=True)
class PageFacts:
    """What is kept of a built page once its tree is let go."""

    uri: str
    shown: str
    ids: frozenset[str]
    """Every fragment target of the page."""
    refs: tuple[Ref, ...]
    """Where its internal links lead, each once."""
    scripts: frozenset[str]
    """`'sha256-…'` of each inline script the browser would run."""
    findings: tuple[Diagnostic, ...] = ()
    """What the checks of this page alone found (see `checks.run.page_checker`)."""
    styled: frozenset[str] = frozenset()
    """The classes and the element names the page holds, `.class` and `element`: what a
    selector of the site's stylesheet can match here (see `site.stylesheet`)."""
    stamp: tuple[int, int] | None = None
    """Size and modification time of the file once written: a later build may keep these
    facts while the file is unchanged."""


def srcset_urls(value: str) -> list[str]:
    """The URLs of a `srcset`, split as the HTML standard splits it: a URL runs to the next
    white space (commas that end it end its candidate), its descriptors to the next comma
    outside parentheses."""
    urls: list[str] = []
    position, end = 0, len(value)
    while True:
        while position < end and (value[position].isspace() or value[position] == ","):
            position += 1
        if position >= end:
            return urls
        start = position
        while position < end and not value[position].isspace():
            position += 1
        url = value[start:position]
        if url.endswith(","):
            url = url.rstrip(",")
        else:
            depth = 0
            while position < end and (value[position] != "," or depth > 0):
                depth += {"(": 1, ")": -1}.get(value[position], 0)
                position += 1
        if url:
            urls.append(url)


def _addresses(page: BuiltPage) -> Iterator[tuple[etree._Element, str]]:
    """Each element that links or fetches, with each of its addresses as written."""
    for element in page.root.iter(*LINKING):
        for attribute in LINKING[element.tag]:
            value = element.get(attribute)
            if value is None:
                continue
            if attribute == "srcset":
                for url in srcset_urls(value):
                    yield element, url
            else:
                yield element, value


def links(page: BuiltPage, addresses: Addresses) -> Iterator[tuple[etree._Element, str, Ref]]:
    """Every internal link of a parsed page: (element, the URL as written, where it leads)."""
    for element, url in _addresses(page):
        ref = addresses.ref(page.uri, url, element.tag == "a")
        if ref is not None:
            yield element, url, ref


_CLASS_ATTRIBUTE = re.compile(rb'\sclass="([^"]*)"')
_START_TAG = re.compile(rb"<([A-Za-z][A-Za-z0-9-]*)")
_SAME_STYLED: dict[frozenset[str], frozenset[str]] = {}


def styled(source: bytes) -> frozenset[str]:
    """`.class` for each class and the lowercase name of each element of a page's source: read
    from the bytes, not the tree, as a page holds hundreds of elements. Pages of one kind hold
    the same, and keep one set between them."""
    found = {
        "." + name for value in _CLASS_ATTRIBUTE.findall(source) for name in value.decode().split()
    }
    found.update(tag.decode().lower() for tag in _START_TAG.findall(source))
    names = frozenset(found)
    return _SAME_STYLED.setdefault(names, names)


def page_facts(page: BuiltPage, addresses: Addresses, findings: Iterable[Diagnostic]) -> PageFacts:
    # A page repeats many addresses (the sidebar, the header): each is resolved once.
    written = dict.fromkeys((url, element.tag == "a") for element, url in _addresses(page))
    refs = dict.fromkeys(
        ref for url, anchor in written if (ref := addresses.ref(page.uri, url, anchor)) is not None
    )
    return PageFacts(
        page.uri,
        page.shown,
        frozenset(map(sys.intern, page.ids)),
        tuple(refs),
        frozenset(script_hashes(page.inline_scripts())),
        tuple(findings),
        styled(page.source),
    )


@dataclass(frozen=True)
class BuiltSite:
    directory: Path
    files: frozenset[str]
    """Every file of the site, as POSIX paths below its root."""
    pages: Mapping[str, PageFacts]
    """Every HTML page, by its path below the root."""
    exercise_pages: Mapping[str, str]
    """The page of each exercise, by slug."""
    addresses: Addresses
    _targets: dict[tuple[str, bool], str | None] = field(
        default_factory=dict, repr=False, compare=False
    )

    def target(self, ref: Ref) -> str | None:
        """The file a link leads to, or None if the site has no such file."""
        if ref.path is None:
            return None
        key = (ref.path, ref.folder)
        if key not in self._targets:
            index = posixpath.normpath(posixpath.join(ref.path, "index.html"))
            # `dir/` is the folder's index page; `dir` also reaches it, by the server's redirect.
            candidates = (index,) if ref.folder else (ref.path, index)
            self._targets[key] = next((c for c in candidates if c in self.files), None)
        return self._targets[key]

    @cached_property
    def refs(self) -> frozenset[Ref]:
        """Every place the site's pages link to, each once."""
        return frozenset(ref for facts in self.pages.values() for ref in facts.refs)

    def page(self, uri: str) -> BuiltPage:
        """A page parsed anew from the folder, for the rare check that must point into it."""
        return BuiltPage(uri, self.pages[uri].shown, (self.directory / uri).read_bytes())

    def links(self, page: BuiltPage) -> Iterator[tuple[etree._Element, str, Ref]]:
        return links(page, self.addresses)

    @cached_property
    def styled(self) -> frozenset[str]:
        """The classes (`.class`) and element names any page of the site holds."""
        return frozenset().union(*(facts.styled for facts in self.pages.values()))

    @property
    def scripts(self) -> list[str]:
        """Every inline script hash of the site, for the content security policy."""
        return sorted({s for facts in self.pages.values() for s in facts.scripts})


PageCheck = Callable[[BuiltPage], Iterable[Diagnostic]]


class SiteReader:
    """Reads a built site one page at a time: `page` as a build writes each, `site` for the
    whole folder once it is written, reading only the pages not already seen.

    `known` holds the facts of an earlier read of the same folder (a `--dirty` rebuild in
    place): a page whose file has not changed since is not read again.
    """

    def __init__(
        self,
        shown_as: str,
        addresses: Addresses,
        check_page: PageCheck,
        exercise_pages: Mapping[str, str],
        known: Mapping[str, PageFacts] | None = None,
    ) -> None:
        self.shown_as = shown_as.rstrip("/")
        self.addresses = addresses
        self.check_page = check_page
        self.exercise_pages = dict(exercise_pages)
        self.facts: dict[str, PageFacts] = dict(known or {})
        self._fresh: set[str] = set()

    def page(self, uri: str, source: bytes) -> None:
        """Parse and check one page, and keep its facts."""
        page = BuiltPage(uri, f"{self.shown_as}/{uri}" if self.shown_as else uri, source)
        self.facts[uri] = page_facts(page, self.addresses, self.check_page(page))
        self._fresh.add(uri)

    @property
    def fresh(self) -> dict[str, PageFacts]:
        """The facts of the pages fed to `page` since the last `site`."""
        return {uri: self.facts[uri] for uri in self._fresh}

    def take(self, facts: Mapping[str, PageFacts]) -> None:
        """The facts of pages read elsewhere (see `speed.worker`), as if fed to `page`."""
        self.facts.update(facts)
        self._fresh.update(facts)

    def site(self, directory: Path) -> BuiltSite:
        """Every file below `directory`; pages not fed in are read from it."""
        files: set[str] = set()
        stamps: dict[str, tuple[int, int]] = {}
        for folder, _, names in os.walk(directory):
            below = Path(folder).relative_to(directory).as_posix()
            prefix = "" if below == "." else below + "/"
            for name in names:
                path = os.path.join(folder, name)
                uri = prefix + name
                files.add(uri)
                if name.endswith(".html"):
                    stat = os.stat(path)
                    stamps[uri] = (stat.st_size, stat.st_mtime_ns)
        for uri, stamp in stamps.items():
            known = self.facts.get(uri)
            if uri not in self._fresh and (known is None or known.stamp != stamp):
                self.page(uri, (directory / uri).read_bytes())
            if self.facts[uri].stamp != stamp:
                self.facts[uri] = replace(self.facts[uri], stamp=stamp)
        self.facts = {uri: self.facts[uri] for uri in sorted(stamps)}
        self._fresh = set()
        return BuiltSite(
            directory, frozenset(files), self.facts, self.exercise_pages, self.addresses
        )


def read_site(
    directory: Path,
    shown_as: str,
    exercise_pages: Mapping[str, str],
    site_url: str = "",
    check_page: PageCheck = lambda page: (),
) -> BuiltSite:
    """Read every file below `directory`; findings will print paths under `shown_as`
    (the folder the site is published to, relative to the project, or `''`)."""
    reader = SiteReader(shown_as, Addresses(site_url), check_page, exercise_pages)
    return reader.site(directory)
