"""The SVG writer and where the template puts the figure: numbers stay numbers, text stays text."""

from __future__ import annotations

import dataclasses
import math

import pytest
from lxml import etree
from lxml import html as lxml_html

from build_tools.model import Exercise, Vocabulary
from build_tools.render.environment import make_environment
from build_tools.render.exercise import render_exercise
from build_tools.render.figure.body import Point
from build_tools.render.figure.svg import element, num, smooth_outline

from .conftest import ROOT
from .drawing import path_points

TEMPLATES = ROOT / "templates" / "pages"


@pytest.mark.parametrize(
    ("value", "text"),
    [(12.0, "12"), (3.46, "3.5"), (0.5, ".5"), (-0.44, "-.4"), (-0.04, "0"), (125, "125")],
)
def test_numbers_are_short_and_rounded(value: float, text: str) -> None:
    assert num(value) == text


@pytest.mark.parametrize("value", ["12", "1e3", True, math.nan, math.inf, None])
def test_only_finite_numbers_become_coordinates(value: object) -> None:
    with pytest.raises(TypeError):
        num(value)  # type: ignore[arg-type]


def test_text_and_attributes_are_escaped() -> None:
    markup = element("text", "</text><script>alert(1)</script>", x=1.25, class_='a" onload="x')
    parsed = etree.fromstring(str(markup))
    assert parsed.text == "</text><script>alert(1)</script>"
    assert parsed.get("class") == 'a" onload="x'
    assert parsed.get("x") == "1.2"
    assert list(parsed) == []


def test_a_doubled_first_point_starts_the_outline_there() -> None:
    square = [Point(0, 0), Point(0, 0), Point(10, 0), Point(10, 0), Point(10, 10), Point(0, 10)]
    d = smooth_outline(square)
    points = path_points(d)
    assert points[0] == (0, 0)
    assert d.endswith("z")
    # The doubled corners make the bottom edge straight: both ends are on the path.
    assert (10, 0) in points
    # Round the undoubled corners the curve runs through the middle of each side.
    assert (10, 5) in points
    assert (5, 10) in points


def test_a_record_without_stance_has_no_figure(loaded: tuple[Exercise, Vocabulary]) -> None:
    exercise, vocabulary = loaded
    page = render_exercise(
        make_environment(TEMPLATES), dataclasses.replace(exercise, stance=None), vocabulary
    )
    assert "stance-figure" not in page.html
    # The one drawing left is the muscle map, which needs no stance.
    assert page.html.count("<svg") == page.html.count('<svg class="muscle-map-drawing"') == 1


def test_without_variations_the_setup_is_drawn_before_the_sections(
    loaded: tuple[Exercise, Vocabulary],
) -> None:
    exercise, vocabulary = loaded
    # Without variations, nothing may point to one.
    faq = tuple(dataclasses.replace(entry, see=()) for entry in exercise.faq)
    alone = dataclasses.replace(exercise, variations=(), faq=faq)
    tree = lxml_html.fromstring(
        render_exercise(make_environment(TEMPLATES), alone, vocabulary).html
    )
    (view,) = tree.cssselect(".exercise-aside figure.stance-view")
    assert view.get("data-stance") == "setup"
    assert view.cssselect("figcaption")[0].text_content() == "Heel Press"
    # The record's primary muscle is the one shown.
    assert [m.get("data-muscle") for m in view.cssselect("path.muscle")] == ["gastrocnemius"]


def test_a_hostile_variation_name_stays_text_in_the_drawing(
    loaded: tuple[Exercise, Vocabulary],
) -> None:
    exercise, vocabulary = loaded
    hostile = '</title><script>alert(1)</script><title x="'
    tampered = dataclasses.replace(
        exercise,
        variations=(
            dataclasses.replace(exercise.variations[0], name=hostile),
            *exercise.variations[1:],
        ),
    )
    page = render_exercise(make_environment(TEMPLATES), tampered, vocabulary)
    tree = lxml_html.fromstring(page.html)
    assert tree.xpath("//script") == []
    svg = tree.cssselect("svg.stance-drawing")[0]
    assert svg.cssselect("title")[0].text_content() == f"{hostile}: the stance from the side"
