"""The one path every face shares: load → check → render. Knows nothing of a generator or a
terminal; `speed/` may hand it a memo that remembers and a map that reads on two cores.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property, partial
from pathlib import Path
from typing import TypeVar

import jinja2

from .. import checks  # noqa: F401  (registers the checks and the codes)
from ..checks.drafts import previewed, told_of_drafts
from ..checks.run import check_content, judge
from ..checks.selection import Selection, read_selection
from ..checks.waivers import Waived
from ..diagnostics import Diagnostic, Location, has_errors, sorted_diagnostics
from ..media.derive import RecordMedia, record_media
from ..memo import FRESH, Mapper, Memo, Same, in_order
from ..model import Exercise
from ..render.environment import make_environment
from ..render.exercise import render_exercise
from ..render.markup import LinkTargets
from ..render.moved import moved_away, page_aliases
from ..render.page import Page
from ..site import browse
from ..source.load import Content, display_path, load_content

T = TypeVar("T")


@dataclass(frozen=True)
class Project:
    """Where a site's sources live; `root` is the folder that paths in diagnostics start from."""

    root: Path
    content_dir: Path
    templates_dir: Path
    site_url: str = ""
    """The published site's root URL: pages print absolute deep links under it."""
    show_drafts: bool = False
    """Render the drafts' pages too, marked as drafts (`mkdocs serve`, for their editors)."""

    @classmethod
    def at(
        cls, root: Path, content: str = "content", templates: str = "templates/pages"
    ) -> Project:
        return cls(root, root / content, root / templates)


@dataclass(frozen=True)
class Result:
    content: Content
    """What is published: the records that are no drafts (every step after the checks makes
    its outputs of these alone)."""
    pages: tuple[Page, ...]
    """The page of every published record, in record order; then, under `show_drafts`, the
    pages of the drafts without errors."""
    diagnostics: tuple[Diagnostic, ...]
    """Every finding; those of drafts are notes (`checks/drafts.py`)."""
    waived: tuple[Waived, ...] = ()
    """The findings the records' waivers keep out of `diagnostics`."""
    media: Mapping[str, RecordMedia] = field(default_factory=dict)
    """The media of every record with a page, by slug, as this build read them: the page, its
    meta, the API and the published files are all made of this one reading."""


ChecksElsewhere = Callable[[Content], Callable[[], list[Diagnostic]]]
"""Starts the record checks somewhere else and gives what waits for their findings."""


