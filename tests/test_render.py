"""Rendering: record text is escaped data, templates fail loudly, the page's anchors are known."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import jinja2
import pytest
from lxml import html as lxml_html

from build_tools.build.pipeline import Project, run
from build_tools.model import Exercise, FaqEntry, Vocabulary
from build_tools.render.environment import make_environment
from build_tools.render.exercise import render_exercise

from .conftest import ROOT

TEMPLATES = ROOT / "templates" / "pages"


def test_hostile_record_text_is_shown_literally(loaded: tuple[Exercise, Vocabulary]) -> None:
    exercise, vocabulary = loaded
    hostile = '<script>alert(1)</script> <img src=x onerror="alert(2)"> {{ 7*7 }} {% if %}'
    tampered = dataclasses.replace(
        exercise,
        summary=hostile,
        faq=(FaqEntry("x", hostile + "?", hostile), *exercise.faq[1:]),
    )
    page = render_exercise(make_environment(TEMPLATES), tampered, vocabulary)
    tree = lxml_html.fromstring(page.html)
    assert tree.xpath("//script") == []
    assert tree.xpath("//img") == []
    assert tree.cssselect(".exercise-summary")[0].text_content() == hostile
    assert tree.cssselect("#x .faq-answer")[0].text_content() == hostile
    assert "{{ 7*7 }}" in page.html
    # The stance drawing is numbers from our own code; outside it, nothing computed 7*7.
    assert "49" not in re.sub(r"<svg .*?</svg>", "", page.html, flags=re.S)


def test_toc_and_anchors_come_from_the_rendered_page(loaded: tuple[Exercise, Vocabulary]) -> None:
    exercise, vocabulary = loaded
    page = render_exercise(make_environment(TEMPLATES), exercise, vocabulary)
    assert [h.id for h in page.toc] == [
        "at-a-glance",
        "description",
        "instructions",
        "variations",
        "tips",
        "faq",
    ]
    assert page.toc[4].title_html == "Tips &amp; Tricks"
    tree = lxml_html.fromstring(page.html)
    assert page.anchors == frozenset(tree.xpath("//@id"))
    assert {"heel-lift", "step-face-the-wall", "variation-bent-knee"} <= page.anchors


def test_a_field_the_template_names_but_the_model_lacks_is_an_error(
    tmp_path: Path, loaded: tuple[Exercise, Vocabulary]
) -> None:
    exercise, vocabulary = loaded
    (tmp_path / "exercise.html").write_text("<h1>{{ exercise.nickname }}</h1>\n")
    with pytest.raises(jinja2.UndefinedError):
        render_exercise(make_environment(tmp_path), exercise, vocabulary)


def test_template_errors_become_diagnostics_at_the_template_line(project: Path) -> None:
    template = project / "templates" / "pages" / "exercise.html"
    lines = template.read_text().splitlines()
    (line,) = [n for n, text in enumerate(lines, start=1) if "{{ exercise.summary }}" in text]
    template.write_text(
        template.read_text().replace("{{ exercise.summary }}", "{{ exercise.subtitle }}")
    )
    result = run(Project.at(project))
    assert result.pages == ()
    (diagnostic,) = result.diagnostics
    assert diagnostic.code == "T001"
    assert str(diagnostic.location) == f"templates/pages/exercise.html:{line}:1"
    assert "subtitle" in diagnostic.message
