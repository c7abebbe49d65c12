"""One build of the site, whichever generator writes the pages: the steps before it (load, check,
render, the browse pages and search entries), what it is handed (our pages and their meta), the
steps over its output (the home page's list, data files, redirect pages, the search index, host
configuration, the built-site checks) and the swap of the staging folder.

A face drives it: the MkDocs plugin from MkDocs' events, the command line around a generator
that runs no plugin (Zensical). Both call the same steps, so the site is the same.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

import yaml
from markupsafe import escape

from ..addresses import HOME_FILE, absolute, base_of, file_of
from ..checks.drafts import drafts_line
from ..checks.run import SiteReading, verify_site
from ..diagnostics import Diagnostic, Severity, has_errors, summary
from ..media.derive import DerivativeStore, RecordMedia, media_files, media_urls
from ..memo import FRESH, Memo, Same
from ..model import Exercise, Vocabulary
from ..reference.checks import catalogue_pages
from ..reference.fields import field_reference
from ..render.moved import moved_anchor_files
from ..render.page import Page
from ..render.structured_data import exercise_graph, json_ld
from ..site import api, export
from ..site.assemble import Site, assemble, search_files
from ..site.browse_pages import FILTER_URL
from ..site.catalog import written_page_entries
from ..site.history import record_history
from ..site.host_files import write_host_config, write_redirect_pages, write_tombstone_pages
from ..site.reader import PageFacts, SiteReader
from ..site.stylesheet import Names, own_scripts, site_stylesheet
from ..source.load import Content, display_path
from . import mirror, staging
from .config import SiteConfig
from .output import Writer
from .pipeline import Pipeline, Project, Result

if TYPE_CHECKING:  # the speed machinery is imported only by the builds that use it
    from ..speed.session import Session
    from ..speed.worker import CheckWorker

log = logging.getLogger("mkdocs.plugins.build_tools")

HOME_MARKER = "<!-- exercise-list -->"
"""Where the home page (`docs/index.md`) shows the ways into the exercises."""
INDEX_TITLE = "Exercises A–Z"
FIELDS_PAGE = "reference/record-fields.md"
GENERATED_SOURCES = ("exercises", "browse", "reference", "sheet")
"""The folders of `docs/` that hold the pages the build writes for a generator that runs no
plugin; each is wholly generated (git-ignored, removed after the build)."""
PAGE_TEMPLATE = "generated.html"


THEME_SEARCH_ASSETS = ("assets/javascripts/lunr/", "assets/javascripts/workers/search.")
"""The theme's own search engine: the site has its own, so nothing loads these."""


def not_ours(source: str) -> bool:
    """A file a generator found that the site does not publish: a page a build for a generator
    without plugins left in a generated folder, or the theme's search engine."""
    return source.split("/", 1)[0] in GENERATED_SOURCES or source.startswith(THEME_SEARCH_ASSETS)


def reference_pages() -> dict[str, str]:
    """The editors' reference pages, Markdown by source: the field reference and the checks."""
    return {FIELDS_PAGE: field_reference(), **catalogue_pages()}


def written_sources(docs_dir: Path) -> list[str]:
    """The hand-written Markdown pages in `docs_dir`, by source, in the order MkDocs lists
    them: in each folder its index first, then its other pages, then its folders."""
    found = []
    for path in docs_dir.rglob("*.md"):
        source = path.relative_to(docs_dir).as_posix()
        if source.split("/", 1)[0] not in GENERATED_SOURCES:
            found.append(source)

    def order(source: str) -> tuple[tuple[int, bool, str], ...]:
        *folders, name = source.split("/")
        return (*((1, False, f) for f in folders), (0, name != "index.md", name))

    return sorted(found, key=order)


def rebuild_failed(error: Exception, *, told: bool) -> str:
    """What `mkdocs serve` says of a rebuild that raised `error` (whose reason is logged already
    when `told`): the server goes on serving the published site, never a half-built one."""
    why = "" if told else f": {type(error).__name__}: {error}"
    return f"The build failed{why}; the last site that passed every check is still served"


