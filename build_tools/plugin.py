"""MkDocs glue: turns the pipeline's pages into MkDocs pages. No logic that MkDocs does not need.

- `on_config` points the build at a staging folder beside the output folder.
- `on_files` runs the pipeline and adds one generated page per record (nothing is written to
  `docs/`), plus the exercise index, the field reference and the catalogue of checks.
- `on_page_markdown` / `on_page_content` hand MkDocs the HTML our templates made, with its
  table of contents and anchors, so Markdown never reads record text.
- `on_post_build` (last of all plugins) writes the host configuration, checks the built site,
  then swaps the staging folder into place only if nothing failed: a failed build leaves the
  previous site untouched.
- Problems are logged in `path:line:col: CODE message` form and abort the build.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from markupsafe import escape
from mkdocs.config import base
from mkdocs.config import config_options as opt
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils import CountHandler

from .checks_docs import check_catalogue
from .diagnostics import Diagnostic, has_errors, summary
from .load import display_path
from .pipeline import Project, Result, run, verify_site
from .publish import write_host_files
from .render import RenderedPage, make_environment, render_exercise_list
from .schema_docs import field_reference
from .site import read_site
from .staging import discard, publish, stage
from .structured_data import exercise_graph, json_ld

log = logging.getLogger("mkdocs.plugins.build_tools")

INDEX_PAGE = "exercises/index.md"
FIELDS_PAGE = "reference/record-fields.md"
CHECKS_PAGE = "reference/checks.md"
LIST_MARKER = "<!-- exercise-list -->"
INDEX_TITLE = "All exercises"


class ExercisesConfig(base.Config):
    content_dir = opt.Dir(exists=True, default="content")
    """Folder of the exercise records and the vocabulary, relative to `mkdocs.yml`."""
    templates_dir = opt.Dir(exists=True, default="templates/pages")
    """Folder of the Jinja templates that render a record."""
    hosting_templates_dir = opt.Dir(exists=True, default="templates/hosting")
    """Folder of the templates of host configuration (nginx)."""


class ExercisesPlugin(BasePlugin[ExercisesConfig]):
    def __init__(self) -> None:
        self.dirty = False
        self._reset()

    def _reset(self) -> None:
        self.result: Result | None = None
        self.pages: dict[str, RenderedPage] = {}
        self.page_uris: dict[str, str] = {}
        self.site_dir: Path | None = None
        self.staging: Path | None = None
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

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defining this hook also keeps one plugin object for all rebuilds of `mkdocs serve`;
        # every per-build attribute is reset in `on_config`.
        self.dirty = dirty

    @event_priority(100)  # first: every plugin after us must write into the staging folder
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self._reset()
        self.mkdocs_config = config
        self.site_dir = Path(config.site_dir)
        self.staging = stage(self.site_dir, keep=self.dirty)
        config.site_dir = str(self.staging)
        # MkDocs counts warnings for --strict only after `on_post_build`, too late to keep the
        # previous site: we count what is logged during the build ourselves.
        logging.getLogger("mkdocs").addHandler(self.logged)
        return config

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        result = run(self._project(config))
        shown = self._log(result.diagnostics, config.strict)
        if has_errors(shown):
            raise PluginError(
                f"content check failed: {summary(shown)}; the previous site in"
                f" {self.site_dir} is left as it was"
            )
        self.result = result
        self.pages = {f"exercises/{page.slug}.md": page for page in result.pages}
        for src_uri, page in self.pages.items():
            file = File.generated(config, src_uri, content="")
            self.page_uris[page.slug] = file.dest_uri
            files.append(file)
        files.append(
            File.generated(config, INDEX_PAGE, content=f"# {INDEX_TITLE}\n\n{LIST_MARKER}")
        )
        files.append(File.generated(config, FIELDS_PAGE, content=field_reference()))
        files.append(File.generated(config, CHECKS_PAGE, content=check_catalogue()))
        return files

    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        rendered = self.pages.get(page.file.src_uri)
        if rendered is not None:
            # The theme prints these two unescaped (in <title>, the header, an attribute):
            # escaped here, record text shows literally there too.
            page.meta["title"] = str(escape(rendered.title))
            page.meta["description"] = str(escape(rendered.description))
            page.meta["og_type"] = "article"
            page.meta["structured_data"] = self._structured_data(rendered.slug, config)
            return ""
        if LIST_MARKER in markdown and self.result is not None:
            env = make_environment(Path(self.config.templates_dir))
            base_url = "../" * page.file.dest_uri.count("/")
            listing = render_exercise_list(env, self.result.content.exercises, base_url)
            return markdown.replace(LIST_MARKER, "\n" + listing + "\n")
        return None

    def _structured_data(self, slug: str, config: MkDocsConfig) -> str:
        """The page's JSON-LD, which the theme's `main.html` writes into `<head>`."""
        content = self.result.content if self.result is not None else None
        if content is None or content.vocabulary is None:
            return ""
        (exercise,) = (e for e in content.exercises if e.slug == slug)
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
        rendered = self.pages.get(page.file.src_uri)
        if rendered is None:
            return None
        page.toc = get_toc(
            [{"level": 2, "id": h.id, "name": h.title_html, "children": []} for h in rendered.toc]
        )
        page.present_anchor_ids = set(rendered.anchors)
        return rendered.html

    @event_priority(-100)  # last: after every other plugin has written its files
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        assert self.result is not None
        assert self.staging is not None
        assert self.site_dir is not None
        root = Path(config.config_file_path).parent
        inside = self.site_dir.resolve().is_relative_to(root.resolve())
        shown_as = display_path(self.site_dir, root) if inside else ""
        write_host_files(
            self.staging,
            self.result.content.exercises,
            config.site_url or "/",
            make_environment(Path(self.config.templates_dir)),
            Path(self.config.hosting_templates_dir),
        )
        site = read_site(self.staging, shown_as, self.page_uris, config.site_url or "")
        shown = self._log(tuple(verify_site(site, self.result.content)), config.strict)
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
        publish(self.staging, self.site_dir)
        config.site_dir = str(self.site_dir)
        self.staging = None
        log.info(f"Published the site to {self.site_dir}")

    def on_build_error(self, *, error: Exception) -> None:
        logging.getLogger("mkdocs").removeHandler(self.logged)
        self._abandon()

    def _abandon(self) -> None:
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
