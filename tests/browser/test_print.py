"""Coaches hand out paper: the printed page holds every answer, each with its absolute link."""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from build_tools.source.load import load_content

from ..conftest import ROOT

PAGE = "exercises/heel-press/"
SITE_URL = "https://exercises.example.org/"
(EXERCISE,) = load_content(ROOT / "content", ROOT).exercises


def words(text: str) -> str:
    return " ".join(text.split())


A4_POINTS = (595, 842)


@dataclass(frozen=True)
class Printed:
    pages: list[str]
    """The text of each printed page."""
    halves: list[str]
    """The text of each printed page read as two columns, the left half then the right: the
    answers are printed in two columns."""
    address: str
    """The address each answer's printed link starts with."""
    pdf: bytes


def pdf_text(pdf: Path, *crop: str) -> str:
    done = subprocess.run(
        ["pdftotext", "-layout", *crop, str(pdf), "-"], capture_output=True, text=True, check=True
    )
    return done.stdout


def read_halves(pdf: Path, number: int) -> str:
    width, height = A4_POINTS
    page = ["-f", str(number), "-l", str(number)]
    left = pdf_text(pdf, *page, "-x", "0", "-y", "0", "-W", str(width // 2), "-H", str(height))
    right = ["-x", str(width // 2), "-y", "0", "-W", str(width - width // 2), "-H", str(height)]
    return left + "\n" + pdf_text(pdf, *page, *right)


@pytest.fixture(scope="module", params=[True, False], ids=["script", "no-script"])
def printed(
    request: pytest.FixtureRequest,
    browser: Browser,
    site_url: str,
    tmp_path_factory: pytest.TempPathFactory,
) -> Printed:
    """The Heel Press page printed on A4 (print CSS alone must open the answers). With the
    script, the printed addresses are those the page was loaded from; without, the site's."""
    context = browser.new_context(java_script_enabled=request.param)
    page = context.new_page()
    page.goto(site_url + PAGE, wait_until="load")
    pdf = tmp_path_factory.mktemp("print") / "heel-press.pdf"
    page.pdf(path=str(pdf), format="A4")
    context.close()
    pages = pdf_text(pdf).split("\f")
    if pages and not pages[-1].strip():
        pages.pop()  # pdftotext ends the last page with a form feed too
    halves = [read_halves(pdf, n) for n in range(1, len(pages) + 1)]
    address = (site_url if request.param else SITE_URL) + PAGE
    return Printed(pages, halves, address, pdf.read_bytes())


@pytest.fixture(scope="module")
def printed_pages(printed: Printed) -> list[str]:
    return printed.pages


def test_every_answer_and_its_deep_link_is_printed(printed: Printed) -> None:
    text = words(" ".join(printed.halves))
    unbroken = "".join(text.split())
    for entry in EXERCISE.faq:
        assert words(entry.question) in text
        assert words(entry.answer) in text
        assert f"{printed.address}#{entry.id}" in unbroken


def test_no_entry_is_split_across_pages(printed: Printed) -> None:
    assert len(printed.pages) > 1  # the page is long enough for the question to matter
    for entry in EXERCISE.faq:
        # The question may also stand elsewhere as a link's label; the answer stands once.
        (page,) = [p for p in printed.halves if words(entry.answer) in words(p)]
        assert words(entry.question) in words(page)
        assert f"{printed.address}#{entry.id}" in "".join(page.split())


def pdf_page_count(pdf: bytes) -> int:
    """The pages of a PDF as Chromium writes it: one `/Type /Page` object each (not
    `/Type /Pages`, the tree that holds them)."""
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))


def test_heel_press_prints_on_two_a4_pages_none_half_empty(printed: Printed) -> None:
    assert pdf_page_count(printed.pdf) == len(printed.pages) <= 2
    # No page is left mostly blank by a break: the last holds a real share of the text.
    lines = [len([line for line in p.splitlines() if line.strip()]) for p in printed.pages]
    assert min(lines) >= max(lines) // 3, lines


def test_no_navigation_chrome_on_paper(printed_pages: list[str]) -> None:
    text = words(" ".join(printed_pages))
    for chrome in ("Skip to content", "Search", "For editors", "Record fields", "Made with"):
        assert chrome not in text
    assert "Copy link" not in text
    assert "Link to this answer" not in text
    assert text.startswith("Heel Press")
