"""Our pages as MkDocs files and pages: MkDocs runs no Markdown on them, and `serve --dirty`
rebuilds only those whose fingerprint changed (speed/dirty.py)."""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from ..render.page import Page as OurPage
from ..speed.dirty import Fingerprints


class HtmlFile(File):
    fingerprint: str = ""
    previous: str | None = None

    def is_modified(self) -> bool:
        return self.previous != self.fingerprint or not os.path.isfile(self.abs_dest_path)


class TemplatePage(Page):
    def __init__(self, file: File, config: MkDocsConfig, page: OurPage, meta: dict[str, str]):
        super().__init__(page.title, file, config)
        self.ours, self.given_meta = page, meta

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
    """Our pages as MkDocs files, kept between the rebuilds of one `mkdocs serve --dirty`: a
    file's paths depend only on its place and the config, and making one costs most.

    Each build writes into its own staging folder; the fingerprints compare with the published
    site (`site_dir`), of which a dirty build's staging folder starts as a copy."""

    def __init__(self) -> None:
        self.fingerprints, self.known = Fingerprints(), dict[tuple[str, ...], HtmlFile]()
        self.site_dir: str | None = None
        self.stamp = ""

    def files(
        self,
        config: MkDocsConfig,
        pages: Iterable[tuple[OurPage, dict[str, str]]],
        stamp: str,
        site_dir: str,
    ) -> list[HtmlFile]:
        if site_dir != self.site_dir:
            self.site_dir, self.known = site_dir, {}
            self.fingerprints.forget()
        self.fingerprints.begin()
        self.stamp = stamp
        made = []
        for page, meta in pages:
            inclusion = InclusionLevel.UNDEFINED if page.in_nav else InclusionLevel.NOT_IN_NAV
            key = (page.source, str(config.use_directory_urls), inclusion.name)
            if (file := self.known.get(key)) is None:
                file = self.known[key] = self._file(config, page.source, "", inclusion)
            elif file.dest_dir != config.site_dir:
                file.dest_dir = config.site_dir  # this build's staging folder
                file.__dict__.pop("abs_dest_path", None)  # a cached property of the old one
            old = file.page
            if not (isinstance(old, TemplatePage) and old.ours is page and old.given_meta == meta):
                TemplatePage(file, config, page, meta)  # the same page object otherwise
            parts = (stamp, page.digest, repr(sorted(meta.items())))
            file.fingerprint, file.previous = self.fingerprints.take(page.source, *parts)
            made.append(file)
        live = {f.src_uri for f in made}
        self.known = {k: f for k, f in self.known.items() if k[0] in live}
        return made

    def writes(self, files: Files, filled: Mapping[str, str]) -> dict[str, bool]:
        """Whether MkDocs is to write each file, by its path in the site. A dirty build writes a
        hand-written page whose source changed, and also one whose chrome (the nav among it) or
        what the build fills in (`filled`, by path) changed since the published build, or the
        page would keep an old nav or an old list of exercises."""
        writes = {}
        for file in files:
            changed = file.is_modified()
            if not isinstance(file, HtmlFile) and file.is_documentation_page():
                parts = (self.stamp, filled.get(file.dest_uri, ""))
                fingerprint, previous = self.fingerprints.take(file.src_uri, *parts)
                changed = changed or fingerprint != previous
            writes[file.dest_uri] = changed
        return writes

    def markdown_file(self, config: MkDocsConfig, source: str, content: str) -> HtmlFile:
        """A page generated as Markdown (the reference pages), rebuilt only when it or the chrome
        changed."""
        file = self._file(config, source, content, InclusionLevel.UNDEFINED)
        file.fingerprint, file.previous = self.fingerprints.take(source, self.stamp, content)
        return file

    @staticmethod
    def _file(
        config: MkDocsConfig, source: str, content: str, inclusion: InclusionLevel
    ) -> HtmlFile:
        file = HtmlFile.generated(config, source, content=content, inclusion=inclusion)
        assert isinstance(file, HtmlFile)
        return file
