"""MkDocs glue for pages whose HTML our templates made: MkDocs never runs Markdown on them.

Part of the MkDocs face (with plugin.py): the only other module that imports MkDocs.

- `HtmlPage` replaces `Page.read_source` and `Page.render`: the body, table of contents and anchor
  ids come from our rendered page, so no Markdown instance is built per page.
- `HtmlFile` tells `mkdocs serve --dirty` whether the page changed since the last build it
  served, by a fingerprint of its HTML, so an edit rebuilds only the pages it touched.
- `SharedParts` lets the theme render the sidebar, and the blocks that depend only on the
  page's depth, once per depth (templates/theme/partials/nav.html, generated.html).
- `TemplateCache` keeps the theme's compiled templates between the rebuilds of `mkdocs serve`,
  which otherwise compiles them anew for every rebuild, and between builds in `.cache/`.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Hashable, Iterable, Mapping
from pathlib import Path

import jinja2
import jinja2.bccache
import jinja2.runtime
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, get_toc

from ..site.browse_pages import SitePage


class Dedented(jinja2.BaseLoader):
    """The theme's templates with the indentation of their lines taken out before they are
    compiled: a page's HTML is then a third smaller (an exercise page: about 60 KB to 28 KB), and
    shows the same, as none of the theme's templates has whitespace-sensitive `<pre>` or
    `<textarea>`. Page content is not touched; ours carries no indentation."""

    def __init__(self, loader: jinja2.BaseLoader) -> None:
        self.loader = loader

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str | None, Callable[[], bool] | None]:
        source, filename, uptodate = self.loader.get_source(environment, template)
        return "\n".join([line.lstrip(" \t") for line in source.split("\n")]), filename, uptodate

    def list_templates(self) -> list[str]:
        return self.loader.list_templates()


def chrome_stamp(paths: list[Path]) -> str:
    """Modification times of the files every page's chrome depends on (config, theme)."""
    found = []
    for path in paths:
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        found += [f"{f}:{f.stat().st_mtime_ns}" for f in files if f.exists()]
    return "|".join(found)


def fingerprint(page: SitePage, site: str) -> str:
    """What the built page depends on: its own parts, and `site` (config and theme stamps)."""
    digest = hashlib.blake2b(site.encode(), digest_size=16)
    digest.update(page.digest)
    return digest.hexdigest()


class HtmlFile(File):
    fingerprint: str = ""
    previous: str | None = None

    def is_modified(self) -> bool:
        if self.previous != self.fingerprint:
            return True
        return not os.path.isfile(self.abs_dest_path)


class HtmlPage(Page):
    def __init__(self, file: File, config: MkDocsConfig, page: SitePage) -> None:
        super().__init__(page.title, file, config)
        self.site_page = page
        self.site_url = config.site_url

    def read_source(self, config: MkDocsConfig) -> None:
        self.markdown = ""
        self.meta = {
            "title": self.site_page.title,
            "description": self.site_page.description,
            "template": "generated.html",
        }

    def render(self, config: MkDocsConfig, files: Files) -> None:
        page = self.site_page
        self.content = page.html
        self.toc = get_toc(
            [{"level": 2, "id": h.id, "name": h.title_html, "children": []} for h in page.toc]
        )
        self.present_anchor_ids = set(page.anchors)


def html_file(
    config: MkDocsConfig,
    page: SitePage,
    site: str,
    previous: Mapping[str, str],
    known: dict[tuple[str, ...], HtmlFile] | None = None,
) -> HtmlFile:
    """The MkDocs file and page of one of our pages; pages out of the nav say so.

    `known` keeps files between the rebuilds of `mkdocs serve`: a file's paths and URL depend only
    on its place and the config's output settings, and computing them is most of a page's cost.
    """
    inclusion = InclusionLevel.UNDEFINED if page.in_nav else InclusionLevel.NOT_IN_NAV
    key = (page.src_uri, config.site_dir, str(config.use_directory_urls), inclusion.name)
    file = known.get(key) if known is not None else None
    if file is None:
        file = HtmlFile.generated(config, page.src_uri, content="", inclusion=inclusion)
        assert isinstance(file, HtmlFile)
        if known is not None:
            known[key] = file
    file.fingerprint = fingerprint(page, site)
    file.previous = previous.get(page.src_uri)
    made = file.page
    if not (
        isinstance(made, HtmlPage) and made.site_page is page and made.site_url == config.site_url
    ):
        HtmlPage(file, config, page)  # the same page object otherwise: making one costs most
    return file


