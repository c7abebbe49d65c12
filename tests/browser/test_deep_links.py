"""A coach's link lands on its answer: open, in view below the sticky header, highlighted.

Every FAQ id of the record, and every alias of a renamed copy of the site, at desktop and phone
sizes; then a later hash change, the page without JavaScript, and "Copy link".
"""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page

from build_tools.source.load import load_content

from ..conftest import ROOT
from .conftest import DESKTOP, PHONE

PAGE = "exercises/heel-press/"
SITE_URL = "https://exercises.example.org/"
(EXERCISE,) = load_content(ROOT / "content", ROOT).exercises
FAQ_IDS = [entry.id for entry in EXERCISE.faq]
# Old anchor → the anchor it now lands on, in the renamed copy of the site.
ALIASES = {"heel-lift": "heel-rise", "step-lean-in": "step-lean-forward"}
VIEWPORTS = pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])

# Geometry of the entry with `id`, and of the sticky header it must not hide under.
MEASURE = """(id) => {
  const entry = document.getElementById(id);
  const head = entry.querySelector(':scope > summary') || entry;
  const box = head.getBoundingClientRect();
  return {
    hash: location.hash,
    open: entry.tagName === 'DETAILS' ? entry.open : null,
    highlighted: entry.classList.contains('is-deep-link-target'),
    top: box.top,
    bottom: box.bottom,
    headerBottom: document.querySelector('.md-header').getBoundingClientRect().bottom,
    viewport: window.innerHeight,
  };
}"""


def landed(page: Page, anchor: str) -> dict[str, Any]:
    """Wait for the page script to land on `anchor`, then measure it."""
    page.wait_for_function(
        "(id) => document.getElementById(id).classList.contains('is-deep-link-target')", arg=anchor
    )
    return page.evaluate(MEASURE, anchor)


def assert_in_view(where: dict[str, Any]) -> None:
    assert where["top"] >= where["headerBottom"], where
    assert where["bottom"] <= where["viewport"], where


@VIEWPORTS
@pytest.mark.parametrize("faq_id", FAQ_IDS)
def test_every_faq_link_opens_its_answer_below_the_header(
    open_page: Any, site_url: str, viewport: dict[str, int], faq_id: str
) -> None:
    page = open_page(f"{site_url}{PAGE}#{faq_id}", viewport)
    where = landed(page, faq_id)
    assert where["hash"] == f"#{faq_id}"
    assert where["open"] is True
    assert_in_view(where)
    assert page.locator(f"[id='{faq_id}'] .faq-answer").is_visible()
    assert page.locator(".is-deep-link-target").count() == 1


@VIEWPORTS
@pytest.mark.parametrize("alias", ALIASES)
def test_every_alias_lands_on_its_entry_and_shows_the_current_id(
    open_page: Any, renamed_site_url: str, viewport: dict[str, int], alias: str
) -> None:
    current = ALIASES[alias]
    page = open_page(f"{renamed_site_url}{PAGE}#{alias}", viewport)
    where = landed(page, current)
    assert where["hash"] == f"#{current}"
    assert where["open"] in (True, None)  # None: a step is no <details>
    assert_in_view(where)


def test_a_later_hash_change_lands_too(open_page: Any, renamed_site_url: str) -> None:
    page = open_page(f"{renamed_site_url}{PAGE}")
    assert page.evaluate("window.scrollY") == 0
    assert page.locator("details.faq-entry[open]").count() == 0
    page.evaluate("location.hash = '#not-only-tight-calves'")
    where = landed(page, "not-only-tight-calves")
    assert where["open"] is True
    assert_in_view(where)
    # An alias typed later is rewritten too, and the highlight moves.
    page.evaluate("location.hash = '#heel-lift'")
    where = landed(page, "heel-rise")
    assert where["hash"] == "#heel-rise"
    assert where["open"] is True
    assert_in_view(where)
    assert page.locator(".is-deep-link-target").count() == 1


@VIEWPORTS
def test_without_javascript_an_alias_still_lands_on_its_entry(
    open_page: Any, renamed_site_url: str, viewport: dict[str, int]
) -> None:
    page = open_page(f"{renamed_site_url}{PAGE}#heel-lift", viewport, java_script_enabled=False)
    where = page.evaluate(MEASURE, "heel-rise")
    assert where["hash"] == "#heel-lift"  # nothing rewrites it without the script
    assert_in_view(where)


@pytest.mark.parametrize("key", ["Enter", " "], ids=["enter", "space"])
def test_copy_link_puts_the_address_the_page_was_loaded_from_on_the_clipboard(
    open_page: Any, site_url: str, key: str
) -> None:
    origin = site_url.rstrip("/")
    page = open_page(f"{site_url}{PAGE}#knee-angle")
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=origin)
    landed(page, "knee-angle")
    button = page.locator("[id='knee-angle'] button.faq-copy")
    assert button.is_visible()
    assert button.inner_text() == "Copy link"
    button.focus()
    page.keyboard.press(key)
    # The page was served from the test's server, not from the configured site address: the
    # copied link works where it was copied (a preview, a local serve).
    expected = f"{site_url}{PAGE}#knee-angle"
    assert not expected.startswith(SITE_URL)
    page.wait_for_function("() => document.querySelector('.faq-status').textContent !== ''")
    assert page.evaluate("navigator.clipboard.readText()") == expected
    status = page.locator(".faq-status")
    assert status.get_attribute("role") == "status"
    assert status.inner_text() == f"Link copied to the clipboard: {expected}"
    assert button.inner_text() == "Copied"


def test_without_a_clipboard_the_plain_link_remains(open_page: Any, site_url: str) -> None:
    page = open_page(f"{site_url}{PAGE}#knee-angle", java_script_enabled=False)
    entry = page.locator("[id='knee-angle']")
    entry.locator("summary").click()
    assert entry.locator("button.faq-copy").is_hidden()
    link = entry.get_by_role("link", name="Link to this answer")
    assert link.get_attribute("href") == "#knee-angle"


def test_the_canonical_address_keeps_the_site_url(open_page: Any, site_url: str) -> None:
    page = open_page(f"{site_url}{PAGE}")
    canonical = page.locator("link[rel=canonical]").get_attribute("href")
    assert canonical == f"{SITE_URL}{PAGE}"


def test_copy_link_from_another_address_copies_that_address(open_page: Any, site_url: str) -> None:
    """What is copied follows `location`, whatever the page: intercepted, as the clipboard of a
    page at another path (a preview under a folder) is the same browser's."""
    page = open_page(f"{site_url}{PAGE}?preview=1#wall-setup")
    page.evaluate(
        """() => { window.copied = [];
        navigator.clipboard.writeText = (text) => { window.copied.push(text);
          return Promise.resolve(); }; }"""
    )
    landed(page, "wall-setup")
    page.locator("[id='wall-setup'] button.faq-copy").click()
    page.wait_for_function("() => window.copied.length === 1")
    assert page.evaluate("window.copied") == [f"{site_url}{PAGE}#wall-setup"]
