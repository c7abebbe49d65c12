"""The reader's pages in a real browser: what a phone's first screen shows of an exercise, the
steps beside the figure on a desktop, the table of contents, the FAQ's size and colours, the
size of every control, and focus never hidden under the sticky header."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page

from .conftest import DESKTOP, PHONE

PAGE = "exercises/heel-press/"
VIEWPORTS = pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
SCHEMES = pytest.mark.parametrize("scheme", ["light", "dark"])
MIN_TARGET = 24
"""WCAG 2.2 target size (minimum), in CSS px."""


def box(page: Page, selector: str) -> dict[str, float]:
    found = page.locator(selector).first.bounding_box()
    assert found is not None, selector
    return found


def header_bottom(page: Page) -> float:
    return float(
        page.evaluate("document.querySelector('.md-header').getBoundingClientRect().bottom")
    )


@SCHEMES
def test_a_phone_shows_the_title_summary_and_setup_first(
    open_page: Any, site_url: str, scheme: str
) -> None:
    page = open_page(site_url + PAGE, PHONE, scheme)
    height = PHONE["height"]
    title, summary = box(page, "article.exercise h1"), box(page, ".exercise-summary")
    figure = box(page, "article.exercise figure.stance-figure .stance-views")
    steps = box(page, ".exercise-jump a")
    assert header_bottom(page) <= title["y"] < summary["y"] < figure["y"]
    # The drawings whole on the first screen, the steps' link above them.
    assert figure["y"] + figure["height"] <= height
    assert steps["y"] + steps["height"] <= figure["y"]
    assert page.locator(".exercise-jump a").inner_text() == "Steps"
    # The steps are one tap away, and land below the sticky header.
    assert box(page, "#instructions")["y"] > height
    page.locator(".exercise-jump a").click()
    page.wait_for_function("location.hash === '#instructions'")
    first_step = box(page, "ol.exercise-steps > li")
    heading = box(page, "#instructions")
    assert heading["y"] >= header_bottom(page)
    assert first_step["y"] + first_step["height"] <= height


def test_a_phone_reaches_every_section_from_the_table_of_contents(
    open_page: Any, site_url: str
) -> None:
    page = open_page(site_url + PAGE, PHONE)
    toc = page.locator("details.exercise-toc")
    assert toc.locator("summary").is_visible()
    assert not toc.locator("ul").is_visible()  # closed: the figure keeps the first screen
    toc.locator("summary").click()
    links = toc.locator("ul a")
    hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
    sections = page.eval_on_selector_all(
        "article.exercise section > h2[id]", "(hs) => hs.map((h) => '#' + h.id)"
    )
    assert hrefs == sections
    assert "#faq" in hrefs
    links.last.click()
    page.wait_for_function(f"location.hash === '{hrefs[-1]}'")
    assert box(page, hrefs[-1])["y"] >= header_bottom(page)


@SCHEMES
def test_a_desktop_shows_the_steps_beside_the_figure(
    open_page: Any, site_url: str, scheme: str
) -> None:
    page = open_page(site_url + PAGE, DESKTOP, scheme)
    height = DESKTOP["height"]
    # The table of contents stands open beside the sections: no toggle to find.
    assert not page.locator("details.exercise-toc > summary").is_visible()
    assert page.locator("details.exercise-toc a[href='#instructions']").is_visible()
    page.locator("details.exercise-toc a[href='#instructions']").click()
    page.wait_for_function("location.hash === '#instructions'")
    steps = box(page, "ol.exercise-steps")
    figure = box(page, "figure.stance-figure .stance-views")
    top = header_bottom(page)
    assert top <= steps["y"] < height
    assert top <= figure["y"]
    assert figure["y"] + figure["height"] <= height
    assert steps["x"] + steps["width"] <= figure["x"]  # side by side, not overlapping
    # Held in view while the steps scroll: the last step and the figure together.
    page.locator("ol.exercise-steps > li").last.scroll_into_view_if_needed()
    last = box(page, "ol.exercise-steps > li:last-child")
    figure = box(page, "figure.stance-figure .stance-views")
    assert last["y"] + last["height"] <= height
    assert top <= figure["y"]
    assert figure["y"] + figure["height"] <= height


FAQ_STYLE = """() => {
  const style = (selector) => getComputedStyle(document.querySelector(selector));
  const answer = style('.faq-answer');
  const entry = style('details.faq-entry');
  const summary = style('details.faq-entry > summary');
  const probe = document.createElement('span');
  probe.style.color = 'var(--md-accent-fg-color)';
  document.body.append(probe);
  const accent = getComputedStyle(probe).color;
  probe.style.color = 'var(--md-default-fg-color--lightest)';
  const lightest = getComputedStyle(probe).color;
  probe.style.color = 'var(--md-primary-fg-color)';
  const primary = getComputedStyle(probe).color;
  probe.remove();
  return {
    answer: answer.fontSize, answerColor: answer.color,
    body: style('.exercise-description p').fontSize,
    bodyColor: style('.exercise-description p').color,
    border: entry.borderTopColor, summaryBackground: summary.backgroundColor,
    icon: getComputedStyle(document.querySelector('details.faq-entry > summary'),
      '::before').backgroundColor,
    accent, lightest, primary,
  };
}"""


@SCHEMES
def test_faq_answers_are_body_text_in_the_sites_palette(
    open_page: Any, site_url: str, scheme: str
) -> None:
    page = open_page(site_url + PAGE, DESKTOP, scheme)
    page.wait_for_function("document.body.dataset.mdColorScheme !== undefined")
    style = page.evaluate(FAQ_STYLE)
    assert style["answer"] == style["body"]
    assert style["answerColor"] == style["bodyColor"]
    # The theme's "question" admonition is lime; the FAQ takes the page's own colours.
    assert style["border"] == style["lightest"]
    assert style["summaryBackground"] == "rgba(0, 0, 0, 0)"
    assert style["icon"] == style["primary"]


HIGHLIGHT = """(id) => {
  const entry = document.getElementById(id);
  const style = getComputedStyle(entry);
  const probe = document.createElement('span');
  probe.style.color = 'var(--md-accent-fg-color)';
  document.body.append(probe);
  const accent = getComputedStyle(probe).color;
  probe.remove();
  return {
    outline: style.outlineColor, accent,
    summary: getComputedStyle(entry.querySelector('summary')).backgroundColor,
  };
}"""


def test_the_deep_link_highlight_is_one_colour(open_page: Any, site_url: str) -> None:
    page = open_page(f"{site_url}{PAGE}#knee-angle", DESKTOP)
    page.wait_for_function(
        "document.getElementById('knee-angle').classList.contains('is-deep-link-target')"
    )
    style = page.evaluate(HIGHLIGHT, "knee-angle")
    assert style["outline"] == style["accent"]
    assert style["summary"] == "rgba(0, 0, 0, 0)"  # no second colour inside the outline


# Every visible control's size; a link inside a sentence is exempt (WCAG 2.5.8, inline).
TARGETS = """() => {
  const small = [];
  const words = (text) => text.replace(/\\s+/g, ' ').trim();
  const inSentence = (element) => {
    const parent = element.parentElement;
    return element.tagName === 'A' && ['P', 'LI', 'DD', 'SPAN'].includes(parent.tagName)
      && words(parent.textContent).length > words(element.textContent).length + 2;
  };
  const controls = 'a[href], button, summary, input:not([type=hidden]), select, label[for]';
  for (const element of document.querySelectorAll(controls)) {
    const box = element.getBoundingClientRect();
    const style = getComputedStyle(element);
    if (box.width === 0 || box.height === 0 || style.visibility === 'hidden') continue;
    if (box.right <= 0 || box.left >= innerWidth) continue;  // the closed drawer
    if (element.closest('[hidden]') || inSentence(element)) continue;
    if (box.width < 24 || box.height < 24) {
      small.push(`${element.tagName}.${element.className} "${words(element.textContent)}"`
        + ` ${Math.round(box.width)}x${Math.round(box.height)}`);
    }
  }
  return small;
}"""


@VIEWPORTS
@pytest.mark.parametrize(
    "url", ["", PAGE, f"{PAGE}#knee-angle", "exercises/", "browse/", "browse/a-z/h/", "editors/"]
)
def test_every_control_is_at_least_24_px(
    open_page: Any, site_url: str, viewport: dict[str, int], url: str
) -> None:
    page = open_page(site_url + url, viewport)
    # Headerlinks show on hover and focus, and are targets all the time.
    page.add_style_tag(content=".md-typeset .headerlink { opacity: 1 !important; }")
    assert page.evaluate(TARGETS) == []
    assert page.locator("button.faq-copy").count() in (0, 8)


@VIEWPORTS
def test_focus_is_never_hidden_under_the_sticky_header(
    open_page: Any, site_url: str, viewport: dict[str, int]
) -> None:
    page = open_page(site_url + PAGE, viewport)
    page.locator("details.faq-entry").first.locator("summary").click()  # its controls too
    page.evaluate("window.scrollTo(0, 0)")
    seen, hidden = 0, []
    # Forward, where what gets focus comes up from below, then back, where it comes down from
    # above: the side where the header is.
    for key in ["Tab"] * 80 + ["Shift+Tab"] * 80:
        page.keyboard.press(key)
        where = page.evaluate(
            """() => {
            const element = document.activeElement;
            if (!element || element === document.body) return null;
            // The header's own controls, and the skip link that shows over it, are the header.
            if (element.closest('.md-header, .md-skip, .md-footer, .md-sidebar')) {
              return {skip: true};
            }
            const box = element.getBoundingClientRect();
            return {top: box.top, bottom: box.bottom, text: element.textContent.trim(),
              header: document.querySelector('.md-header').getBoundingClientRect().bottom,
              height: innerHeight};
        }"""
        )
        if where is None or where.get("skip"):
            continue
        seen += 1
        if where["top"] < where["header"]:  # partly or wholly under the header
            hidden.append(where)
    assert seen > 20
    assert hidden == []