def build_notes(result: Result) -> tuple[str, ...]:
    """What a build says of its records besides the findings, a line each: the drafts it left
    out (`check` lists each with what it lacks, the build only counts them) and how many
    findings the records waive."""
    waived = len(result.waived)
    told = [drafts_line(result.diagnostics)]
    told.append(f"Findings waived by the records: {waived}" if waived else None)
    return tuple(line for line in told if line)


def site_failure(
    found: Sequence[Diagnostic], logged: Mapping[str, int], *, strict: bool
) -> str | None:
    """Why a build fails whose generator logged `logged` records by level name (`ERROR`, …)
    while it wrote the site, the built-site findings `found` among them; None when it passes."""
    errors = logged.get("ERROR", 0) + logged.get("CRITICAL", 0)
    warnings = logged.get("WARNING", 0)
    if not errors and not (strict and warnings):
        return None
    if has_errors(found):
        return f"site check failed: {summary(found)}"
    return f"{errors} errors and {warnings} warnings logged during the build"


@dataclass
class Timings:
    """How long each step took, for the verbose log the benchmark reads."""

    start: float = field(default_factory=time.perf_counter)

    def lap(self, what: str) -> None:
        now = time.perf_counter()
        log.debug(f"{what} in {now - self.start:.2f} s")
        self.start = now


def data_files(
    content: Content,
    vocabulary: Vocabulary,
    config: tuple[str, str],
    dates: Mapping[str, api.Dates],
    media: Mapping[str, list[dict[str, object]]],
) -> dict[str, bytes]:
    """The API, the feed and the exports of the published records, by path from the root."""
    site_url, site_name = config
    exercises = content.exercises
    exports = {
        export.FREE_EXERCISE_DB_FILE: export.free_exercise_db(exercises, vocabulary),
        export.WGER_FILE: export.wger(
            exercises, vocabulary, site_url=site_url, site_name=site_name, dates=dates
        ),
    }
    return {
        **api.api_files(
            exercises,
            vocabulary,
            site_url=site_url,
            site_name=site_name,
            dates=dates,
            media=media,
        ),
        **{path: api.encoded(document) for path, document in exports.items()},
    }


