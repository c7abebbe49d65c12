"""MkDocs' events, each handed to the build's steps (build/site_build.py), and nothing else.

`on_startup` keeps the plugin, and what the speed machinery remembers, between the rebuilds of
`mkdocs serve`; only a dirty `serve` writes in place instead of into a staging folder.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import jinja2
from mkdocs.config import base
from mkdocs.config import config_options as opt
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import CountHandler

from ..build.config import SiteConfig, nav_titles
from ..build.output import Writer
from ..build.site_build import GENERATED_SOURCES, SiteBuild, reference_pages, written_sources
from ..diagnostics import Diagnostic, has_errors, summary
from ..site.reader import PageFacts
from ..speed.cache import FileCache
from ..speed.forked import can_fork
from ..speed.theme import SharedParts, TemplateCache, install_theme_speed
from .pages import PageFiles, chrome_stamp

if TYPE_CHECKING:  # the server (and its file watcher) is imported only by `mkdocs serve`
    from mkdocs.livereload import LiveReloadServer

log = logging.getLogger("mkdocs.plugins.build_tools")
THEME_SEARCH_ASSETS = ("assets/javascripts/lunr/", "assets/javascripts/workers/search.")


class ExercisesConfig(base.Config):
    content_dir = opt.Dir(exists=True, default="content")
    """Folder of the exercise records and the vocabulary, relative to `mkdocs.yml`."""
    templates_dir = opt.Dir(exists=True, default="templates/pages")
    """Folder of the Jinja templates that render a record."""
    hosting_templates_dir = opt.Dir(exists=True, default="templates/hosting")
    """Folder of the templates of host configuration (nginx)."""


class ExercisesPlugin(BasePlugin[ExercisesConfig]):
    def __init__(self) -> None:
        self.memo, self.files, self.writer = FileCache(), PageFiles(), Writer()
        self.compiled, self.shared = TemplateCache(), SharedParts()
        self.dirty = self.forked = self.in_place = False
        self.known: tuple[str, dict[str, PageFacts]] = ("", {})

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        # MkDocs empties the output folder unless the build is dirty; a process with threads
        # (the server) is not safely forked.
        self.dirty, self.in_place = dirty, command == "serve" and dirty
        self.forked = command != "serve" and can_fork()

    @event_priority(100)  # first: every plugin after us must write into the staging folder
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.mkdocs, site_dir = config, Path(config.site_dir)
        site = SiteConfig(
            root=Path(config.config_file_path).parent, site_name=config.site_name,
            site_url=config.site_url or "", docs_dir=Path(config.docs_dir), site_dir=site_dir,
            content_dir=Path(self.config.content_dir),
            templates_dir=Path(self.config.templates_dir),
            hosting_templates_dir=Path(self.config.hosting_templates_dir),
            nav_titles=nav_titles(config.nav),
        )  # fmt: skip
        self.build = SiteBuild(site, memo=self.memo, fork=self.forked, dirty=self.dirty)
        self.build.writer = self.writer
        config.site_dir = str(self.build.stage(site_dir, in_place=self.in_place))
        # MkDocs counts warnings for --strict only after `on_post_build`, too late to keep the
        # previous site: what is logged during the build is counted here.
        self.logged = CountHandler(level=logging.WARNING)
        logging.getLogger("mkdocs").addHandler(self.logged)
        return config

    def _log(self, diagnostics: tuple[Diagnostic, ...], strict: bool) -> list[Diagnostic]:
        shown = [d.escalated() if strict else d for d in diagnostics]
        for diagnostic in shown:
            (log.error if diagnostic.is_error else log.warning)(diagnostic.format())
        return shown

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        self.memo.sweep()
        shown = self._log(self.build.prepare(), config.strict)
        if has_errors(shown) or self.build.site is None:
            raise PluginError(f"content check failed: {summary(shown)}; {self._kept}")
        # Pages a build for a generator without plugins left in docs/, and the theme's search
        # engine, which nothing loads without its plugin.
        for file in [f for f in files if f.src_uri.split("/", 1)[0] in GENERATED_SOURCES]:
            files.remove(file)
        for file in [f for f in files if f.src_uri.startswith(THEME_SEARCH_ASSETS)]:
            files.remove(file)
        theme = [Path(d) for d in config.theme.dirs[:1] if config.theme.custom_dir]
        stamp = chrome_stamp([Path(config.config_file_path), *theme])
        ours = [(page, self.build.meta(page)) for page in self.build.pages]
        for file in self.files.files(config, ours, stamp, self.dirty):
            files.append(file)
        for source, markdown in reference_pages().items():
            files.append(self.files.markdown_file(config, source, markdown))
        built_for, known = self.known
        reuse = self.in_place and built_for == config.site_url
        self.build.start_reading(self.build.site_dir, known if reuse else None)
        return files

    def on_env(
        self, env: jinja2.Environment, /, *, config: MkDocsConfig, files: Files
    ) -> jinja2.Environment:
        install_theme_speed(env, config.theme.dirs, bool(config.theme.custom_dir))
        self.compiled.use(Path(config.config_file_path).parent / ".cache" / "templates")
        env.bytecode_cache = self.compiled
        self.shared.install(env)  # anew each build: the nav or the config may have changed
        return env

    @event_priority(-100)  # last: the built-site checks read the page as it is written
    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        return self.build.page_written(page.file.dest_uri, output)

    @event_priority(-100)  # last: after every other plugin has written its files
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        sources = [*written_sources(Path(config.docs_dir)), *reference_pages()]
        shown = self._log(self.build.finish(Path(config.site_dir), sources), config.strict)
        if self.in_place:
            assert self.build.reader is not None
            self.known = (config.site_url or "", dict(self.build.reader.facts))
        logging.getLogger("mkdocs").removeHandler(self.logged)
        counts = self.logged.get_counts()
        failed = sum(n for level, n in counts if level in ("ERROR", "CRITICAL"))
        warned = sum(n for level, n in counts if level == "WARNING")
        if failed or (config.strict and warned):
            self._abandon()
            reason = f"{failed} errors and {warned} warnings logged during the build"
            if has_errors(shown):
                reason = f"site check failed: {summary(shown)}"
            raise PluginError(f"{reason}; {self._kept}")
        self.build.publish()
        config.site_dir = str(self.build.site_dir)
        self.files.written()

    @property
    def _kept(self) -> str:
        return f"the previous site in {self.build.site_dir} is left as it was"

    def on_build_error(self, *, error: Exception) -> None:
        logging.getLogger("mkdocs").removeHandler(self.logged)
        self._abandon()

    def _abandon(self) -> None:
        self.build.abandon()
        self.mkdocs.site_dir = str(self.build.site_dir)

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
