"""MkDocs glue: turns the pipeline's pages into MkDocs pages. No logic that MkDocs does not need.

- `on_files` runs the pipeline and adds one generated page per record (nothing is written to
  `docs/`), plus the exercise index, the field reference and the catalogue of checks.
- `on_page_markdown` / `on_page_content` hand MkDocs the HTML our templates made, with its
  table of contents and anchors, so Markdown never reads record text.
- Problems are logged in `path:line:col: CODE message` form and abort the build.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as opt
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from .checks_docs import check_catalogue
from .diagnostics import summary
from .pipeline import Project, Result, run
from .render import RenderedPage, make_environment, render_exercise_list
from .schema_docs import field_reference

log = logging.getLogger("mkdocs.plugins.build_tools")

INDEX_PAGE = "exercises/index.md"
FIELDS_PAGE = "reference/record-fields.md"
CHECKS_PAGE = "reference/checks.md"
LIST_MARKER = "<!-- exercise-list -->"


class ExercisesConfig(base.Config):
    content_dir = opt.Dir(exists=True, default="content")
    """Folder of the exercise records and the vocabulary, relative to `mkdocs.yml`."""
    templates_dir = opt.Dir(exists=True, default="templates/pages")
    """Folder of the Jinja templates that render a record."""


class ExercisesPlugin(BasePlugin[ExercisesConfig]):
    def __init__(self) -> None:
        self.result: Result | None = None
        self.pages: dict[str, RenderedPage] = {}

    def _project(self, config: MkDocsConfig) -> Project:
        root = Path(config.config_file_path).parent
        return Project(root, Path(self.config.content_dir), Path(self.config.templates_dir))

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        result = run(self._project(config))
        for diagnostic in result.diagnostics:
            (log.error if diagnostic.is_error else log.warning)(diagnostic.format())
        if not result.ok:
            raise PluginError(f"content check failed: {summary(result.diagnostics)}")
        self.result = result
        self.pages = {f"exercises/{page.slug}.md": page for page in result.pages}
        for src_uri in self.pages:
            files.append(File.generated(config, src_uri, content=""))
        files.append(
            File.generated(config, INDEX_PAGE, content="# All exercises\n\n" + LIST_MARKER)
        )
        files.append(File.generated(config, FIELDS_PAGE, content=field_reference()))
        files.append(File.generated(config, CHECKS_PAGE, content=check_catalogue()))
        return files

    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        rendered = self.pages.get(page.file.src_uri)
        if rendered is not None:
            page.meta["title"] = rendered.title
            page.meta["description"] = rendered.description
            return ""
        if LIST_MARKER in markdown and self.result is not None:
            env = make_environment(Path(self.config.templates_dir))
            base_url = "../" * page.file.dest_uri.count("/")
            listing = render_exercise_list(env, self.result.content.exercises, base_url)
            return markdown.replace(LIST_MARKER, "\n" + listing + "\n")
        return None

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

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: object
    ) -> LiveReloadServer:
        server.watch(self.config.content_dir)
        server.watch(self.config.templates_dir)
        return server
