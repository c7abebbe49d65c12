"""The site's one stylesheet leaves out only what no page can match: every kind of page looks
the same, pixel for pixel (but for the smoothing of edges), with the theme's whole CSS in its place (light and dark, phone and
desktop, the search panel open). A rule left out that a page needs shows here as a
difference, wherever it is on the page."""

from __future__ import annotations

import io

import pytest
from PIL import Image, ImageChops
from playwright.sync_api import Browser, Page, Route

from build_tools.build.config import read_config
from build_tools.site.stylesheet import SITE_STYLESHEET, site_stylesheet

from ..conftest import ROOT, BuiltSite
from .conftest import DESKTOP, PHONE

PAGES = {
    "": None,
    "exercises/heel-press/": None,
    "exercises/": None,
    "browse/?muscle=soleus": ".browse-form__results a",
    "browse/muscle/soleus/": None,
    "editors/": None,
    "reference/checks/": None,
    "sheet/?ex=heel-press&faq=heel-press/heel-lift&note=heel-press/30%20s": ".sheet-exercise",
}
"""Each kind of page, with what its script shows once it has run, where it has one."""
NOISE = 32
"""How far a pixel's colour may differ in two renderings of the same page: a drawing's edges
are smoothed a little differently from one rendering to the next; a rule that is missing
changes a colour, a border or where things are by far more."""


def _same(ours: bytes, theirs: bytes) -> bool:
    a, b = (Image.open(io.BytesIO(shot)).convert("RGB") for shot in (ours, theirs))
    if a.size != b.size:
        return False
    return ImageChops.difference(a, b).point(lambda v: 255 if v > NOISE else 0).getbbox() is None


@pytest.fixture(scope="module")
def whole_css(built_site: BuiltSite) -> bytes:
    own = read_config(ROOT).stylesheets
    return site_stylesheet(built_site.path, ROOT / "docs", own)[SITE_STYLESHEET]


def _shot(page: Page, url: str, shown: str | None, search: bool) -> bytes:
    page.goto(url)
    page.wait_for_load_state("load")
    if shown:
        page.locator(shown).first.wait_for()
        page.wait_for_load_state("networkidle")
    if search:
        box = page.locator("#find-query")
        if not box.is_visible():  # a phone shows the search button alone
            page.locator("label.find__open").click()
        box.fill("calf")
        page.locator(".find__results a").first.wait_for()
    return page.screenshot(full_page=True, animations="disabled", caret="hide")


# Each scheme and each width once: the theme's rules for a width and for a scheme are apart
# (media queries, `[data-md-color-scheme]`), so these two show every one a page can match.
@pytest.mark.parametrize(
    ("viewport", "scheme"),
    [(DESKTOP, "light"), (PHONE, "dark")],
    ids=["desktop-light", "phone-dark"],
)
def test_every_page_looks_as_with_the_whole_theme(
    browser: Browser, site_url: str, whole_css: bytes, viewport: dict[str, int], scheme: str
) -> None:
    shots: dict[bool, list[bytes]] = {}
    views = [*((path, False) for path in PAGES), ("exercises/heel-press/", True)]
    for whole in (False, True):
        context = browser.new_context(viewport=viewport, color_scheme=scheme)
        page = context.new_page()
        if whole:

            def fulfil(route: Route) -> None:
                route.fulfill(body=whole_css, content_type="text/css")

            page.route("**/" + SITE_STYLESHEET, fulfil)
        shots[whole] = [_shot(page, site_url + path, PAGES[path], search) for path, search in views]
        context.close()
    different = [
        path + (" (search open)" if search else "")
        for (path, search), ours, theirs in zip(views, shots[False], shots[True], strict=True)
        if not _same(ours, theirs)
    ]
    assert different == []
