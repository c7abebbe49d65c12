"""In chromium, behind nginx with its Content-Security-Policy enforced: nothing is refused,
nothing errs, and links to an old slug land on the renamed page."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page

from ..browser.conftest import DESKTOP
from .conftest import RENAMED_SLUG, Nginx, fetch

# Collects violations the page reports itself, in addition to console messages.
WATCH_CSP = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__cspViolations.push(e.violatedDirective + " " + e.blockedURI);
});
"""


@pytest.fixture
def watched(browser: Browser) -> Iterator[tuple[Page, list[str]]]:
    context = browser.new_context(viewport=DESKTOP)
    context.add_init_script(WATCH_CSP)
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    yield page, problems
    context.close()


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


def _lands_open_below_the_header(page: Page, entry: str) -> None:
    page.wait_for_function(f"document.getElementById('{entry}').open")
    box = page.locator(f"#{entry} summary").bounding_box()
    header = page.locator("header.md-header").bounding_box()
    assert box is not None
    assert header is not None
    assert box["y"] >= header["y"] + header["height"] - 1
    assert box["y"] + box["height"] <= DESKTOP["height"]


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
    _lands_open_below_the_header(page, "heel-rise")
    assert problems == []
