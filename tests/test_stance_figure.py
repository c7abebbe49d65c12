"""The stance figures on the built Heel Press page, measured from the SVG's own coordinates."""

from __future__ import annotations

import math
import re

import pytest

from build_tools.model import Stance
from build_tools.render.figure import body
from build_tools.source.load import load_content

from .conftest import ROOT, BuiltSite
from .drawing import Drawing, drawings

PAGE = "exercises/heel-press/"
ON = 0.06  # half the last decimal the drawing keeps, plus a rounding's worth


@pytest.fixture(scope="module")
def figures(built_site: BuiltSite) -> dict[str, Drawing]:
    return drawings(built_site.path / PAGE / "index.html")


@pytest.fixture(scope="module")
def stances() -> dict[str, Stance]:
    """The stance each variation of the record asks for: the record's own, then its changes."""
    (exercise,) = load_content(ROOT / "content", ROOT).exercises
    assert exercise.stance is not None
    return {
        v.id: exercise.stance.changed(v.stance) if v.stance else exercise.stance
        for v in exercise.variations
    }


def test_both_variations_are_drawn_as_the_setup_before_the_sections(
    built_site: BuiltSite,
) -> None:
    page = built_site.page(PAGE)
    (figure,) = page.cssselect("article.exercise figure.stance-figure")
    # The setup picture comes before every section: a phone shows it on the first screen.
    (aside,) = page.cssselect(".exercise-layout > .exercise-aside")
    assert figure.getparent() is aside
    assert aside.getparent().index(aside) == 0
    views = figure.cssselect("figure.stance-view")
    assert [v.get("data-stance") for v in views] == ["straight-knee", "bent-knee"]
    assert [v.cssselect("figcaption")[0].text_content() for v in views] == [
        "Straight back knee",
        "Softly bent back knee",
    ]
    assert "drawn to scale from the record" in figure.cssselect("figure > figcaption")[-1].text


def test_the_rear_heel_stands_on_the_floor(figures: dict[str, Drawing]) -> None:
    for drawing in figures.values():
        outline = drawing.outline("body")
        heel_x, heel_y = outline[0]  # the body outline starts where the rear heel meets the floor
        assert abs(heel_y - drawing.floor_y) < ON, drawing.key
        # Nothing of the figure goes below the floor line (SVG's y grows downward).
        for part in ("body", "front-leg"):
            assert max(y for _, y in drawing.outline(part)) <= drawing.floor_y + ON, part
        assert heel_x < drawing.wall_x


def test_the_hands_are_flat_on_the_wall(figures: dict[str, Drawing]) -> None:
    for drawing in figures.values():
        hand = drawing.outline("hand")
        on_wall = [p for p in hand if abs(p[0] - drawing.wall_x) < ON]
        assert len(on_wall) >= 2, drawing.key  # the palm lies along the wall, not at one point
        ys = [y for _, y in on_wall]
        assert max(ys) - min(ys) > 10  # a palm's length of it
        for part in ("body", "front-leg", "arm", "hand"):
            assert max(x for x, _ in drawing.outline(part)) <= drawing.wall_x + ON, part


def test_the_rear_knee_angle_is_the_records(
    figures: dict[str, Drawing], stances: dict[str, Stance]
) -> None:
    assert set(figures) == set(stances)
    for key, drawing in figures.items():
        assert drawing.rear_knee_angle == pytest.approx(stances[key].rear_knee_angle_deg, abs=1)


def test_the_drawing_is_to_scale(figures: dict[str, Drawing], stances: dict[str, Stance]) -> None:
    """One unit of the drawing is one centimetre of the reference body."""
    for key, drawing in figures.items():
        ankle = drawing.rear_leg_axis[0]
        assert drawing.floor_y - ankle[1] == pytest.approx(body.ANKLE_HEIGHT, abs=ON)
        from_wall = stances[key].rear_heel_from_wall_cm - body.HEEL_TO_ANKLE
        assert drawing.wall_x - ankle[0] == pytest.approx(from_wall, abs=ON)


def test_the_front_foot_is_ahead_of_the_rear(figures: dict[str, Drawing]) -> None:
    for drawing in figures.values():
        rear_heel = drawing.outline("body")[0]
        front_heel = drawing.outline("front-leg")[0]
        assert abs(front_heel[1] - drawing.floor_y) < ON
        assert rear_heel[0] + 30 < front_heel[0] < drawing.wall_x


