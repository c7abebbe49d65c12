"""The one path both faces share: load → check → render, then verify the built site.

Knows nothing of MkDocs or a terminal.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import jinja2

from .. import checks  # noqa: F401  (registers the checks and the codes)
from ..checks.registry import PAGE_CHECKS, RECORD_CHECKS, SITE_CHECKS
from ..diagnostics import Diagnostic, Location, has_errors, sorted_diagnostics
from ..render.exercise import RenderedPage, make_environment, render_exercise
from ..site import browse
from ..site.reader import (
    Addresses,
    BuiltSite,
    HtmlPage,
    PageCheck,
    PageFacts,
    SiteReader,
    read_site,
)
from ..source.load import Content, display_path, load_content
from ..speed.cache import FileCache, Mapper, Same

T = TypeVar("T")


@dataclass(frozen=True)
class Project:
    """Where a site's sources live; `root` is the folder that paths in diagnostics start from."""

    root: Path
    content_dir: Path
    templates_dir: Path
    site_url: str = ""
    """The published site's root URL: pages print absolute deep links under it."""

    @classmethod
    def at(
        cls, root: Path, content: str = "content", templates: str = "templates/pages"
    ) -> Project:
        return cls(root, root / content, root / templates)


@dataclass(frozen=True)
class Result:
    content: Content
    pages: tuple[RenderedPage, ...]
    diagnostics: tuple[Diagnostic, ...]

    @property
    def ok(self) -> bool:
        return not has_errors(self.diagnostics)


def check_content(content: Content, cache: FileCache | None = None) -> list[Diagnostic]:
    """Load problems plus the findings of every registered record check.

    With a `cache` kept between calls (`mkdocs serve`), the findings of the checks that look at
    one record at a time are kept for each unchanged record: a rebuild checks the records that
    changed, and runs only the checks across records over all of them.
    """
    found = list(content.diagnostics)
    vocabulary = content.vocabulary
    if vocabulary is None:
        return sorted_diagnostics(found)
    per_record = [c for c in RECORD_CHECKS.values() if c.per_record]
    for check in RECORD_CHECKS.values():
        if cache is None or not check.per_record:
            found.extend(check.run(content, vocabulary))
    if cache is not None:
        for exercise in content.exercises:
            one = content.only(exercise)
            found.extend(
                cache.remember(
                    ("checks", Same(exercise), Same(vocabulary)),
                    lambda one=one: [d for c in per_record for d in c.run(one, vocabulary)],
                )
            )
    return sorted_diagnostics(found)


def page_checker(content: Content, exercise_pages: Mapping[str, str]) -> PageCheck:
    """The checks of one built page: those of an exercise page, for the page of each record."""
    by_uri = {exercise_pages[e.slug]: e for e in content.exercises if e.slug in exercise_pages}

    def check_page(page: HtmlPage) -> list[Diagnostic]:
        exercise = by_uri.get(page.uri)
        if exercise is None:
            return []
        return [d for check in PAGE_CHECKS.values() for d in check.run(exercise, page)]

    return check_page


def verify_site(site: BuiltSite, content: Content) -> list[Diagnostic]:
    """The findings of every built-site check: the pages say what the records say, and every
    link leads somewhere. The page checks ran as each page was read; an exercise whose page
    was never read is checked here against no page."""
    found = [d for facts in site.pages.values() for d in facts.findings]
    for exercise in content.exercises:
        if site.exercise_pages.get(exercise.slug) not in site.pages:
            found.extend(d for check in PAGE_CHECKS.values() for d in check.run(exercise, None))
    for check in SITE_CHECKS.values():
        found.extend(check.run(site, content))
    return sorted_diagnostics(found)


def check_built_site(
    directory: Path,
    shown_as: str,
    content: Content,
    exercise_pages: Mapping[str, str],
    site_url: str = "",
) -> list[Diagnostic]:
    """Every built-site check over a folder a build wrote, read from disk."""
    checker = page_checker(content, exercise_pages)
    return verify_site(read_site(directory, shown_as, exercise_pages, site_url, checker), content)


def load(project: Project, cache: FileCache | None = None, map_: Mapper | None = None) -> Content:
    """The records and the vocabulary. A `cache` kept between calls (as `mkdocs serve` does)
    rereads only the records that changed; `map_` may read them in parallel."""
    if cache is not None:
        cache.sweep()
    return load_content(project.content_dir, project.root, cache, map_)


