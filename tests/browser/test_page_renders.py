"""The Heel Press page in a real browser: it renders whole, on a phone and a desktop."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

from .conftest import DESKTOP, PHONE


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_heel_press_page_renders_without_errors(
    browser: Browser, site_url: str, viewport: dict[str, int]
) -> None:
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    response = page.goto(site_url + "exercises/heel-press/")
    assert response is not None
    assert response.status == 200
    assert page.locator("h1").inner_text() == "Heel Press"
    assert page.locator("details.faq-entry").count() == 8
    # Nothing is wider than the screen: the page never scrolls sideways on a phone.
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    assert errors == []
    context.close()
