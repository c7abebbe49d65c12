"""The stance figures in a real browser: whole on a phone and a desktop, in the theme's colours."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from .conftest import DESKTOP, PHONE

PAGE = "exercises/heel-press/#variations"


@pytest.fixture(scope="module")
def screenshots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("stance-screenshots")


def _open(browser: Browser, site_url: str, viewport: dict[str, int], **options: str) -> Page:
    context = browser.new_context(viewport=viewport, **options)  # type: ignore[arg-type]
    page = context.new_page()
    response = page.goto(site_url + PAGE)
    assert response is not None
    assert response.status == 200
    return page


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_both_figures_show_whole_side_by_side(
    browser: Browser, site_url: str, viewport: dict[str, int], screenshots: Path
) -> None:
    page = _open(browser, site_url, viewport)
    figure = page.locator("figure.stance-figure")
    figure.scroll_into_view_if_needed()
    boxes = [svg.bounding_box() for svg in page.locator("svg.stance-drawing").all()]
    assert len(boxes) == 2
    for box in boxes:
        assert box is not None
        assert box["width"] > 100
        assert box["height"] > 100
        assert box["x"] >= 0
        assert box["x"] + box["width"] <= viewport["width"]
    left, right = boxes
    assert left is not None
    assert right is not None
    assert left["y"] == right["y"]  # side by side, the straight knee first
    assert left["x"] + left["width"] <= right["x"]
    name = f"stance-{viewport['width']}x{viewport['height']}.png"
    page.screenshot(path=screenshots / name)
    figure.screenshot(path=screenshots / f"figure-{name}")
    assert (screenshots / name).stat().st_size > 0
    page.context.close()


def _paint(page: Page) -> dict[str, str]:
    return page.evaluate(
        """() => {
        const style = (selector) => getComputedStyle(document.querySelector(selector));
        const body = style("svg.stance-drawing .body");
        return {
            page: getComputedStyle(document.body).backgroundColor,
            fill: body.fill,
            stroke: body.stroke,
            muscle: style("svg.stance-drawing .muscle").fill,
        };
    }"""
    )


def test_the_drawing_follows_the_light_and_dark_schemes(browser: Browser, site_url: str) -> None:
    painted = {}
    for scheme in ("light", "dark"):
        page = _open(browser, site_url, DESKTOP, color_scheme=scheme)
        page.wait_for_function("document.body.dataset.mdColorScheme !== undefined")
        painted[scheme] = _paint(page)
        page.context.close()
    for paint in painted.values():
        # The body is filled with the page's own background and outlined in another colour.
        assert paint["fill"] == paint["page"]
        assert paint["stroke"] != paint["fill"]
        assert paint["muscle"] not in {paint["fill"], paint["stroke"]}
    assert painted["light"]["fill"] != painted["dark"]["fill"]
    assert painted["light"]["stroke"] != painted["dark"]["stroke"]


def test_the_drawing_prints(browser: Browser, site_url: str) -> None:
    page = _open(browser, site_url, DESKTOP)
    page.emulate_media(media="print")
    box = page.locator("svg.stance-drawing").first.bounding_box()
    assert box is not None
    assert box["width"] > 100
    paint = _paint(page)
    assert paint["stroke"] != paint["fill"]
    page.context.close()
