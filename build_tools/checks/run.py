"""Running the registered checks: over the loaded records, over each built page as it is read,
and over the whole built site. Knows nothing of a generator.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from ..diagnostics import Diagnostic, sorted_diagnostics
from ..memo import FRESH, Memo, Same
from ..model import Vocabulary
from ..site.reader import (
    Addresses,
    BuiltPage,
    BuiltSite,
    PageCheck,
    PageFacts,
    SiteReader,
    read_site,
)
from ..source.load import Content
from .registry import PAGE_CHECKS, RECORD_CHECKS, SITE_CHECKS, Check
from .selection import Selection
from .waivers import Waived, apply_waivers


def check_content(content: Content, memo: Memo = FRESH) -> list[Diagnostic]:
    """Load problems plus the findings of every registered record check.

    A `memo` that remembers (`mkdocs serve`) keeps the findings of the checks that look at one
    record at a time for each unchanged record and vocabulary: a rebuild checks the records that
    changed, and runs only the checks across records over all of them.
    """
    found = list(content.diagnostics)
    vocabulary = content.vocabulary
    if vocabulary is None:
        return sorted_diagnostics(found)
    per_record = [c for c in RECORD_CHECKS.values() if c.per_record]
    for check in RECORD_CHECKS.values():
        if memo is FRESH or not check.per_record:
            found.extend(check.run(content, vocabulary))
    if memo is not FRESH:
        for exercise in content.exercises:
            one = content.only(exercise)
            found.extend(
                memo.remember(
                    ("checks", Same(exercise), Same(vocabulary)),
                    partial(_per_record, per_record, one, vocabulary),
                )
            )
    return sorted_diagnostics(found)


@dataclass(frozen=True)
class Judged:
    """Findings as the project counts them: selected, re-graded and waived."""

    diagnostics: list[Diagnostic]
    waived: list[Waived]


def judge(content: Content, found: list[Diagnostic], selection: Selection) -> Judged:
    """The findings of `check_content` as the project's configuration and the records' waivers
    have them, with the problems of both. The selection comes first, so that a waiver of a code
    it no longer reports is stale; then it grades the waivers' own findings too."""
    waiving = apply_waivers(content, selection.apply(found))
    reported = [*waiving.kept, *selection.apply(waiving.problems), *selection.problems]
    return Judged(sorted_diagnostics(reported), waiving.waived)


def _per_record(checks: list[Check], one: Content, vocabulary: Vocabulary) -> list[Diagnostic]:
    return [d for check in checks for d in check.run(one, vocabulary)]


def page_checker(content: Content, exercise_pages: Mapping[str, str]) -> PageCheck:
    """The checks of one built page: those of an exercise page, for the page of each record."""
    by_uri = {exercise_pages[e.slug]: e for e in content.exercises if e.slug in exercise_pages}

    def check_page(page: BuiltPage) -> list[Diagnostic]:
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
