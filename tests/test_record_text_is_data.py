"""Hostile text in a record shows literally on the built page and never runs, in the page body
and wherever the theme prints the record's name and summary."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from lxml import html as lxml_html
from playwright.sync_api import Browser

from .browser.conftest import serve
from .conftest import build_site, copy_project

SCRIPT = "<script>window.__pwned = 'script'</script>"
IMG = "<img src=x onerror=\"window.__pwned = 'img'\">"
BREAKOUT = "\"><script>window.__pwned = 'attribute'</script>"
TITLE = "</title><script>window.__pwned = 'title'</script>"
LINK = "[a link](javascript:window.__pwned='link')"
RAW = '<div markdown="1">*raw* <b onclick="window.__pwned = 1">HTML</b></div>'
JS_URL = "javascript:window.__pwned='url'"

HOSTILE = {
    "name": f"Heel Press {TITLE}",
    "summary": f"Lean in {BREAKOUT}",
    "description": f"First {SCRIPT} then {IMG}.",
    "step": f"Stand facing a wall {LINK}.",
    "tip": f"Keep pressure {RAW}.",
    "question": f"What is {JS_URL}?",
    "answer": f"It is text {SCRIPT}.",
}


def _yaml(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def hostile_project(tmp: Path) -> Path:
    record = copy_project(tmp) / "content" / "heel-press.yaml"
    lines = record.read_text().splitlines()
    text = "\n".join(lines) + "\n"
    replacements = [
        ("name: Heel Press\n", f"name: {_yaml(HOSTILE['name'])}\n"),
        ("summary: A standing", f"summary: {_yaml(HOSTILE['summary'])}\nx_summary: A standing"),
        ("description:\n  - >-\n", f"description:\n  - {_yaml(HOSTILE['description'])}\n  - >-\n"),
        (
            "    text: >-\n      Stand facing a wall and place both hands on it at about chest height.\n",
            f"    text: {_yaml(HOSTILE['step'])}\n",
        ),
        ("tips:\n", f"tips:\n  - {_yaml(HOSTILE['tip'])}\n"),
        (
            "  - id: what-it-stretches\n    question: What does Heel Press stretch most?\n",
            f"  - id: what-it-stretches\n    question: {_yaml(HOSTILE['question'])}\n",
        ),
    ]
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new, 1)
    # Keep the record valid: drop the displaced summary line, add the hostile answer.
    text = "\n".join(line for line in text.splitlines() if not line.startswith("x_summary:"))
    hostile_entry = (
        f"  - id: hostile\n    question: Is this safe?\n    answer: {_yaml(HOSTILE['answer'])}\n"
    )
    text = text.replace("\nfaq:\n", "\nfaq:\n" + hostile_entry, 1)
    record.write_text(text)
    return tmp


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = hostile_project(tmp_path_factory.mktemp("hostile"))
    return build_site(project, tmp_path_factory.mktemp("hostile-site")).path


@pytest.fixture(scope="module")
def hostile_url(hostile_site: Path) -> Iterator[str]:
    with serve(hostile_site) as url:
        yield url


def _text(element: lxml_html.HtmlElement) -> str:
    return " ".join(element.text_content().split())


def test_hostile_text_shows_literally(hostile_site: Path) -> None:
    page = lxml_html.fromstring((hostile_site / "exercises/heel-press/index.html").read_bytes())
    article = page.cssselect("article.exercise")[0]
    assert _text(article.cssselect("h1")[0]) == HOSTILE["name"]
    assert _text(article.cssselect(".exercise-summary")[0]) == HOSTILE["summary"]
    assert _text(article.cssselect(".exercise-description p")[0]) == HOSTILE["description"]
    assert _text(article.cssselect(".exercise-steps li .step-text")[0]) == HOSTILE["step"]
    # A tip may carry emphasis (render/markup.py): `*raw*` is emphasis, the HTML stays text.
    tip = article.cssselect(".tip-list li")[0]
    assert _text(tip) == HOSTILE["tip"].replace("*raw*", "raw")
    assert [(e.tag, e.text) for e in tip] == [("em", "raw")]
    assert _text(article.cssselect("#what-it-stretches summary")[0]) == HOSTILE["question"]
    assert _text(article.cssselect("#hostile .faq-answer")[0]) == HOSTILE["answer"]
    assert page.findtext(".//title") == f"{HOSTILE['name']} - Exercise Reference"
    (description,) = page.xpath("//meta[@name='description']/@content")
    assert description == HOSTILE["summary"]
    # Only the theme's own elements: nothing the record wrote became markup.
    assert article.xpath(".//script | .//img | .//*[@onclick] | .//*[@onerror]") == []
    assert page.xpath("//a[starts-with(@href, 'javascript:')]") == []
    home = (hostile_site / "index.html").read_text()
    assert "<script>window.__pwned" not in home


def test_no_hostile_script_runs_in_the_browser(browser: Browser, hostile_url: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    for path in ("", "exercises/", "exercises/heel-press/"):
        page.goto(hostile_url + path, wait_until="networkidle")
        page.locator("details.faq-entry > summary").first.click() if path.startswith(
            "exercises/h"
        ) else None
        assert page.evaluate("window.__pwned === undefined"), path
    assert page.title() == f"{HOSTILE['name']} - Exercise Reference"
    assert dialogs == []
    context.close()
