"""A page whose body our templates made, as every generator is handed it."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import cached_property

from ..addresses import slug_of, source_of

# Only our own template markup can match: record text is escaped, so `<h2` or `id="` in a
# record reaches the output as `&lt;h2` and `id=&#34;`.
_H2 = re.compile(r'<h2 id="([^"]+)">(.*?)<a class="headerlink"', re.S)
_ID = re.compile(r'\sid="([^"]+)"')


@dataclass(frozen=True)
class Heading:
    """A table-of-contents entry; `title_html` is markup from our own template."""

    id: str
    title_html: str


@dataclass(frozen=True)
class Page:
    """One page: its address, what the theme prints in `<head>`, and its body HTML."""

    url: str
    """Below the site root, with directory URLs: `exercises/heel-press/`."""
    title: str
    description: str
    html: str
    toc: tuple[Heading, ...]
    anchors: frozenset[str]
    """Every id in the body."""
    in_nav: bool = False

    @classmethod
    def of(cls, url: str, title: str, description: str, html: str, *, in_nav: bool = False) -> Page:
        toc = tuple(Heading(id_, title) for id_, title in _H2.findall(html))
        return cls(url, title, description, html, toc, frozenset(_ID.findall(html)), in_nav)

    @property
    def source(self) -> str:
        """Where the page sits among a generator's sources."""
        return source_of(self.url)

    @property
    def slug(self) -> str | None:
        """The exercise's slug, for an exercise page."""
        return slug_of(self.url)

    @cached_property
    def digest(self) -> bytes:
        """A fingerprint of what the page shows, made once per page (an unchanged record's page
        is the same object from one rebuild of `mkdocs serve` to the next)."""
        digest = hashlib.blake2b(digest_size=16)
        for part in (self.title, self.description, self.html):
            digest.update(part.encode())
            digest.update(b"\0")
        return digest.digest()
