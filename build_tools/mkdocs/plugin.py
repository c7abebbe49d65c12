"""MkDocs glue: turns the pipeline's pages into MkDocs pages. No logic that MkDocs does not need.

- `on_config` points a build at a staging folder beside the output folder, except under
  `mkdocs serve --dirty`, which writes in place so that an edit rewrites only what it changed:
  there, a record with a problem stops the rebuild before anything is written, and the server
  keeps the last good site.
- `on_files` runs the pipeline and adds our pages (nothing is written to `docs/`): one per record,
  the A–Z index, the browse pages and the filter page, whose HTML our templates made (see
  plugin_pages.py: Markdown never runs on them), plus the field reference and the catalogue of
  checks. A build (not the server) reads half the records on the second core and forks the
  check worker (check_worker.py), which runs the record checks while the pages render.
- `on_post_page` (last of all plugins) hands each page, as it will be written, to the built-site
  checks: to the worker, or in this process when the worker is behind or under `mkdocs serve`.
- `on_post_build` (last of all plugins) writes the search index, the filter page's data and the
  host configuration (site.py and publish.py make them; this only hands them over), finishes the
  built-site checks, then swaps the staging folder into place only if nothing failed: a failed
  build leaves the previous site untouched.
- Problems are logged in `path:line:col: CODE message` form and abort the build.
- The plugin has `on_startup`, so `mkdocs serve` keeps it between rebuilds: records are reread
  only when their file changed, and with `--dirty` only the pages an edit changed are rebuilt.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import jinja2
from markupsafe import escape
from mkdocs.config import base
from mkdocs.config import config_options as opt
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import CountHandler

from ..build.pipeline import Project, Result, SiteReading, environment, run, run_beside, verify_site
from ..build.staging import discard, publish, stage
from ..diagnostics import Diagnostic, has_errors, summary
from ..reference.checks import catalogue_pages
from ..reference.fields import field_reference
from ..render.exercise import base_of
from ..render.structured_data import exercise_graph, json_ld
from ..site.assemble import Site, Writer, assemble, search_files
from ..site.host_files import write_host_config, write_redirect_pages
from ..site.reader import PageFacts, SiteReader
from ..site.search_index import Entry
from ..source.load import Content, display_path
from ..speed.cache import FileCache
from ..speed.forked import can_fork, forked_map
from ..speed.worker import CheckWorker
from .pages import (
    Dedented,
    HtmlPage,
    PageFiles,
    SharedParts,
    TemplateCache,
    chrome_stamp,
)

if TYPE_CHECKING:  # the server (and its file watcher) is imported only by `mkdocs serve`
    from mkdocs.livereload import LiveReloadServer

log = logging.getLogger("mkdocs.plugins.build_tools")

FIELDS_PAGE = "reference/record-fields.md"
THEME_SEARCH = {"search", "material/search"}
THEME_SEARCH_ASSETS = ("assets/javascripts/lunr/", "assets/javascripts/workers/search.")
TEMPLATE_CACHE = ".cache/templates"
"""Compiled theme templates, kept between builds (beside mkdocs.yml, not committed)."""
LIST_MARKER = "<!-- exercise-list -->"
INDEX_TITLE = "Exercises A–Z"


class ExercisesConfig(base.Config):
    content_dir = opt.Dir(exists=True, default="content")
    """Folder of the exercise records and the vocabulary, relative to `mkdocs.yml`."""
    templates_dir = opt.Dir(exists=True, default="templates/pages")
    """Folder of the Jinja templates that render a record."""
    hosting_templates_dir = opt.Dir(exists=True, default="templates/hosting")
    """Folder of the templates of host configuration (nginx)."""


class ExercisesPlugin(BasePlugin[ExercisesConfig]):
    def __init__(self) -> None:
        # Kept across the rebuilds of `mkdocs serve`.
        self.cache: FileCache = FileCache()
        self.dirty = False
        self.staged = True
        self.forked = False
        self.compiled = TemplateCache()
        self.pages = PageFiles()
        self.writer = Writer()
        self.page_entries: dict[str, list[Entry]] = {}
        # What the built-site checks kept of each page the last build wrote in place, with the
        # address it was built for: a `--dirty` rebuild reads only the pages it rewrote.
        self.known_pages: tuple[str, dict[str, PageFacts]] = ("", {})
        self._reset()

    def _reset(self) -> None:
        """Per build."""
        self.result: Result | None = None
        self.site: Site | None = None
        self.page_uris: dict[str, str] = {}
        self.site_dir: Path | None = None
        self.staging: Path | None = None
        self.worker: CheckWorker | None = None
        self.reader: SiteReader | CheckWorker | None = None
        self.mkdocs_config: MkDocsConfig | None = None
        self.logged = CountHandler(level=logging.WARNING)

    def _project(self, config: MkDocsConfig) -> Project:
        root = Path(config.config_file_path).parent
        return Project(
            root,
            Path(self.config.content_dir),
            Path(self.config.templates_dir),
            site_url=config.site_url or "",
        )

    def _log(self, diagnostics: tuple[Diagnostic, ...], strict: bool) -> list[Diagnostic]:
        shown = [d.escalated() if strict else d for d in diagnostics]
        for diagnostic in shown:
            (log.error if diagnostic.is_error else log.warning)(diagnostic.format())
        return shown

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        self.dirty = dirty
        # MkDocs empties the output folder before `on_files` unless the build is dirty, so only a
        # dirty `serve` may write in place.
        self.staged = not (command == "serve" and dirty)
        # The server runs threads, and a process with threads is not safely forked; its
        # rebuilds under --dirty check only the few pages they rewrite anyway.
        self.forked = command != "serve" and can_fork()

    @event_priority(100)  # first: every plugin after us must write into the staging folder
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self._reset()
        self.mkdocs_config = config
        self.site_dir = Path(config.site_dir)
        if self.staged:
            self.staging = stage(self.site_dir, keep=self.dirty)
            config.site_dir = str(self.staging)
        # MkDocs counts warnings for --strict only after `on_post_build`, too late to keep the
        # previous site: we count what is logged during the build ourselves.
        logging.getLogger("mkdocs").addHandler(self.logged)
        return config

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        start = time.perf_counter()
        project = self._project(config)
        env = environment(Path(self.config.templates_dir), self.cache)
        site: Site | None = None
        if self.forked:
            # The browse pages and the search entries are made while the worker checks records.
            result, site = run_beside(
                project,
                self._start_worker,
                self.cache,
                forked_map,
                lambda rendered: assemble(rendered, env, self.cache),
            )
        else:
            result = run(project, cache=self.cache)
        log.debug(f"Records loaded, checked and rendered in {time.perf_counter() - start:.2f} s")
        shown = self._log(result.diagnostics, config.strict)
        if has_errors(shown) or result.content.vocabulary is None:
            raise PluginError(
                f"content check failed: {summary(shown)}; the previous site in"
                f" {self.site_dir} is left as it was"
            )
        self.result = result
        self.site = site = site or assemble(result, env, self.cache)
        theme = [Path(d) for d in config.theme.dirs[:1] if config.theme.custom_dir]
        stamp = chrome_stamp([Path(config.config_file_path), *theme])
        for file in self.pages.files(config, site.pages, stamp, dirty=self.dirty):
            files.append(file)
        exercise_uris = {f"exercises/{page.slug}.md": page.slug for page in result.pages}
        for file in files:
            if file.src_uri in exercise_uris:
                self.page_uris[exercise_uris[file.src_uri]] = file.dest_uri
        self.reader = self._site_reader(config, result.content)
        if not THEME_SEARCH.intersection(config.plugins):
            # The theme's search engine and its worker: nothing loads them without its plugin.
            for file in [f for f in files if f.src_uri.startswith(THEME_SEARCH_ASSETS)]:
                files.remove(file)
        files.append(self.pages.markdown_file(config, FIELDS_PAGE, field_reference()))
        for src_uri, markdown in catalogue_pages().items():
            files.append(self.pages.markdown_file(config, src_uri, markdown))
        # Forget the search entries of hand-written pages that are gone.
        self.page_entries = {k: v for k, v in self.page_entries.items() if k in files.src_uris}
        return files

    def _start_worker(self, content: Content) -> Callable[[], list[Diagnostic]]:
        self.worker = CheckWorker(content)
        return self.worker.record_findings

    def _site_reader(self, config: MkDocsConfig, content: Content) -> SiteReader | CheckWorker:
        """Reads each page as it is written, for the built-site checks."""
        assert self.site_dir is not None
        root = Path(config.config_file_path).parent
        inside = self.site_dir.resolve().is_relative_to(root.resolve())
        shown_as = display_path(self.site_dir, root) if inside else ""
        site_url = config.site_url or ""
        reading = SiteReading(shown_as, site_url, dict(self.page_uris))
        if self.worker is not None:
            self.worker.read_pages(reading)
            return self.worker
        built_for, known = self.known_pages
        return reading.reader(content, known if not self.staged and built_for == site_url else None)

    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if isinstance(page, HtmlPage):
            # The theme prints these two unescaped (in <title>, the header, an attribute):
            # escaped here, record text shows literally there too.
            page.meta["title"] = str(escape(page.site_page.title))
            page.meta["description"] = str(escape(page.site_page.description))
            slug = page.file.src_uri.removeprefix("exercises/").removesuffix(".md")
            if slug in self.page_uris:
                page.meta["og_type"] = "article"
                page.meta["structured_data"] = self._structured_data(slug, config)
            return None
        if LIST_MARKER in markdown and self.site is not None:
            listing = self.site.home(base_of(page.url))
            return markdown.replace(LIST_MARKER, "\n" + listing + "\n")
        return None

    def _structured_data(self, slug: str, config: MkDocsConfig) -> str:
        """The page's JSON-LD, which the theme's `main.html` writes into `<head>`."""
        content = self.result.content if self.result is not None else None
        if content is None or content.vocabulary is None:
            return ""
        exercise = content.by_slug[slug]
        graph = exercise_graph(
            exercise,
            content.vocabulary,
            site_url=config.site_url or "",
            site_name=config.site_name,
            index_name=INDEX_TITLE,
        )
        return json_ld(graph)

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

    @event_priority(-100)  # last: the built-site checks read the page as it is written
    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        if self.reader is not None:
            # As MkDocs encodes the page to write it.
            self.reader.page(page.file.dest_uri, output.encode("utf-8", "xmlcharrefreplace"))
        return None

    def on_env(
        self, env: jinja2.Environment, /, *, config: MkDocsConfig, files: Files
    ) -> jinja2.Environment:
        SharedParts().install(env)  # anew each build: the nav or the config may have changed
        # `theme/<name>` is the theme's own template where templates/theme overrides <name>:
        # an override that wraps the theme's file includes it rather than copying it.
        theme_dirs = config.theme.dirs[1:] if config.theme.custom_dir else config.theme.dirs
        env.loader = Dedented(
            jinja2.ChoiceLoader(
                [env.loader, jinja2.PrefixLoader({"theme": jinja2.FileSystemLoader(theme_dirs)})]
            )
        )
        self.compiled.use(Path(config.config_file_path).parent / TEMPLATE_CACHE)
        env.bytecode_cache = self.compiled
        return env

    @event_priority(-100)  # last: after every other plugin has written its files
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        assert self.result is not None
        assert self.site is not None
        assert self.site_dir is not None
        built = self.staging or self.site_dir
        start = time.perf_counter()
        pages = (e for entries in self.page_entries.values() for e in entries)
        outputs = search_files([*self.site.entries, *pages], self.cache)
        self.writer.write(built, {**outputs, **self.site.data_files}, dirty=self.dirty)
        write_redirect_pages(
            built,
            self.result.content.exercises,
            environment(Path(self.config.templates_dir), self.cache),
            config.site_url or "/",
        )
        assert self.reader is not None
        log.debug(f"Search index and redirect pages written in {time.perf_counter() - start:.2f} s")
        start = time.perf_counter()
        # Pages not read as they were written (the 404 page, the redirect pages) are read now.
        site = self.reader.site(built)
        log.debug(f"Page checks done {time.perf_counter() - start:.2f} s after the last page")
        start = time.perf_counter()
        if self.staging is None:
            self.known_pages = (config.site_url or "", self.reader.facts)
        write_host_config(
            built,
            self.result.content.exercises,
            config.site_url or "/",
            Path(self.config.hosting_templates_dir),
            site.files,
            site.scripts,
        )
        shown = self._log(tuple(verify_site(site, self.result.content)), config.strict)
        log.debug(f"Host files and site checks in {time.perf_counter() - start:.2f} s")
        logging.getLogger("mkdocs").removeHandler(self.logged)
        counts = dict(self.logged.get_counts())
        failed = counts.get("ERROR", 0) + counts.get("CRITICAL", 0)
        warned = counts.get("WARNING", 0)
        if failed or (config.strict and warned):
            self._abandon()
            if has_errors(shown):
                reason = f"site check failed: {summary(shown)}"
            else:
                reason = f"{failed} errors and {warned} warnings logged during the build"
            raise PluginError(f"{reason}; the previous site in {self.site_dir} is left as it was")
        if self.staging is not None:
            publish(self.staging, self.site_dir)
            config.site_dir = str(self.site_dir)
            self.staging = None
            log.info(f"Published the site to {self.site_dir}")
        self.pages.written()

    def on_build_error(self, *, error: Exception) -> None:
        logging.getLogger("mkdocs").removeHandler(self.logged)
        self._abandon()

    def _abandon(self) -> None:
        if self.worker is not None:
            self.worker.close()
        if self.staging is not None:
            discard(self.staging)
            self.staging = None
        if self.mkdocs_config is not None and self.site_dir is not None:
            self.mkdocs_config.site_dir = str(self.site_dir)

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Callable[..., None]
    ) -> LiveReloadServer:
        server.watch(self.config.content_dir)
        server.watch(self.config.templates_dir)
        server.builder = keep_serving(builder)
        return server


def keep_serving(builder: Callable[..., None]) -> Callable[..., None]:
    """A rebuild that fails leaves the last good site in place; MkDocs' server would then hold
    every request until a build passes. Reporting the failure as done keeps it serving."""

    def build(*args: object, **kwargs: object) -> None:
        try:
            builder(*args, **kwargs)
        except Abort:
            log.error("The build failed; the last site that passed every check is still served")

    return build
