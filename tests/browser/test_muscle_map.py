"""The muscle map in a real browser: whole on a phone and a desktop, in the theme's colours in
light and dark, told apart without colour on paper, and clean for axe."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page

from .conftest import DESKTOP, PHONE
from .test_accessibility import AXE, AXE_TAGS, describe

PAGE = "exercises/heel-press/"
MAP = "figure.muscle-map svg.muscle-map-drawing"

PAINT = """() => {
  const svg = document.querySelector('figure.muscle-map svg.muscle-map-drawing');
  const style = (selector) => getComputedStyle(svg.querySelector(selector));
  const paint = (selector) => {
    const s = style(selector);
    return {fill: s.fill, stroke: s.stroke, width: s.strokeWidth, dash: s.strokeDasharray};
  };
  return {
    page: getComputedStyle(document.body).backgroundColor,
    body: paint('.body'),
    neutral: paint('.region:not(.primary):not(.secondary)'),
    primary: paint('.region.primary'),
    secondary: paint('.region.secondary'),
  };
}"""


def _open(browser: Browser, site_url: str, viewport: dict[str, int], **options: Any) -> Page:
    context = browser.new_context(viewport=viewport, **options)
    page = context.new_page()
    response = page.goto(site_url + PAGE, wait_until="networkidle")
    assert response is not None
    assert response.status == 200
    return page


def _grey(colour: str) -> float:
    """The relative luminance of an `rgb(…)` colour, as a greyscale print would keep it."""
    values = colour[colour.index("(") + 1 : colour.index(")")].replace(",", " ").split()
    red, green, blue = (float(v) / 255 for v in values[:3])

    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)


@pytest.fixture(scope="module")
def screenshots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("muscle-map-screenshots")


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390", "1280"])
def test_the_map_shows_whole_in_the_themes_colours(
    browser: Browser, site_url: str, viewport: dict[str, int], scheme: str, screenshots: Path
) -> None:
    page = _open(browser, site_url, viewport, color_scheme=scheme)
    expected = "slate" if scheme == "dark" else "default"
    assert page.evaluate("document.body.dataset.mdColorScheme") == expected
    drawing = page.locator(MAP)
    drawing.scroll_into_view_if_needed()
    box = drawing.bounding_box()
    assert box is not None
    assert box["width"] > 200
    assert box["height"] > box["width"]  # two standing figures, taller than wide together
    assert box["x"] >= 0
    assert box["x"] + box["width"] <= viewport["width"]
    # In "At a glance", under its list of facts.
    glance = page.locator("section.exercise-glance dl").bounding_box()
    assert glance is not None
    assert box["y"] >= glance["y"] + glance["height"]
    paint = page.evaluate(PAINT)
    assert paint["body"]["fill"] == paint["page"]
    assert paint["body"]["stroke"] != paint["body"]["fill"]
    fills = {paint[kind]["fill"] for kind in ("body", "neutral", "primary", "secondary")}
    assert len(fills) == 4, paint
    name = f"muscle-map-{scheme}-{viewport['width']}.png"
    page.locator("figure.muscle-map").screenshot(path=screenshots / name)
    assert (screenshots / name).stat().st_size > 0
    page.context.close()


def test_light_and_dark_differ(browser: Browser, site_url: str) -> None:
    painted = {}
    for scheme in ("light", "dark"):
        page = _open(browser, site_url, DESKTOP, color_scheme=scheme)
        painted[scheme] = page.evaluate(PAINT)
        page.context.close()
    light, dark = painted["light"], painted["dark"]
    assert light["body"]["fill"] != dark["body"]["fill"]
    assert light["body"]["stroke"] != dark["body"]["stroke"]
    assert light["secondary"]["fill"] != dark["secondary"]["fill"]  # mixed with the background
    for paint in painted.values():
        # The primary muscle stands out from the body in lightness, not only in hue.
        assert abs(_grey(paint["primary"]["fill"]) - _grey(paint["body"]["fill"])) > 0.15


def test_primary_secondary_and_the_rest_differ_in_greyscale_and_outline_on_paper(
    browser: Browser, site_url: str
) -> None:
    page = _open(browser, site_url, DESKTOP)
    page.emulate_media(media="print")
    paint = page.evaluate(PAINT)
    page.context.close()
    primary, secondary, neutral = (
        _grey(paint[kind]["fill"]) for kind in ("primary", "secondary", "neutral")
    )
    assert primary + 0.2 < secondary < neutral - 0.2
    # Not lightness alone: the primary outline is the heaviest, the secondary one dashed.
    width = {
        kind: float(paint[kind]["width"].removesuffix("px")) for kind in paint if kind != "page"
    }
    assert width["primary"] > width["secondary"] > width["neutral"]
    assert paint["secondary"]["dash"] != "none"
    assert paint["primary"]["dash"] == paint["neutral"]["dash"] == "none"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_on_the_map(browser: Browser, site_url: str, scheme: str) -> None:
    page = _open(browser, site_url, DESKTOP, color_scheme=scheme)
    page.add_script_tag(path=str(AXE))
    results = page.evaluate(
        """(tags) => axe.run({include: [['figure.muscle-map']]},
                             {runOnly: {type: 'tag', values: tags}})""",
        AXE_TAGS,
    )
    page.context.close()
    assert "svg-img-alt" in {rule["id"] for rule in results["passes"]}  # the map was judged
    assert describe(results["violations"]) == []
