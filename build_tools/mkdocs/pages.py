"""Our pages as MkDocs files and pages: MkDocs never runs Markdown on them, and `serve --dirty`
rebuilds only those whose fingerprint changed since the last build it served."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from ..render.page import Page as OurPage


def chrome_stamp(paths: list[Path]) -> str:
    """Modification times of the files every page's chrome depends on (config, theme)."""
    found = []
    for path in paths:
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        found += [f"{f}:{f.stat().st_mtime_ns}" for f in files if f.exists()]
    return "|".join(found)


class HtmlFile(File):
    fingerprint: str = ""
    previous: str | None = None

    def is_modified(self) -> bool:
        return self.previous != self.fingerprint or not os.path.isfile(self.abs_dest_path)


class TemplatePage(Page):
    """A page whose body, table of contents and anchor ids our templates made."""

    def __init__(
        self, file: File, config: MkDocsConfig, page: OurPage, meta: dict[str, str]
    ) -> None:
        super().__init__(page.title, file, config)
        self.ours, self.given_meta, self.site_url = page, meta, config.site_url

    def read_source(self, config: MkDocsConfig) -> None:
        self.markdown, self.meta = "", dict(self.given_meta)

    def render(self, config: MkDocsConfig, files: Files) -> None:
        self.content = self.ours.html
        toc: list[Any] = [
            {"level": 2, "id": h.id, "name": h.title_html, "children": []} for h in self.ours.toc
        ]
        self.toc = get_toc(toc)
        self.present_anchor_ids = set(self.ours.anchors)


class PageFiles:
    """Our pages as MkDocs files, build after build of one `mkdocs serve --dirty` session.

    A file is "modified" when its page's fingerprint differs from the one the last successful
    build wrote; without `dirty` every build starts afresh. Files are kept between rebuilds:
    their paths depend only on their place and the config, and making one costs most.
    """

    def __init__(self) -> None:
        self.site_dir: str | None = None
        self.built: dict[str, str] = {}
        self.pending: dict[str, str] = {}
        self.known: dict[tuple[str, ...], HtmlFile] = {}

    def files(
        self,
        config: MkDocsConfig,
        pages: Iterable[tuple[OurPage, dict[str, str]]],
        stamp: str,
        dirty: bool,
    ) -> list[HtmlFile]:
        if not dirty or config.site_dir != self.site_dir:
            self.site_dir, self.built, self.known = config.site_dir, {}, {}
        made = [self._file(config, page, meta, stamp) for page, meta in pages]
        live = {f.src_uri for f in made}
        self.known = {k: f for k, f in self.known.items() if k[0] in live}
        self.pending = {f.src_uri: f.fingerprint for f in made}
        return made

    def _file(
        self, config: MkDocsConfig, page: OurPage, meta: dict[str, str], stamp: str
    ) -> HtmlFile:
        inclusion = InclusionLevel.UNDEFINED if page.in_nav else InclusionLevel.NOT_IN_NAV
        key = (page.source, config.site_dir, str(config.use_directory_urls), inclusion.name)
        file = self.known.get(key)
        if file is None:
            made_file = HtmlFile.generated(config, page.source, content="", inclusion=inclusion)
            assert isinstance(made_file, HtmlFile)
            file = self.known[key] = made_file
        digest = hashlib.blake2b(stamp.encode(), digest_size=16)
        digest.update(page.digest)
        digest.update(repr(sorted(meta.items())).encode())
        file.fingerprint, file.previous = digest.hexdigest(), self.built.get(page.source)
        made = file.page
        if not (isinstance(made, TemplatePage) and made.ours is page and made.given_meta == meta):
            TemplatePage(file, config, page, meta)  # the same page object otherwise
        return file

    def markdown_file(self, config: MkDocsConfig, source: str, content: str) -> HtmlFile:
        """A page generated as Markdown (the reference pages), rebuilt only when it changed."""
        file = HtmlFile.generated(config, source, content=content)
        assert isinstance(file, HtmlFile)
        file.fingerprint = hashlib.blake2b(content.encode(), digest_size=16).hexdigest()
        file.previous = self.built.get(source)
        self.pending[source] = file.fingerprint
        return file

    def written(self) -> None:
        """The build succeeded: what it wrote is what the next one compares with."""
        self.built = self.pending
