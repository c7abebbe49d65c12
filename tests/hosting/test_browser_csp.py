"""In chromium, behind nginx with its Content-Security-Policy enforced: nothing is refused,
nothing errs, and links to an old slug land on the renamed page."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from .conftest import RENAMED_SLUG, Nginx, fetch, lands_open_below_the_header


@pytest.mark.parametrize(
    "path",
    [
        "",
        f"exercises/{RENAMED_SLUG}/",
        "exercises/",
        "browse/",
        "browse/muscle/soleus/",
        "nowhere/",
    ],
)
def test_no_csp_violation_and_no_console_error(
    nginx: Nginx, watched: tuple[Page, list[str]], path: str
) -> None:
    page, problems = watched
    assert "Content-Security-Policy" in fetch(nginx.url + path).headers
    page.goto(nginx.url + path, wait_until="networkidle")
    # Use the search, which fetches pieces of the index.
    with page.expect_response(lambda r: "/search/" in r.url):
        page.locator("#find-query").fill("heel press")
    violations = page.evaluate("window.__cspViolations")
    assert violations == []
    assert [p for p in problems if "404" not in p or path != "nowhere/"] == []


def test_old_slug_link_lands_through_the_301(nginx: Nginx, watched: tuple[Page, list[str]]) -> None:
    page, _ = watched
    page.goto(nginx.url + "exercises/heel-press/#faq")
    assert page.url == nginx.url + f"exercises/{RENAMED_SLUG}/#faq"
    assert page.locator("#faq").is_visible()


def test_old_slug_link_lands_through_the_redirect_page(
    nginx: Nginx, watched: tuple[Page, list[str]]
) -> None:
    """Hosts without redirects serve the page left at the old address; it keeps the fragment."""
    page, problems = watched
    page.goto(nginx.url + "exercises/heel-press/index.html#faq")
    page.wait_for_url(f"**/exercises/{RENAMED_SLUG}/#faq")
    assert page.locator("h1").inner_text() == "Heel Press"
    assert problems == []


def test_the_policy_is_enforced_and_the_watch_sees_it(
    nginx: Nginx, watched: tuple[Page, list[str]]
) -> None:
    """A control: an inline script the build did not hash is refused, and reported."""
    page, _ = watched
    page.goto(nginx.url)
    with pytest.raises(Exception, match=r"Content Security Policy|Refused"):
        page.add_script_tag(content="window.__ran = true;")
    assert page.evaluate("window.__ran === undefined")
    assert any(v.startswith("script-src") for v in page.evaluate("window.__cspViolations"))


@pytest.mark.parametrize("through", ["301", "redirect page"])
def test_old_slug_and_old_faq_id_land_on_the_renamed_entry(
    nginx: Nginx, watched: tuple[Page, list[str]], through: str
) -> None:
    """A coach's year-old link, `/exercises/heel-press/#heel-lift`, after both the page and the
    entry were renamed."""
    page, problems = watched
    old = "exercises/heel-press/" + ("" if through == "301" else "index.html")
    page.goto(nginx.url + old + "#heel-lift")
    page.wait_for_url(f"**/exercises/{RENAMED_SLUG}/#heel-rise")
    lands_open_below_the_header(page, "heel-rise")
    assert problems == []
