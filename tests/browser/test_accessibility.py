"""Accessibility in a real browser: axe-core finds nothing, and every control is reached by Tab.

axe-core comes from npm (`node_modules/axe-core`), injected into the served page; no rule is
switched off and no result is filtered.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from ..conftest import BuiltSite
from .conftest import DESKTOP, NODE_MODULES, PHONE, serve

AXE = NODE_MODULES / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
# Every kind of page; the Heel Press page also with an entry opened by a deep link (highlight and
# "Copy link" shown), the filter page also with a choice made (its results shown), the sheet
# with an exercise, an answer and a note (its plain list open).
SHEET = "sheet/?ex=heel-press&faq=heel-press/knee-angle&note=heel-press/3+x+30+s"
PAGES = [
    "",
    "exercises/heel-press/",
    "exercises/heel-press/#heel-lift",
    "exercises/",
    "browse/",
    "browse/?muscle=soleus",
    "browse/muscle/soleus/",
    "editors/",
    "404.html",
    SHEET,
]
PAGE_IDS = [
    "home",
    "heel-press",
    "heel-press-deep-link",
    "a-z",
    "browse-index",
    "filter-chosen",
    "browse-group",
    "editors",
    "404",
    "sheet",
]
SCHEMES = ["light", "dark"]
VIEWPORTS = {"desktop": DESKTOP, "phone": PHONE}

# Every element a keyboard user should reach: focusable, not disabled, rendered, not inside a
# hidden or closed part of the page. Each gets a number, read back from the focused element.
MARK_CONTROLS = """() => {
  const selector = 'a[href], button, input, select, textarea, summary, [tabindex]';
  const controls = [...document.querySelectorAll(selector)].filter((element) => {
    if (element.tabIndex < 0 || element.disabled || element.closest('[hidden], [inert]')) {
      return false;
    }
    const closed = element.closest('details:not([open])');
    if (closed && closed.querySelector(':scope > summary') !== element) return false;
    const style = getComputedStyle(element);
    const box = element.getBoundingClientRect();
    return style.visibility !== 'hidden' && box.width > 0 && box.height > 0;
  });
  controls.forEach((element, index) => element.setAttribute('data-tab-check', index));
  return controls.map((element) => element.outerHTML.slice(0, 120));
}"""


@pytest.fixture
def context_page(browser: Browser) -> Iterator[Any]:
    contexts = []

    def opener(url: str, **options: Any) -> Page:
        context = browser.new_context(**options)
        contexts.append(context)
        page = context.new_page()
        page.goto(url, wait_until="networkidle")
        return page

    yield opener
    for context in contexts:
        context.close()


def describe(violations: list[dict[str, Any]]) -> list[str]:
    return [
        f"{v['id']}: {v['help']} at {node['target']}: {node.get('failureSummary', '')}"
        for v in violations
        for node in v["nodes"]
    ]


def no_violation(page: Page, scheme: str) -> None:
    expected = "slate" if scheme == "dark" else "default"
    assert page.evaluate("document.body.dataset.mdColorScheme") == expected
    page.add_script_tag(path=str(AXE))
    results = page.evaluate(
        "(tags) => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
    )
    assert results["testEngine"]["version"].startswith("4.")
    assert len(results["passes"]) > 20  # axe really ran its rules on this page
    assert describe(results["violations"]) == []


@pytest.mark.parametrize("width", VIEWPORTS)
@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("path", PAGES, ids=PAGE_IDS)
def test_axe_finds_no_violation(
    context_page: Any, site_url: str, path: str, scheme: str, width: str
) -> None:
    page = context_page(site_url + path, color_scheme=scheme, viewport=VIEWPORTS[width])
    if path == SHEET:
        page.wait_for_selector("[data-sheet-state=ready]")
        page.locator(".sheet-plain summary").click()
        expect(page.locator(".sheet-plain-text")).to_be_visible()
    elif "?" in path:
        expect(page.locator(".browse-form__results li").first).to_be_visible()
    no_violation(page, scheme)


@pytest.mark.parametrize("width", VIEWPORTS)
@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("path", ["", "exercises/heel-press/"], ids=["home", "heel-press"])
def test_axe_finds_no_violation_with_search_results_open(
    context_page: Any, site_url: str, path: str, scheme: str, width: str
) -> None:
    page = context_page(site_url + path, color_scheme=scheme, viewport=VIEWPORTS[width])
    if width == "phone":  # on a phone the box opens from the header's magnifier
        page.locator("label.find__open").click()
    page.locator("#find-query").press_sequentially("heel", delay=20)
    expect(page.locator(".find__results a[role=option]").first).to_be_visible()
    page.keyboard.press("ArrowDown")
    no_violation(page, scheme)


@pytest.mark.parametrize("scheme", SCHEMES)
def test_axe_finds_no_violation_with_more_results_to_show(
    context_page: Any, corpus_site: BuiltSite, scheme: str
) -> None:
    """ "Show more" is shown only past a page of results: the corpus has that many."""
    with serve(corpus_site.path) as url:
        page = context_page(url + "browse/?level=beginner", color_scheme=scheme, viewport=PHONE)
        expect(page.locator(".browse-form__more")).to_be_visible()
        no_violation(page, scheme)


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize("path", ["", "exercises/heel-press/#heel-lift"], ids=["home", "faq"])
def test_every_control_is_reached_by_tab(
    context_page: Any, site_url: str, path: str, viewport: dict[str, int]
) -> None:
    page = context_page(site_url + path, viewport=viewport)
    controls = page.evaluate(MARK_CONTROLS)
    if path:
        assert any("faq-copy" in control for control in controls)
        # Eight answers, and on a phone the page's table of contents (open beside the sections
        # on a desktop, where it is no toggle).
        toc = 1 if viewport == PHONE else 0
        assert sum("<summary" in control for control in controls) == 8 + toc
    page.evaluate("document.activeElement && document.activeElement.blur()")
    reached: set[int] = set()
    for _ in range(len(controls) + 20):
        page.keyboard.press("Tab")
        number = page.evaluate("document.activeElement.getAttribute('data-tab-check')")
        if number is not None:
            reached.add(int(number))
    missed = [control for index, control in enumerate(controls) if index not in reached]
    assert missed == []