class SiteBuild:
    """The steps of one build. `session` and `fork` are the speed machinery's way in: what
    `mkdocs serve` keeps between rebuilds (speed/session.py), and the second core."""

    def __init__(
        self, config: SiteConfig, *, session: Session | None = None, fork: bool = False
    ) -> None:
        self.config = config
        self.session = session
        self.memo: Memo = session.memo if session is not None else FRESH
        self.fork = fork
        self.dirty = False
        self.writer = session.writer if session is not None else Writer()
        self.project = Project(
            config.root,
            config.content_dir,
            config.templates_dir,
            site_url=config.site_url,
            show_drafts=config.show_drafts,
        )
        self.pipeline = Pipeline(self.project, self.memo)
        self.result: Result | None = None
        self.site: Site | None = None
        self.reader: SiteReader | CheckWorker | None = None
        self._worker: CheckWorker | None = None
        self.home_filled = False
        self.site_dir = config.site_dir
        self.staging: Path | None = None
        self.generated: set[str] = set()
        """What the generator makes in a staging folder that mirrors the site, written or not."""
        self._facts: dict[str, PageFacts] | None = None
        self.mirrored: list[str] = []
        """The files of the site that a dirty build's staging folder started with."""
        self.media_store: DerivativeStore | None = None
        """Where the images' derivatives are kept between builds (`speed/media_cache.py`);
        without it, each build makes them anew."""

    # Before the generator

    def prepare(self) -> tuple[Diagnostic, ...]:
        """Load, check and render; the pages are ready when nothing has an error."""
        timings = Timings()
        env = self.pipeline.environment()
        site: Site | None = None
        if self.fork:
            from ..speed.forked import forked_map
            from ..speed.worker import CheckWorker

            def checks_elsewhere(content: Content) -> Callable[[], list[Diagnostic]]:
                self._worker = worker = CheckWorker(content)
                return worker.record_findings

            self.pipeline.read_map = forked_map
            result, site = self.pipeline.run_beside(
                checks_elsewhere, lambda r: assemble(r.content, r.pages, env, self.memo)
            )
        else:
            result = self.pipeline.run()
        timings.lap("Records loaded, checked and rendered")
        self.result = result
        if not has_errors(result.diagnostics) and result.content.vocabulary is not None:
            self.site = site or assemble(result.content, result.pages, env, self.memo)
        # A build tells of its drafts in one line (`drafts_line`); `check` lists each.
        return tuple(d for d in result.diagnostics if d.severity is not Severity.NOTE)

    def content_failure(self, shown: Sequence[Diagnostic]) -> str | None:
        """Why no page is ready after `prepare`, whose findings the face showed as `shown`
        (escalated under `--strict`), or None when the generator may run."""
        if has_errors(shown) or self.site is None:
            return self.failed(f"content check failed: {summary(shown, self.waived)}")
        return None

    @property
    def waived(self) -> int:
        """How many findings the records waive (kept out of what `prepare` returned)."""
        return len(self.result.waived) if self.result is not None else 0

    @property
    def notes(self) -> tuple[str, ...]:
        """What the build says of its drafts and waivers once the pages are ready."""
        assert self.result is not None
        return build_notes(self.result)

    @property
    def content(self) -> Content:
        assert self.result is not None
        return self.result.content

    @property
    def media(self) -> Mapping[str, RecordMedia]:
        """Each record's media as this build read them (`Result.media`), by slug."""
        assert self.result is not None
        return self.result.media

    @property
    def pages(self) -> tuple[Page, ...]:
        """Our pages, for the generator."""
        assert self.site is not None
        return self.site.pages

    def meta(self, page: Page) -> dict[str, str]:
        """What the theme's overrides read of a page: its title and description (escaped here,
        as the theme prints them unescaped) and, on an exercise page, its JSON-LD."""
        exercise = self.content.by_slug.get(page.slug or "")
        config = (self.config.site_url, self.config.site_name)
        key = ("meta", Same(page), Same(exercise), Same(self.content.vocabulary), config)
        return self.memo.remember(key, lambda: self._meta(page, exercise))

    def _meta(self, page: Page, exercise: Exercise | None) -> dict[str, str]:
        meta = {
            "title": str(escape(page.title)),
            "description": str(escape(page.description)),
            "template": PAGE_TEMPLATE,
        }
        # The theme loads a page's own scripts by this (main.html): the filter's only on the
        # filter page, the deep links' only on an exercise page.
        if page.url == FILTER_URL:
            meta["page_kind"] = "filter"
        if exercise is not None:
            assert self.content.vocabulary is not None
            graph = exercise_graph(
                exercise,
                self.content.vocabulary,
                site_url=self.config.site_url,
                site_name=self.config.site_name,
                index_name=INDEX_TITLE,
            )
            meta["og_type"] = "article"
            meta["page_kind"] = "exercise"
            # The page carries its own table of contents, which a phone shows too; the theme's
            # sidebar would take the width the steps and the figure share on a wide screen.
            meta["hide"] = "toc"
            meta["structured_data"] = json_ld(graph)
            # Relative, as every link of the page: it reads the same under any address.
            meta["alternate_json"] = base_of(page.url) + api.exercise_path(exercise.slug)
            setup = self.media[exercise.slug].shown.setup
            if setup is not None:
                # The largest fallback: link previews take JPEG and PNG, not always WebP.
                meta["og_image"] = str(escape(absolute(self.config.site_url, setup.src.path)))
                meta["og_image_type"] = setup.src.mime
                meta["og_image_width"] = str(setup.width)
                meta["og_image_height"] = str(setup.height)
                meta["og_image_alt"] = str(escape(setup.media.alt or ""))
        return meta

    def sources(self) -> Iterator[tuple[str, str]]:
        """Every page as a source file for a generator that finds its pages in `docs/`: our
        pages as their HTML under front matter (Markdown leaves a block of HTML as it is), the
        reference pages as Markdown."""
        for page in self.pages:
            front = yaml.safe_dump(self.meta(page), allow_unicode=True, width=2**16)
            yield page.source, f"---\n{front}---\n\n{page.html}"
        yield from self.reference.items()

    def write_sources(self, docs_dir: Path) -> list[Path]:
        """Write `sources()` into `docs_dir`; the generated folders are emptied first."""
        self.remove_sources(docs_dir)
        written = []
        for source, text in self.sources():
            path = docs_dir / source
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            written.append(path)
        return written

    @staticmethod
    def remove_sources(docs_dir: Path) -> None:
        for folder in GENERATED_SOURCES:
            staging.remove(docs_dir / folder)

    # While the generator writes

    @property
    def exercise_pages(self) -> dict[str, str]:
        """The built file of each exercise's page, by slug."""
        return {e.slug: file_of(e.url) for e in self.content.exercises}

    def start_reading(self, site_dir: Path) -> None:
        """Read each page as the generator writes it (`page_written`), for the built-site
        checks; a dirty build keeps the facts of the published pages it did not rewrite."""
        session = self.session if self.dirty else None
        known = session.known(self.config.site_url) if session is not None else None
        root = self.config.root
        inside = site_dir.resolve().is_relative_to(root.resolve())
        shown_as = display_path(site_dir, root) if inside else ""
        reading = SiteReading(shown_as, self.config.site_url, self.exercise_pages)
        if self._worker is not None:
            self._worker.read_pages(reading)
            self.reader = self._worker
        else:
            self.reader = reading.reader(self.content, known)

    def page_written(self, uri: str, html: str) -> str:
        """A page as the generator writes it: the home page gets its list of exercises."""
        if uri == HOME_FILE and HOME_MARKER in html:
            html = self.fill_home(html)
        if self.reader is not None:
            # As MkDocs encodes the page to write it.
            self.reader.page(uri, html.encode("utf-8", "xmlcharrefreplace"))
        return html

    def filled(self) -> dict[str, str]:
        """What the build puts into the generator's pages, by file: the home page's list."""
        assert self.site is not None
        return {HOME_FILE: self.site.home(base_of(""))}

    def fill_home(self, html: str) -> str:
        assert self.site is not None
        self.home_filled = True
        return html.replace(HOME_MARKER, self.site.home(base_of("")).rstrip("\n"), 1)

    # Over the generator's output

    @property
    def markdown_sources(self) -> list[str]:
        """Every page written in Markdown: the hand-written ones, then the reference pages."""
        return [*written_sources(self.config.docs_dir), *self.reference]

    @cached_property
    def reference(self) -> dict[str, str]:
        """The editors' reference pages of this build, made once for every step that needs them."""
        return reference_pages()

    def finish(self, built: Path) -> tuple[Diagnostic, ...]:
        """The steps over what the generator wrote into `built`; the built-site findings."""
        assert self.result is not None
        assert self.site is not None
        timings = Timings()
        home = built / HOME_FILE
        if not self.home_filled and home.is_file():
            text = home.read_text(encoding="utf-8")
            if HOME_MARKER in text:
                home.unlink()  # a new file: a mirrored one is the published site's
                home.write_text(self.fill_home(text), encoding="utf-8")
        exercises = self.content.exercises
        write_redirect_pages(built, exercises, self.pipeline.environment(), self.site_root)
        tombstones = self.content.tombstones
        write_tombstone_pages(built, tombstones, exercises, self.pipeline.environment())
        entries = [
            *self.site.entries,
            *written_page_entries(built, self.markdown_sources, self.config.nav_titles),
        ]
        outputs = {
            **search_files(entries, self.memo),
            **self.site.data_files,
            **self.api_files(),
            **media_files((self.media[e.slug] for e in exercises), self.media_store),
            **moved_anchor_files(exercises),
            **site_stylesheet(built, self.config.docs_dir, self.config.stylesheets),
        }
        self.writer.write(built, outputs, dirty=self.dirty)
        if self.mirrors:
            mirror.prune(built, self.site_dir, self.mirrored, self.generated | set(outputs))
        timings.lap("Search index and redirect pages written")
        if self.reader is None:
            self.start_reading(built)
        assert self.reader is not None
        # Pages not read as they were written (the 404 page, the redirect pages) are read now.
        site = self.reader.site(built)
        timings.lap("Page checks done after the last page")
        # Written whole above, so that every link to it resolves; now that every page has been
        # read, without the theme's rules none of them can match.
        ids = frozenset().union(*(facts.ids for facts in site.pages.values()))
        names = Names.of(site.styled, ids, own_scripts(self.config.docs_dir))
        sheet = site_stylesheet(built, self.config.docs_dir, self.config.stylesheets, names)
        self.writer.rewrite(built, sheet)
        write_host_config(
            built,
            exercises,
            self.site_root,
            self.config.hosting_templates_dir,
            site.files,
            site.scripts,
            [tombstone.slug for tombstone in tombstones],
        )
        found = tuple(self.pipeline.selection.apply(verify_site(site, self.content)))
        self._facts = self.reader.facts if self.dirty and self.session is not None else None
        timings.lap("Host files and site checks")
        return found

    def api_files(self) -> dict[str, bytes]:
        """The JSON API and the feed (`site/api.py`), of the published records alone."""
        content = self.content
        vocabulary = content.vocabulary
        assert vocabulary is not None
        paths = {e.slug: self.config.root / e.source.path for e in content.exercises}
        history = record_history(self.config.content_dir, paths.values())
        if history.note:
            log.info(history.note)
        dates = {slug: history.dates[path.resolve()] for slug, path in paths.items()}
        config = (self.config.site_url, self.config.site_name)
        media = {
            e.slug: media_urls(self.media[e.slug].shown, self.config.site_url)
            for e in content.exercises
            if e.media
        }
        # The media's URLs carry their files' digests: a changed picture changes the key.
        shown = json.dumps(media, sort_keys=True)
        key = (
            "api",
            Same(vocabulary),
            *map(Same, content.exercises),
            config,
            shown,
            *dates.items(),
        )
        return self.memo.remember(
            key, lambda: data_files(content, vocabulary, config, dates, media)
        )

    @property
    def site_root(self) -> str:
        return self.config.site_url or "/"

    # The swap

    def failed(self, reason: str) -> str:
        return f"{reason}; the previous site in {self.site_dir} is left as it was"

    def stage(self, site_dir: Path) -> Path:
        """Where the generator is to write: a staging folder beside `site_dir` (for a dirty
        build, a copy of the site whose files are linked to it: see `generator_writes`)."""
        self.site_dir = site_dir
        spare = self.session.take_spare() if self.session is not None and self.dirty else None
        if spare is not None and site_dir.is_dir():
            self.mirrored = mirror.resync(spare, site_dir)
            self.staging = spare
        else:
            if spare is not None:
                staging.remove(spare)
            self.staging = staging.stage(site_dir, keep=self.dirty)
            self.mirrored = mirror.files(self.staging) if self.dirty else []
        return self.staging

    @property
    def mirrors(self) -> bool:
        """The staging folder started as a linked copy of the published site."""
        return self.dirty and self.staging is not None

    def generator_writes(self, files: Mapping[str, bool]) -> None:
        """Before the generator reads its pages: each file it makes, by path in the site, and
        whether it is to write it (a file that is not there it writes). Only the files nothing
        writes stay shared with the published site."""
        self.generated = set(files)
        if self.mirrors and self.staging is not None:
            kept = {uri for uri, writes in files.items() if not writes} | set(self.writer.written)
            rewritten = {uri for uri, writes in files.items() if writes}
            mirror.unshare(self.staging, self.mirrored, kept=kept, rewritten=rewritten)

    def publish(self) -> None:
        """Everything passed: the staged site takes the place of the previous one."""
        self.close()
        if self.staging is not None:
            # A dirty rebuild of `serve` starts from the previous site rather than a new copy.
            spare = self.session is not None and self.mirrors
            previous = staging.publish(self.staging, self.site_dir, spare=spare)
            if self.session is not None and previous is not None:
                self.session.keep_spare(previous)
            self.staging = None
            log.info(f"Published the site to {self.site_dir}")
        self.writer.published()
        if self.media_store is not None:
            self.media_store.published()
        if self.session is not None and self._facts is not None:
            self.session.keep(self.config.site_url, self._facts)

    def abandon(self) -> None:
        """Something failed: the staged site goes, the previous one stays as it was. (A dirty
        rebuild of `serve` keeps it aside: it shares with the site only files it never wrote, and
        the next rebuild starts from it.)"""
        self.close()
        if self.staging is not None:
            if self.session is not None and self.mirrors:
                self.session.keep_spare(self.staging)
            else:
                staging.discard(self.staging)
            self.staging = None

    def close(self) -> None:
        """Stop what the build started (the check worker), whether it passed or failed."""
        if self._worker is not None:
            self._worker.close()
