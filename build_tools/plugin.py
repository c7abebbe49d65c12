"""MkDocs glue: turns the pipeline's pages into MkDocs pages. No logic that MkDocs does not need.

- `on_files` runs the pipeline and adds our pages (nothing is written to `docs/`): one per record,
  the A–Z index, the browse pages and the filter page, whose HTML our templates made (see
  plugin_pages.py: Markdown never runs on them), plus the field reference.
- `on_post_build` writes the search index and the filter page's data next to the pages.
- Problems are logged in `path:line:col: CODE message` form and abort the build.
- The plugin has `on_startup`, so `mkdocs serve` keeps it between rebuilds: records are reread
  only when their file changed, and with `--dirty` only the pages an edit changed are rebuilt.
"""

from __future__ import annotations

import functools
import hashlib
import logging
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import Literal, TypeVar

import jinja2
from mkdocs.config import base
from mkdocs.config import config_options as opt
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from . import browse
from .browse_pages import SitePage, browse_pages, entry_html
from .cache import FileCache, Same
from .catalog import browse_entries, exercise_entries, facet_files
from .diagnostics import summary
from .pipeline import Project, environment, run
from .plugin_pages import HtmlFile, HtmlPage, SharedParts, TemplateCache, html_file
from .render import RenderedPage, base_of
from .schema_docs import field_reference
from .search_index import Entry, build_index, entry_words

log = logging.getLogger("mkdocs.plugins.build_tools")
T = TypeVar("T")

FIELDS_PAGE = "reference/record-fields.md"
LIST_MARKER = "<!-- exercise-list -->"
SEARCH_DIR = "search"


class ExercisesConfig(base.Config):
    content_dir = opt.Dir(exists=True, default="content")
    """Folder of the exercise records and the vocabulary, relative to `mkdocs.yml`."""
    templates_dir = opt.Dir(exists=True, default="templates/pages")
    """Folder of the Jinja templates that render a record."""


def _exercise_page(page: RenderedPage) -> SitePage:
    return SitePage(
        f"exercises/{page.slug}.md",
        page.url,
        page.title,
        page.description,
        page.html,
        page.toc,
        page.anchors,
    )


def _stamp(paths: list[Path]) -> str:
    """Modification times of the files every page's chrome depends on (config, theme)."""
    found = []
    for path in paths:
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        found += [f"{f}:{f.stat().st_mtime_ns}" for f in files if f.exists()]
    return "|".join(found)