def test_the_bent_knee_is_ahead_of_the_straight_one(figures: dict[str, Drawing]) -> None:
    straight, bent = figures["straight-knee"], figures["bent-knee"]
    assert straight.wall_x == bent.wall_x  # one frame: the two drawings compare
    straight_knee, bent_knee = straight.rear_leg_axis[1], bent.rear_leg_axis[1]
    assert bent_knee[0] > straight_knee[0] + 3  # closer to the wall
    assert bent_knee[1] > straight_knee[1]  # and lower (SVG's y grows downward)
    # The heels stay where they were: only the knee moved.
    assert bent.rear_leg_axis[0] == straight.rear_leg_axis[0]


def test_each_drawing_highlights_its_variations_muscles(figures: dict[str, Drawing]) -> None:
    def muscles(drawing: Drawing) -> list[str]:
        return [m.get("data-muscle") for m in drawing.svg.xpath(".//path[@class='muscle']")]

    assert muscles(figures["straight-knee"]) == ["gastrocnemius"]
    assert muscles(figures["bent-knee"]) == ["soleus", "achilles-tendon"]


def test_the_drawing_names_itself_for_screen_readers(
    figures: dict[str, Drawing], built_site: BuiltSite
) -> None:
    ids = built_site.page(PAGE).xpath("//@id")
    for key, drawing in figures.items():
        svg = drawing.svg
        assert svg.get("role") == "img"
        title, desc = svg[0], svg[1]
        assert (title.tag, desc.tag) == ("title", "desc")
        assert svg.get("aria-labelledby").split() == [title.get("id"), desc.get("id")]
        assert ids.count(title.get("id")) == ids.count(desc.get("id")) == 1
        assert title.text.endswith(": the stance from the side")
        assert "faces a wall" in desc.text
        assert "palms flat on it at chest height, 120 cm up" in desc.text, key
    assert "rear knee is straight (180°)" in figures["straight-knee"].svg[1].text
    assert "rear knee is bent to 160°" in figures["bent-knee"].svg[1].text
    assert "Shown in colour: Soleus, Achilles tendon." in figures["bent-knee"].svg[1].text


def test_the_cues_are_labelled(figures: dict[str, Drawing]) -> None:
    for drawing in figures.values():
        labels = " / ".join(t.text for t in drawing.svg.iter("text"))
        for cue in ("rear heel down", "hips / square", "hands at chest height"):
            assert cue in labels, labels
    assert "160°" in [t.text for t in figures["bent-knee"].svg.iter("text")]


def test_the_pair_is_small_and_takes_its_colours_from_the_theme(
    figures: dict[str, Drawing],
) -> None:
    size = sum(len(d.markup.encode()) for d in figures.values())
    assert size <= 10 * 1024
    for drawing in figures.values():
        # No colour is written into the drawing: the stylesheet paints it with the theme's.
        assert not re.search(r"#[0-9a-fA-F]{3}|rgb\(|\b(fill|stroke|style)=", drawing.markup)
        classes = {e.get("class") for e in drawing.svg.iter() if e.get("class")}
        assert {"wall", "floor", "body", "far front-leg", "arm", "hand", "muscle"} <= classes


def test_the_stylesheet_paints_the_drawing_with_theme_variables() -> None:
    css = (ROOT / "docs" / "assets" / "stylesheets" / "exercise.css").read_text()
    rules = dict(re.findall(r"(\.stance-drawing[^{]*)\{([^}]*)\}", css))
    painted = " ".join(rules.values())
    colours = re.findall(r"(?:fill|stroke):\s*([^;]+);", painted)
    assert colours, "the drawing's parts are painted"
    assert all(c.startswith("var(--md-") or c == "none" for c in colours), colours
    assert "var(--md-accent-fg-color)" in colours


def test_coordinates_are_rounded(figures: dict[str, Drawing]) -> None:
    numbers = re.findall(r"\d+\.\d+", " ".join(d.markup for d in figures.values()))
    assert numbers
    assert all(len(n.split(".")[1]) == 1 for n in numbers)
    assert not math.isnan(sum(float(n) for n in numbers))
