"""Coaches hand out paper: the printed page holds every answer, each with its absolute link."""

from __future__ import annotations

import subprocess

import pytest
from playwright.sync_api import Browser

from build_tools.source.load import load_content

from ..conftest import ROOT

PAGE = "exercises/heel-press/"
SITE_URL = "https://exercises.example.org/"
(EXERCISE,) = load_content(ROOT / "content", ROOT).exercises


def words(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module", params=[True, False], ids=["script", "no-script"])
def printed_pages(
    request: pytest.FixtureRequest,
    browser: Browser,
    site_url: str,
    tmp_path_factory: pytest.TempPathFactory,
) -> list[str]:
    """The text of each printed A4 page (print CSS alone must open the answers)."""
    context = browser.new_context(java_script_enabled=request.param)
    page = context.new_page()
    page.goto(site_url + PAGE, wait_until="load")
    pdf = tmp_path_factory.mktemp("print") / "heel-press.pdf"
    page.pdf(path=str(pdf), format="A4")
    context.close()
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return text.split("\f")


def test_every_answer_and_its_deep_link_is_printed(printed_pages: list[str]) -> None:
    text = words(" ".join(printed_pages))
    unbroken = "".join(text.split())
    for entry in EXERCISE.faq:
        assert words(entry.question) in text
        assert words(entry.answer) in text
        assert f"{SITE_URL}{PAGE}#{entry.id}" in unbroken


def test_no_entry_is_split_across_pages(printed_pages: list[str]) -> None:
    assert len(printed_pages) > 1  # the page is long enough for the question to matter
    for entry in EXERCISE.faq:
        # The question may also stand elsewhere as a link's label; the answer stands once.
        (page,) = [p for p in printed_pages if words(entry.answer) in words(p)]
        assert words(entry.question) in words(page)
        assert f"{SITE_URL}{PAGE}#{entry.id}" in "".join(page.split())


def test_no_navigation_chrome_on_paper(printed_pages: list[str]) -> None:
    text = words(" ".join(printed_pages))
    for chrome in ("Skip to content", "Search", "For editors", "Record fields", "Made with"):
        assert chrome not in text
    assert "Copy link" not in text
    assert "Link to this answer" not in text
    assert text.startswith("Heel Press")
