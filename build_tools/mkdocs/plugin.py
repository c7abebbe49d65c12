"""MkDocs' events, each handed to the build's steps (build/site_build.py), and nothing else.

`on_startup` keeps the plugin, and what the speed machinery remembers, between the rebuilds of
`mkdocs serve`. Every build writes into a staging folder (for a dirty one, a linked copy of the
site) that takes the site's place only when everything passed: the server never shows a failure.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import CountHandler

from ..build.config import RunMode, run_mode, site_config
from ..build.site_build import SiteBuild, not_ours, rebuild_failed, site_failure
from ..diagnostics import Diagnostic, escalated
from ..speed.dirty import chrome_stamp
from ..speed.forked import can_fork
from ..speed.media_cache import DiskDerivatives
from ..speed.session import Session
from ..speed.theme import SharedParts, TemplateCache, install_theme_speed
from .failed import raise_if_tool_failed
from .options import ExercisesConfig
from .pages import PageFiles

if TYPE_CHECKING:  # the server (and its file watcher) is imported only by `mkdocs serve`
    from mkdocs.livereload import LiveReloadServer

log = logging.getLogger("mkdocs.plugins.build_tools")


class ExercisesPlugin(BasePlugin[ExercisesConfig]):
    def __init__(self) -> None:
        self.session, self.files = Session(), PageFiles()
        self.compiled, self.shared = TemplateCache(), SharedParts()
        self.mode = RunMode()

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        self.mode = run_mode(command, dirty=dirty, forkable=can_fork())

    @event_priority(100)  # first: every plugin after us must write into the staging folder
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path).parent
        site = site_config(root, config, self.config, show_drafts=self.mode.show_drafts)
        self.mkdocs, self.build = config, SiteBuild(site, session=self.session, fork=self.mode.fork)
        self.build.dirty = self.mode.dirty
        self.build.media_store = DiskDerivatives(root / ".cache" / "media")
        # MkDocs counts warnings for --strict only after `on_post_build`, too late to keep the
        # previous site: what is logged during the build is counted here.
        self.logged = CountHandler(level=logging.WARNING)
        logging.getLogger("mkdocs").addHandler(self.logged)
        config.site_dir = str(self.build.stage(site.site_dir))
        return config

    def _log(self, diagnostics: tuple[Diagnostic, ...], strict: bool) -> list[Diagnostic]:
        shown = escalated(diagnostics, strict)
        for diagnostic in shown:
            (log.error if diagnostic.is_error else log.warning)(diagnostic.format())
        return shown

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        self.session.memo.sweep()
        shown = self._log(self.build.prepare(), config.strict)
        failure = self.build.content_failure(shown)
        if failure is not None:
            raise PluginError(failure)
        for line in self.build.notes:
            log.info(line)
        for file in [f for f in files if not_ours(f.src_uri)]:
            files.remove(file)
        stamp = chrome_stamp([Path(config.config_file_path), *map(Path, config.theme.dirs[:1])])
        pages = [(page, self.build.meta(page)) for page in self.build.pages]
        for file in self.files.files(config, pages, stamp, str(self.build.site_dir)):
            files.append(file)
        for source, markdown in self.build.reference.items():
            files.append(self.files.markdown_file(config, source, markdown))
        self.build.generator_writes(self.files.writes(files, self.build.filled()))
        self.build.start_reading(self.build.site_dir)
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
        shown = self._log(self.build.finish(Path(config.site_dir)), config.strict)
        logging.getLogger("mkdocs").removeHandler(self.logged)
        reason = site_failure(shown, dict(self.logged.get_counts()), strict=config.strict)
        if reason is not None:
            self._abandon()
            raise PluginError(self.build.failed(reason))
        self.build.publish()
        config.site_dir = str(self.build.site_dir)
        self.files.fingerprints.written()

    def on_build_error(self, *, error: Exception) -> None:
        logging.getLogger("mkdocs").removeHandler(self.logged)
        self._abandon()
        raise_if_tool_failed(error, self.build)

    def _abandon(self) -> None:
        self.build.abandon()
        self.mkdocs.site_dir = str(self.build.site_dir)

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Callable[..., None]
    ) -> LiveReloadServer:
        server.watch(self.config.content_dir)
        server.watch(self.config.templates_dir)

        def keep_serving(*args: object, **kwargs: object) -> None:
            # A failed rebuild leaves the last good site in place; MkDocs' server would then
            # hold every request until a build passes. Reported as done, it keeps serving.
            try:
                builder(*args, **kwargs)
            except Exception as error:  # any failure, not only our checks'
                log.error(rebuild_failed(error, told=isinstance(error, Abort)))

        server.builder = keep_serving
        return server
