"""A page that holds every section is never reported missing, however big its record."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from build_tools.build import pipeline  # noqa: F401  (registers every check)
from build_tools.checks.run import check_built_site
from build_tools.model import Exercise, FaqEntry, Vocabulary
from build_tools.render.environment import make_environment
from build_tools.render.exercise import render_exercise
from build_tools.source.load import Content

from .conftest import ROOT
from .corpus import SKELETON

ENTRIES = 2_000
LONG_ANSWER = 10_500_000
"""Characters in one answer: past the 10 MB that libxml2 takes in one text node unless told
to take a huge tree (the JSON-LD of a page with many FAQ entries is one such text, too)."""


def _huge(exercise: Exercise) -> Exercise:
    # Made in memory, not loaded: the loader may refuse a record this size, and what is
    # tested here is what the page checks make of such a page once it is built.
    words = "Keep the heel down and breathe " * (LONG_ANSWER // 31)
    extra = [
        FaqEntry(
            f"extra-{n}",
            f"What is extra question number {n}?",
            f"{words.strip()}." if n == ENTRIES // 2 else f"Extra answer number {n}.",
        )
        for n in range(ENTRIES)
    ]
    return replace(exercise, faq=exercise.faq + tuple(extra))


def test_a_huge_page_that_has_every_section_gives_no_finding(
    tmp_path: Path, loaded: tuple[Exercise, Vocabulary]
) -> None:
    exercise, vocabulary = loaded
    huge = _huge(exercise)
    page = render_exercise(make_environment(ROOT / "templates" / "pages"), huge, vocabulary)
    assert len(page.html) > LONG_ANSWER
    skeleton = (SKELETON / "page.html").read_text(encoding="utf-8")
    html = skeleton.replace("{title}", page.title).replace("{body}", page.html)
    folder = tmp_path / "site" / "exercises" / huge.slug
    folder.mkdir(parents=True)
    (folder / "index.html").write_text(html, encoding="utf-8")
    content = Content((huge,), vocabulary, ())
    pages = {huge.slug: f"exercises/{huge.slug}/index.html"}
    found = check_built_site(tmp_path / "site", "site", content, pages)
    # The skeleton links to pages this test does not write (H104); nothing else may show.
    assert [d.format() for d in found if d.code != "H104"] == []
