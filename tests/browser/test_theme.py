"""The theme's behaviour the site keeps without the theme's bundle (theme.js and the inline
palette script): the reader's colour scheme, chosen or from the system, and the drawer."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Browser, Page

from .conftest import DESKTOP, PHONE

EXERCISE = "exercises/heel-press/"


def _scheme(page: Page) -> str:
    return page.evaluate("document.body.getAttribute('data-md-color-scheme')")


def _toggle(page: Page) -> str:
    """The title of the one scheme button shown."""
    shown = page.locator("form[data-md-component=palette] label:visible")
    assert shown.count() == 1
    return shown.get_attribute("title") or ""


def test_the_system_setting_chooses_the_scheme_before_the_first_paint(
    browser: Browser, site_url: str
) -> None:
    for system, scheme, button in (
        ("dark", "slate", "Switch to light mode"),
        ("light", "default", "Switch to dark mode"),
    ):
        context = browser.new_context(viewport=DESKTOP, color_scheme=system)
        page = context.new_page()
        # The scheme the parser leaves on <body>, before any deferred script has run.
        page.route("**/theme.js", lambda route: route.abort())
        page.goto(site_url + EXERCISE)
        assert _scheme(page) == scheme
        assert _toggle(page) == button
        context.close()


def test_a_chosen_scheme_is_kept_across_pages_and_beats_the_system(
    open_page: Any, site_url: str
) -> None:
    page = open_page(site_url + EXERCISE, PHONE)
    page.locator("form[data-md-component=palette] label:visible").click()
    assert _scheme(page) == "slate"
    assert _toggle(page) == "Switch to light mode"
    page.goto(site_url)
    assert _scheme(page) == "slate"
    page.locator("form[data-md-component=palette] label:visible").click()
    page.goto(site_url + "browse/")
    assert _scheme(page) == "default"
    assert _toggle(page) == "Switch to dark mode"


def test_until_a_reader_chooses_the_page_follows_the_system(open_page: Any, site_url: str) -> None:
    page = open_page(site_url + EXERCISE)
    page.emulate_media(color_scheme="dark")
    page.wait_for_function("document.body.getAttribute('data-md-color-scheme') === 'slate'")
    assert _toggle(page) == "Switch to light mode"


def test_the_toggle_is_a_keyboard_control_with_visible_focus(open_page: Any, site_url: str) -> None:
    page = open_page(site_url + EXERCISE)
    before = _scheme(page)
    page.focus("input[name=__palette]:checked")
    outline = page.evaluate(
        "getComputedStyle(document.querySelector('input[name=__palette]:checked + label'))"
        ".outlineStyle"
    )
    assert outline == "auto"
    page.keyboard.press("ArrowDown")
    assert _scheme(page) != before


def test_escape_closes_the_drawer(open_page: Any, site_url: str) -> None:
    page = open_page(site_url + EXERCISE, PHONE)
    page.locator(".md-header label[for=__drawer]").click()
    assert page.is_checked("#__drawer")
    page.keyboard.press("Escape")
    assert not page.is_checked("#__drawer")


def test_no_page_loads_the_theme_bundle(open_page: Any, site_url: str) -> None:
    requested: list[str] = []
    for path in ("", EXERCISE, "browse/", "browse/muscle/soleus/", "exercises/"):
        open_page(site_url + path, requested=requested)
    scripts = [url.rpartition("/")[2] for url in requested if url.endswith(".js")]
    assert "theme.js" in scripts
    assert not [name for name in scripts if name.startswith("bundle.")]
