"""MkDocs glue: turns the pipeline's pages into MkDocs pages. No logic that MkDocs does not need.

- `on_files` runs the pipeline and adds our pages (nothing is written to `docs/`): one per record,
  the A–Z index, the browse pages and the filter page, whose HTML our templates made (see
  plugin_pages.py: Markdown never runs on them), plus the field reference.
- `on_post_build` writes the search index and the filter page's data next to the pages
  (site.py makes all of it; this only hands it over).
- Problems are logged in `path:line:col: CODE message` form and abort the build.
- The plugin has `on_startup`, so `mkdocs serve` keeps it between rebuilds: records are reread
  only when their file changed, and with `--dirty` only the pages an edit changed are rebuilt.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import jinja2
from mkdocs.config import base
from mkdocs.config import config_options as opt
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from .cache import FileCache
from .diagnostics import summary
from .pipeline import Project, environment, run
from .plugin_pages import HtmlPage, PageFiles, SharedParts, TemplateCache, chrome_stamp
from .render import base_of
from .schema_docs import field_reference
from .search_index import Entry
from .site import Site, Writer, assemble, search_files

if TYPE_CHECKING:  # the server (and its file watcher) is imported only by `mkdocs serve`
    from mkdocs.livereload import LiveReloadServer

log = logging.getLogger("mkdocs.plugins.build_tools")

FIELDS_PAGE = "reference/record-fields.md"
LIST_MARKER = "<!-- exercise-list -->"


class ExercisesConfig(base.Config):
    content_dir = opt.Dir(exists=True, default="content")
    """Folder of the exercise records and the vocabulary, relative to `mkdocs.yml`."""
    templates_dir = opt.Dir(exists=True, default="templates/pages")
    """Folder of the Jinja templates that render a record."""


class ExercisesPlugin(BasePlugin[ExercisesConfig]):
    def __init__(self) -> None:
        self.cache: FileCache = FileCache()
        self.dirty = False
        self.site: Site | None = None
        self.compiled = TemplateCache()
        self.pages = PageFiles()
        self.writer = Writer()
        self.page_entries: dict[str, list[Entry]] = {}

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        self.dirty = dirty

    def _project(self, config: MkDocsConfig) -> Project:
        root = Path(config.config_file_path).parent
        return Project(root, Path(self.config.content_dir), Path(self.config.templates_dir))

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        result = run(self._project(config), cache=self.cache)
        for diagnostic in result.diagnostics:
            (log.error if diagnostic.is_error else log.warning)(diagnostic.format())
        vocabulary = result.content.vocabulary
        if not result.ok or vocabulary is None:
            raise PluginError(f"content check failed: {summary(result.diagnostics)}")
        env = environment(Path(self.config.templates_dir), self.cache)
        self.site = site = assemble(result, env, self.cache)
        theme = [Path(d) for d in config.theme.dirs[:1] if config.theme.custom_dir]
        stamp = chrome_stamp([Path(config.config_file_path), *theme])
        if config.site_dir != self.pages.site_dir:  # another folder: nothing there is ours
            self.page_entries = {}
        for file in self.pages.files(config, site.pages, stamp, dirty=self.dirty):
            files.append(file)
        files.append(self.pages.markdown_file(config, FIELDS_PAGE, field_reference()))
        # Forget the search entries of hand-written pages that are gone.
        self.page_entries = {k: v for k, v in self.page_entries.items() if k in files.src_uris}
        return files

    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if LIST_MARKER in markdown and self.site is not None:
            listing = self.site.home(base_of(page.url))
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
        if self.site is None:
            return
        pages = (e for entries in self.page_entries.values() for e in entries)
        outputs = search_files([*self.site.entries, *pages], self.cache)
        site = Path(config.site_dir)
        self.writer.write(site, {**outputs, **self.site.data_files}, dirty=self.dirty)
        self.pages.written()

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: object
    ) -> LiveReloadServer:
        server.watch(self.config.content_dir)
        server.watch(self.config.templates_dir)
        return server