def render_pages(
    project: Project, content: Content, cache: FileCache | None = None
) -> tuple[tuple[RenderedPage, ...], list[Diagnostic]]:
    """The page of every record, and T001 for each that a template failed to render."""
    assert content.vocabulary is not None
    # With a cache, what was made from unchanged inputs is reused: unchanged records are the very
    # same objects from one rebuild to the next, so `Same` keys them cheaply.
    memo = cache if cache is not None else FileCache()
    env = environment(project.templates_dir, memo)
    vocabulary = Same(content.vocabulary)
    related = memo.remember(
        ("related", *map(Same, content.exercises)), lambda: browse.related(content.exercises)
    )
    pages: list[RenderedPage] = []
    problems: list[Diagnostic] = []
    for exercise in content.exercises:
        others = related[exercise.slug]
        try:
            pages.append(
                memo.remember(
                    ("page", env, vocabulary, Same(exercise), *map(Same, others), project.site_url),
                    lambda e=exercise, o=others: render_exercise(
                        env, e, content.vocabulary, o, site_url=project.site_url
                    ),
                )
            )
        except jinja2.TemplateError as error:
            problems.append(template_diagnostic(error, project))
    return tuple(pages), problems


def run(project: Project, *, render: bool = True, cache: FileCache | None = None) -> Result:
    """Load and check everything; render the pages only when nothing is wrong."""
    content = load(project, cache)
    diagnostics = check_content(content, cache)
    if not render or has_errors(diagnostics) or content.vocabulary is None:
        return Result(content, (), tuple(diagnostics))
    pages, problems = render_pages(project, content, cache)
    return Result(content, pages, tuple(sorted_diagnostics([*diagnostics, *problems])))


def run_beside(
    project: Project,
    start_checks: Callable[[Content], Callable[[], list[Diagnostic]]],
    cache: FileCache | None = None,
    map_: Mapper | None = None,
    then: Callable[[Result], T] | None = None,
) -> tuple[Result, T | None]:
    """As `run`, with the record checks run elsewhere while the pages render: `start_checks`
    starts them and gives what waits for their findings. `then` is more work on the rendered
    pages to do while the checks run; its value comes back with the result.

    For builds whose output is published only once everything passed: the pages are rendered
    before the checks have spoken, so a record they reject may break its template; then their
    findings are what is reported, not the break.
    """
    content = load(project, cache, map_)
    findings = start_checks(content)
    pages: tuple[RenderedPage, ...] = ()
    problems: list[Diagnostic] = []
    failure: Exception | None = None
    made: T | None = None
    if content.vocabulary is not None and not has_errors(content.diagnostics):
        try:
            pages, problems = render_pages(project, content, cache)
            if then is not None and not has_errors(problems):
                made = then(Result(content, pages, tuple(problems)))
        except Exception as error:
            failure = error
    diagnostics = findings()
    if has_errors(diagnostics) or content.vocabulary is None:
        return Result(content, (), tuple(diagnostics)), None
    if failure is not None:
        raise failure
    return Result(content, pages, tuple(sorted_diagnostics([*diagnostics, *problems]))), made


@dataclass(frozen=True)
class SiteReading:
    """How to read a built site for its checks; sent to the process that reads it."""

    shown_as: str
    """The folder the site is published to, as findings print it."""
    site_url: str
    exercise_pages: Mapping[str, str]
    """The page of each exercise, by slug."""

    def reader(self, content: Content, known: Mapping[str, PageFacts] | None = None) -> SiteReader:
        checker = page_checker(content, self.exercise_pages)
        return SiteReader(
            self.shown_as, Addresses(self.site_url), checker, self.exercise_pages, known
        )


def templates_stamp(folder: Path) -> tuple[tuple[str, int], ...]:
    """Name and modification time of every template."""
    return tuple(sorted((str(p), p.stat().st_mtime_ns) for p in folder.rglob("*") if p.is_file()))


def environment(templates_dir: Path, cache: FileCache) -> jinja2.Environment:
    """The templates' environment, made anew only when a template changed (so a page rendered
    with it may be reused while it is the same)."""
    stamp = templates_stamp(templates_dir)
    return cache.remember(("env", stamp), lambda: make_environment(templates_dir))


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