@dataclass
class Pipeline:
    project: Project
    memo: Memo = FRESH
    """What may be reused from an earlier build (`speed.cache.FileCache` under `mkdocs serve`)."""
    read_map: Mapper = field(default=in_order)
    """How the records are read (`speed.forked.forked_map`: half on the second core)."""

    def environment(self) -> jinja2.Environment:
        """The templates' environment, made anew only when a template changed (so a page
        rendered with it may be reused while it is the same)."""
        folder = self.project.templates_dir
        stamp = tuple(
            sorted((str(p), p.stat().st_mtime_ns) for p in folder.rglob("*") if p.is_file())
        )
        return self.memo.remember(("env", stamp), lambda: make_environment(folder))

    @cached_property
    def selection(self) -> Selection:
        """The project's choice of checks (`pyproject.toml`), read once per build."""
        return read_selection(self.project.root)

    def load(self) -> Content:
        return load_content(self.project.content_dir, self.project.root, self.memo, self.read_map)

    def check(self, content: Content) -> tuple[list[Diagnostic], tuple[Waived, ...]]:
        """The findings as the project counts them, and those the records waive."""
        return self._judged(content, check_content(content, self.memo))

    def _judged(
        self, content: Content, found: list[Diagnostic]
    ) -> tuple[list[Diagnostic], tuple[Waived, ...]]:
        judged = judge(content, found, self.selection)
        return judged.diagnostics, tuple(judged.waived)

    def read_media(self, exercises: Iterable[Exercise]) -> dict[str, RecordMedia]:
        """Each record's media by slug, read from the files on every build (a picture can
        change while its record does not)."""
        return {e.slug: record_media(e, self.project.content_dir) for e in exercises}

    def render(
        self,
        content: Content,
        media: Mapping[str, RecordMedia],
        drafts: tuple[Exercise, ...] = (),
    ) -> tuple[tuple[Page, ...], list[Diagnostic]]:
        """The page of every record of `content` (published ones), then of each of `drafts`,
        showing its `media` (by slug); T001 for each that a template failed to render."""
        vocabulary = content.vocabulary
        assert vocabulary is not None
        env = self.environment()
        site_url = self.project.site_url
        # Unchanged records are the very same objects from one rebuild to the next, so `Same`
        # keys what was made from them cheaply.
        related = self.memo.remember(
            ("related", *map(Same, content.exercises)), lambda: browse.related(content.exercises)
        )
        targets = LinkTargets(content.exercises)
        away = moved_away(content.exercises, page_aliases(content.exercises))
        pages: list[Page] = []
        problems: list[Diagnostic] = []
        for exercise in (*content.exercises, *drafts):
            others = related.get(exercise.slug, ())
            # A page shows where its text's links land: a change to another record that moves
            # one (a renamed slug, an id kept as an alias) renders the page again.
            links = targets.resolved(exercise)
            shown = media[exercise.slug].shown
            # Items that moved away from this page are listed on it: they come from other records.
            left = away.get(exercise.url, ())
            key = (
                "page",
                env,
                Same(vocabulary),
                Same(exercise),
                *map(Same, others),
                links,
                site_url,
                shown,
                left,
            )
            make = partial(
                render_exercise,
                env,
                exercise,
                vocabulary,
                others,
                site_url=site_url,
                link_targets=targets,
                media=shown,
                moved_away=left,
            )
            try:
                pages.append(self.memo.remember(key, make))
            except jinja2.TemplateError as error:
                problems.append(template_diagnostic(error, self.project))
        return tuple(pages), problems

    def shown_drafts(self, content: Content, found: list[Diagnostic]) -> tuple[Exercise, ...]:
        return previewed(content, found) if self.project.show_drafts else ()

    def run(self, *, render: bool = True) -> Result:
        """Load and check everything; render the pages only when nothing is wrong."""
        content = self.load()
        found, waived = self.check(content)
        diagnostics = told_of_drafts(content, found)
        published = content.published
        if not render or has_errors(diagnostics) or content.vocabulary is None:
            return Result(published, (), tuple(sorted_diagnostics(diagnostics)), waived)
        drafts = self.shown_drafts(content, found)
        media = self.read_media((*published.exercises, *drafts))
        pages, problems = self.render(published, media, drafts)
        every = tuple(sorted_diagnostics([*diagnostics, *problems]))
        return Result(published, pages, every, waived, media)

    def run_beside(
        self, checks_elsewhere: ChecksElsewhere, then: Callable[[Result], T]
    ) -> tuple[Result, T | None]:
        """As `run`, with the record checks run elsewhere while the pages render. `then` is more
        work on the rendered pages to do while the checks run; its value comes back too.

        For builds whose output is published only once everything passed: the pages are rendered
        before the checks have spoken, so a record they reject may break its template; then their
        findings are what is reported, not the break.
        """
        content = self.load()
        findings = checks_elsewhere(content)
        published = content.published
        pages: tuple[Page, ...] = ()
        problems: list[Diagnostic] = []
        failure: Exception | None = None
        made: T | None = None
        media: dict[str, RecordMedia] = {}
        if content.vocabulary is not None and not has_errors(content.diagnostics):
            try:
                # Drafts are previewed only under `mkdocs serve`, which never forks.
                media = self.read_media(published.exercises)
                pages, problems = self.render(published, media)
                if not has_errors(problems):
                    made = then(Result(published, pages, tuple(problems), media=media))
            except Exception as error:
                failure = error
        judged, waived = self._judged(content, findings())
        diagnostics = sorted_diagnostics(told_of_drafts(content, judged))
        if has_errors(diagnostics) or content.vocabulary is None:
            return Result(published, (), tuple(diagnostics), waived), None
        if failure is not None:
            raise failure
        every = tuple(sorted_diagnostics([*diagnostics, *problems]))
        return Result(published, pages, every, waived, media), made


def run(project: Project, *, render: bool = True) -> Result:
    """Load, check and render once, keeping nothing."""
    return Pipeline(project).run(render=render)


def template_diagnostic(error: jinja2.TemplateError, project: Project) -> Diagnostic:
    """T001 at the template line that failed (Jinja keeps template lines in its tracebacks)."""
    location = Location(display_path(project.templates_dir, project.root))
    if isinstance(error, jinja2.TemplateSyntaxError) and error.filename:
        location = Location(display_path(Path(error.filename), project.root), error.lineno or 1)
    else:
        templates = str(project.templates_dir.resolve())
        for frame in traceback.extract_tb(error.__traceback__):
            if frame.filename and str(Path(frame.filename).resolve()).startswith(templates):
                location = Location(
                    display_path(Path(frame.filename), project.root), frame.lineno or 1
                )
    return Diagnostic("T001", f"template error: {error.message or type(error).__name__}", location)