class PageFiles:
    """Our pages as MkDocs files, build after build of one `mkdocs serve --dirty` session.

    A file is "modified" when its page's fingerprint differs from the one the last successful
    build wrote; without `dirty` every build starts afresh.
    """

    def __init__(self) -> None:
        self.site_dir: str | None = None
        self.built: dict[str, str] = {}
        self.pending: dict[str, str] = {}
        self.known: dict[tuple[str, ...], HtmlFile] = {}

    def files(
        self, config: MkDocsConfig, pages: Iterable[SitePage], stamp: str, *, dirty: bool
    ) -> list[HtmlFile]:
        if not dirty or config.site_dir != self.site_dir:
            self.site_dir, self.built, self.known = config.site_dir, {}, {}
        made = [
            html_file(config, p, stamp, self.built, self.known if dirty else None) for p in pages
        ]
        live = {f.src_uri for f in made}
        self.known = {k: f for k, f in self.known.items() if k[0] in live}
        self.pending = {f.src_uri: f.fingerprint for f in made}
        return made

    def markdown_file(self, config: MkDocsConfig, src_uri: str, content: str) -> HtmlFile:
        """A page generated as Markdown (the field reference), rebuilt only when it changed."""
        file = HtmlFile.generated(config, src_uri, content=content)
        assert isinstance(file, HtmlFile)
        file.fingerprint = hashlib.blake2b(content.encode(), digest_size=16).hexdigest()
        file.previous = self.built.get(src_uri)
        self.pending[src_uri] = file.fingerprint
        return file

    def written(self) -> None:
        """The build succeeded: what it wrote is what the next one compares with."""
        self.built = self.pending


class SharedParts:
    """Parts of the theme's page that many of our pages share, rendered once and reused.

    - The sidebar: a page outside the navigation has no active item, and the sidebar's links are
      relative, so any two such pages in the same folder share it (partials/nav.html). Pages in
      the navigation (their own item is active) are never shared.
    - Blocks that depend only on the page's depth (`generated.html`, partials/header.html):
      stylesheet and script tags, the theme's configuration, the header around the title.
    - The table of contents, which depends only on its entries (partials/toc.html).
    """

    def __init__(self) -> None:
        self.html: dict[Hashable, str] = {}

    def nav_key(self, page: Page | None, nav: Navigation | None) -> Hashable | None:
        if page is None or nav is None or page in nav.pages:
            return None
        # Relative links are equal only between pages in the same folder, not merely at the same
        # depth (`../` from `exercises/x/` and from `browse/muscle/` lead to different places).
        # A page's own folder matters only for a link into it: when the sidebar has none, pages
        # in sibling folders (`exercises/a/`, `exercises/b/`) share it.
        folder = page.url.rstrip("/")
        if not any(p.url.startswith(folder + "/") for p in nav.pages):
            folder = folder.rpartition("/")[0] + "/*"
        return ("nav", folder)

    def toc_key(self, page: Page | None) -> Hashable | None:
        """A table of contents' entries: its links are fragments, so equal entries, equal HTML."""
        if page is None:
            return None

        def entries(items: Iterable[AnchorLink]) -> tuple[Hashable, ...]:
            return tuple((i.id, i.title, i.level, entries(i.children)) for i in items)

        return ("toc", entries(page.toc))

    def remember(self, key: Hashable | None, html: str) -> Hashable | None:
        """Keep `html` under `key` (None: a page in the nav, kept only until the next one)."""
        self.html[key] = html
        return key

    def install(self, env: jinja2.Environment) -> None:
        shared = self.html

        @jinja2.pass_context
        def same_per_depth(
            context: jinja2.runtime.Context, name: str, render: Callable[[], str]
        ) -> str:
            key = (name, context.get("base_url"))
            if key not in shared:
                shared[key] = render()
            return shared[key]

        env.globals.update(
            untitled=Untitled,
            title_mark=Untitled.MARK,
            nav_cache_key=self.nav_key,
            toc_key=self.toc_key,
            nav_cache=shared,
            remember_nav=self.remember,
            same_per_depth=same_per_depth,
        )


class Untitled:
    """A page whose title is a mark: the theme's header rendered for it is the same for every
    page at its depth, and each page's title takes the mark's place (partials/header.html)."""

    MARK = "\x00page-title\x00"

    def __init__(self, page: Page) -> None:
        self._page = page
        self.title = self.MARK
        self.meta = {**page.meta, "title": self.MARK}

    def __getattr__(self, name: str) -> object:
        return getattr(self._page, name)


class TemplateCache(jinja2.FileSystemBytecodeCache):
    """The theme's compiled templates, kept in memory between the rebuilds of `mkdocs serve` and
    on disk between builds, as Python keeps `.pyc` files: compiling Material's templates is a
    tenth of a build of a thousand pages. Jinja keys each by its file and checks it against its
    source's checksum, so an edited template is compiled anew."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}
        self.directory: str | None = None

    def use(self, directory: Path) -> None:
        """Keep the compiled templates in `directory` too (made if missing)."""
        try:
            directory.mkdir(parents=True, exist_ok=True)
        except OSError:
            self.directory = None  # a read-only project builds as before, compiling each time
            return
        self.directory, self.pattern = str(directory), "__jinja2_%s.cache"

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])
        elif self.directory is not None:
            super().load_bytecode(bucket)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()
        if self.directory is not None:
            super().dump_bytecode(bucket)