class ExercisesPlugin(BasePlugin[ExercisesConfig]):
    def __init__(self) -> None:
        self.cache: FileCache = FileCache()
        self.dirty = False
        self.entries: list[Entry] = []
        self.home: Callable[[str], str] = lambda base: ""
        self.data_files: dict[str, bytes] = {}
        self.fingerprints: dict[str, str] = {}
        self.compiled = TemplateCache()
        self._new_site(None)

    def _new_site(self, site_dir: str | None) -> None:
        """Forget what was built into another folder: what a rebuild may skip is what it finds."""
        self.site_dir = site_dir
        self.built: dict[str, str] = {}
        self.page_entries: dict[str, list[Entry]] = {}
        self.written: dict[str, str] = {}
        self.known_files: dict[tuple[str, ...], HtmlFile] = {}

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        self.dirty = dirty

    def _project(self, config: MkDocsConfig) -> Project:
        root = Path(config.config_file_path).parent
        return Project(root, Path(self.config.content_dir), Path(self.config.templates_dir))

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        if config.site_dir != self.site_dir:
            self._new_site(config.site_dir)
        result = run(self._project(config), cache=self.cache)
        for diagnostic in result.diagnostics:
            (log.error if diagnostic.is_error else log.warning)(diagnostic.format())
        vocabulary = result.content.vocabulary
        if not result.ok or vocabulary is None:
            raise PluginError(f"content check failed: {summary(result.diagnostics)}")
        env = environment(Path(self.config.templates_dir), self.cache)
        ordered = browse.a_to_z(result.content.exercises)
        groups = browse.groups(ordered, vocabulary)
        pages = [
            *(_exercise_page(p) for p in result.pages),
            *browse_pages(env, groups, len(ordered), self._remember_with(env)),
        ]
        self.home = functools.partial(entry_html, env, groups, len(ordered))
        self.entries = [
            *self.cache.remember(
                ("entries", Same(vocabulary), *map(Same, ordered)),
                lambda: exercise_entries(ordered, vocabulary),
            ),
            *browse_entries(groups, vocabulary),
            *(Entry("page", p.title, p.url) for p in pages if p.in_nav),
        ]
        self.data_files = facet_files(ordered, groups)
        theme = [Path(d) for d in config.theme.dirs[:1] if config.theme.custom_dir]
        site = _stamp([Path(config.config_file_path), *theme])
        previous = self.built if self.dirty else {}
        known = self.known_files if self.dirty else None
        for page in pages:
            files.append(html_file(config, page, site, previous, known))
        live = {page.src_uri for page in pages}
        self.known_files = {k: f for k, f in self.known_files.items() if k[0] in live}
        self.fingerprints = {f.src_uri: f.fingerprint for f in files if isinstance(f, HtmlFile)}
        files.append(File.generated(config, FIELDS_PAGE, content=field_reference()))
        # Forget the search entries of hand-written pages that are gone.
        self.page_entries = {k: v for k, v in self.page_entries.items() if k in files.src_uris}
        return files

    def _remember_with(self, *inputs: Hashable) -> Callable[[Hashable, Callable[[], T]], T]:
        """The cache's `remember`, with `inputs` (such as the templates' stamp) in every key."""
        return lambda key, compute: self.cache.remember((*inputs, key), compute)

    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if LIST_MARKER in markdown:
            listing = self.home(base_of(page.url))
            return markdown.replace(LIST_MARKER, "\n" + listing + "\n")
        return None

    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if not isinstance(page, HtmlPage):  # a hand-written page: found by its title and headings
            title = page.title or page.file.name
            sections = [h for top in page.toc for h in (top.children if top.level == 1 else [top])]
            self.page_entries[page.file.src_uri] = [
                Entry("page", title, page.url),
                *(Entry("page", h.title, f"{page.url}#{h.id}", title) for h in sections),
            ]
        return None

    def on_env(
        self, env: jinja2.Environment, /, *, config: MkDocsConfig, files: Files
    ) -> jinja2.Environment:
        SharedParts().install(env)  # anew each build: the nav or the config may have changed
        env.bytecode_cache = self.compiled
        return env

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        entries = [*self.entries, *(e for v in self.page_entries.values() for e in v)]
        index = build_index(
            entries, lambda e: self.cache.remember(("words", e), lambda: entry_words(e))
        )
        outputs = {f"{SEARCH_DIR}/{path}": data for path, data in index.files.items()}
        outputs.update(self.data_files)
        self._write(Path(config.site_dir), outputs)
        self.built = dict(self.fingerprints)

    def _write(self, site: Path, outputs: dict[str, bytes]) -> None:
        """Write what changed since the last build (a clean build writes everything)."""
        written = {}
        folders: set[Path] = set()  # each folder made once: a system call costs here
        for path, data in outputs.items():
            digest = hashlib.blake2b(data, digest_size=16).hexdigest()
            target = site / path
            if not (self.dirty and self.written.get(path) == digest and target.is_file()):
                if target.parent not in folders:
                    target.parent.mkdir(parents=True, exist_ok=True)
                    folders.add(target.parent)
                target.write_bytes(data)
            written[path] = digest
        for gone in set(self.written) - set(written):
            (site / gone).unlink(missing_ok=True)
        self.written = written

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: object
    ) -> LiveReloadServer:
        server.watch(self.config.content_dir)
        server.watch(self.config.templates_dir)
        return server
