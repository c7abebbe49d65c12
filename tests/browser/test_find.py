"""Search and browse in a real browser, typed as a reader types, on a phone and a desktop."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Locator, Page, expect

from ..conftest import BuiltSite
from ..queries import HEEL_PRESS_QUERIES
from .conftest import DESKTOP, PHONE, serve


@pytest.fixture(scope="module")
def corpus_url(corpus_site: BuiltSite) -> Iterator[str]:
    with serve(corpus_site.path) as url:
        yield url


def open_page(browser: Browser, url: str, viewport: dict[str, int]) -> tuple[Page, list[str]]:
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(url)
    return page, errors


def type_query(page: Page, query: str, viewport: dict[str, int]) -> None:
    if viewport is PHONE:  # on a phone the box opens from the header's magnifier
        page.locator("label.find__open").click()
    box = page.locator("#find-query")
    box.click()
    box.press_sequentially(query, delay=40)


def first_result(page: Page) -> Locator:
    """The first result's title; results of the query so far may show while the reader types."""
    return page.locator(".find__results [role=option] .find__title").first


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
@pytest.mark.parametrize("query", ["pullups", "pull ups", "Pull-Ups", "pulups"])
def test_every_spelling_finds_the_exercise(
    browser: Browser, corpus_url: str, query: str, viewport: dict[str, int]
) -> None:
    page, errors = open_page(browser, corpus_url + "exercises/barbell-squat/", viewport)
    type_query(page, query, viewport)
    expect(first_result(page)).to_have_text("Pullups")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/exercises/pullups/$"))
    expect(page.locator("h1")).to_have_text("Pullups")
    assert errors == []
    page.context.close()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_rear_heel_lift_offers_the_heel_press_answer_and_lands_on_it_open(
    browser: Browser, site_url: str, viewport: dict[str, int]
) -> None:
    page, errors = open_page(browser, site_url, viewport)
    type_query(page, "rear heel lift", viewport)
    expect(first_result(page)).to_have_text("Should my rear heel ever lift off the floor?")
    page.locator(".find__results a[role=option]").first.click()
    page.wait_for_url(re.compile(r"/exercises/heel-press/#heel-lift$"))
    entry = page.locator("details#heel-lift")
    expect(entry).to_have_attribute("open", "")
    expect(entry.locator("summary")).to_be_in_viewport()
    assert errors == []
    page.context.close()


def test_a_question_on_the_same_page_opens_its_answer(browser: Browser, site_url: str) -> None:
    page, errors = open_page(browser, site_url + "exercises/heel-press/", DESKTOP)
    expect(page.locator("details#knee-angle")).not_to_have_attribute("open", "")
    type_query(page, "back knee angle", DESKTOP)
    expect(first_result(page)).to_have_text("Why does the back knee angle change the stretch?")
    page.keyboard.press("Enter")
    expect(page.locator("details#knee-angle")).to_have_attribute("open", "")
    assert page.url.endswith("#knee-angle")
    assert errors == []
    page.context.close()


def test_arrow_keys_choose_a_result(browser: Browser, corpus_url: str) -> None:
    page, _ = open_page(browser, corpus_url, DESKTOP)
    type_query(page, "pull ups", DESKTOP)
    expect(first_result(page)).to_have_text("Pullups")
    titles = page.locator(".find__results [role=option] .find__title").all_inner_texts()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    expect(page.locator("#find-option-1")).to_have_attribute("aria-selected", "true")
    expect(page.locator("#find-query")).to_have_attribute("aria-activedescendant", "find-option-1")
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    expect(page.locator("h1").first).to_have_text(titles[1])
    page.context.close()


@pytest.mark.parametrize("leave", ["tab", "escape", "click-outside"])
def test_the_results_close_when_the_reader_leaves_the_box(
    browser: Browser, site_url: str, leave: str
) -> None:
    page, errors = open_page(browser, site_url + "exercises/heel-press/", DESKTOP)
    type_query(page, "heel", DESKTOP)
    panel = page.locator(".find__panel")
    expect(panel).to_be_visible()
    if leave == "tab":
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.id") != "find-query"
    elif leave == "escape":
        page.keyboard.press("Escape")
    else:
        # The page's margin, left of the content: the panel covers the heading on the right.
        page.mouse.click(5, DESKTOP["height"] - 100)
    expect(panel).to_be_hidden()
    expect(page.locator("#find-query")).to_have_attribute("aria-expanded", "false")
    page.locator("#find-query").focus()  # back in the box, the results are offered again
    expect(panel).to_be_visible()
    assert errors == []
    page.context.close()


def test_a_query_downloads_only_small_pieces_of_the_index(
    browser: Browser, corpus_url: str
) -> None:
    page, _ = open_page(browser, corpus_url, PHONE)
    fetched: list[str] = []
    page.on("requestfinished", lambda r: fetched.append(r.url) if "/search/" in r.url else None)
    type_query(page, "How many sets of Pullups should I do?", PHONE)
    expect(first_result(page)).to_have_text("How many sets of Pullups should I do?")
    assert fetched
    assert all(re.search(r"/search/(meta|[wtdx]/[a-z0-9-]+)\.json$", url) for url in fetched)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/exercises/pullups/#sets-and-reps$"))
    expect(page.locator("details#sets-and-reps")).to_have_attribute("open", "")
    page.context.close()


def test_the_filter_page_reads_and_writes_the_url(browser: Browser, corpus_url: str) -> None:
    page, errors = open_page(browser, corpus_url + "browse/?muscle=lats&equipment=none", PHONE)
    expect(page.locator("select[name=muscle]")).to_have_value("lats")
    expect(page.locator("select[name=equipment]")).to_have_value("none")
    listed = page.locator(".browse-form__results a")
    expect(listed.first).to_be_visible()
    names = listed.all_inner_texts()
    assert "Pullups" in names
    expect(page.locator(".browse-form__status")).to_have_text(f"{len(names)} exercises")
    page.locator("select[name=level]").select_option("expert")
    expect(page).to_have_url(re.compile(r"/browse/\?muscle=lats&equipment=none&level=expert$"))
    expect(page.locator(".browse-form__status")).not_to_have_text(f"{len(names)} exercises")
    assert errors == []
    page.context.close()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_one_match_is_one_exercise_with_nothing_more_to_show(
    browser: Browser, site_url: str, viewport: dict[str, int]
) -> None:
    page, errors = open_page(browser, site_url + "browse/?muscle=soleus", viewport)
    expect(page.locator(".browse-summary")).to_have_text(re.compile(r"^1 exercise, by "))
    expect(page.locator(".browse-form__results a")).to_have_text(["Heel Press"])
    expect(page.locator(".browse-form__status")).to_have_text("1 exercise")
    expect(page.locator(".browse-form__more")).to_be_hidden()
    assert errors == []
    page.context.close()


def test_no_match_has_no_show_more_and_the_form_says_what_the_url_asks(
    browser: Browser, site_url: str
) -> None:
    """`equipment=none` where no exercise needs nothing: the form says "No equipment", as the
    address does, and finds nothing."""
    page, errors = open_page(browser, site_url + "browse/?equipment=none", PHONE)
    expect(page.locator("select[name=equipment]")).to_have_value("none")
    expect(page.locator(".browse-form__status")).to_have_text("No exercise matches all of these.")
    expect(page.locator(".browse-form__more")).to_be_hidden()
    expect(page.locator(".browse-form__results li")).to_have_count(0)
    expect(page).to_have_url(re.compile(r"/browse/\?equipment=none$"))
    assert errors == []
    page.context.close()


def test_a_value_the_form_has_no_choice_for_leaves_the_url_and_is_told(
    browser: Browser, site_url: str
) -> None:
    page, errors = open_page(browser, site_url + "browse/?muscle=calfs&level=beginner", PHONE)
    expect(page).to_have_url(re.compile(r"/browse/\?level=beginner$"))
    expect(page.locator("select[name=muscle]")).to_have_value("")
    expect(page.locator("select[name=level]")).to_have_value("beginner")
    expect(page.locator(".browse-form__status")).to_have_text(
        "No muscle \u201ccalfs\u201d here, so it is left out. 1 exercise"
    )
    page.locator("select[name=level]").select_option("")
    expect(page.locator(".browse-form__status")).to_have_text(
        "Choose a muscle, equipment or level."
    )
    assert errors == []
    page.context.close()


def test_show_more_shows_the_rest_then_goes(browser: Browser, corpus_url: str) -> None:
    page, errors = open_page(browser, corpus_url + "browse/", DESKTOP)
    select = page.locator("select[name=level]")
    counts = {o.get_attribute("value"): o.inner_text() for o in select.locator("option").all()}
    (level, label) = max(counts.items(), key=lambda kv: int(re.sub(r"\D", "", kv[1]) or 0))
    total = int(re.sub(r"\D", "", label))
    assert total > 50, counts  # a page of results and more
    select.select_option(level)
    results = page.locator(".browse-form__results li")
    expect(results).to_have_count(50)
    more = page.locator(".browse-form__more")
    expect(more).to_be_visible()
    more.click()
    expect(results).to_have_count(total)
    expect(more).to_be_hidden()
    assert errors == []
    page.context.close()


def test_without_javascript_the_filter_page_is_plain_browse_links(
    browser: Browser, corpus_url: str
) -> None:
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(corpus_url + "browse/?muscle=lats&equipment=none")
    expect(page.locator("form.browse-form")).to_be_hidden()
    page.locator(".browse-section a", has_text="No equipment").click()
    page.wait_for_url(re.compile(r"/browse/equipment/none/$"))
    expect(page.locator("h1")).to_have_text("No-equipment exercises")
    expect(page.get_by_role("link", name="Pullups", exact=True)).to_be_visible()
    context.close()


EDITORS = re.compile(r"/(reference|editors|benchmark|publishing)/")
DESCRIPTIVE = HEEL_PRESS_QUERIES


@pytest.mark.parametrize("query", DESCRIPTIVE)
def test_heel_press_is_offered_first_by_what_it_is_with_the_words_marked(
    browser: Browser, site_url: str, query: str
) -> None:
    page, errors = open_page(browser, site_url, DESKTOP)
    type_query(page, query, DESKTOP)
    expect(first_result(page)).to_have_text("Heel Press")
    best = page.locator(".find__results [role=option]").first
    expect(best.locator(".find__snippet mark").first).to_be_visible()
    links = page.locator(".find__results a[role=option]")
    # In one read: the list is drawn anew while the last keystrokes' results arrive.
    hrefs: list[str] = links.evaluate_all("(all) => all.map((a) => a.getAttribute('href'))")
    assert not [h for h in hrefs if EDITORS.search(h)], hrefs
    titles = page.locator(".find__results [role=option] .find__title").all_inner_texts()
    print(f"{query!r}: {titles[:3]}")
    best.click()
    page.wait_for_url(re.compile(r"/exercises/heel-press/$"))
    assert errors == []
    page.context.close()


LAYOUT_SHIFT = """() => new Promise((done) => {
  new PerformanceObserver((list) => {
    done(list.getEntries().filter((e) => !e.hadRecentInput).reduce((sum, e) => sum + e.value, 0));
  }).observe({ type: "layout-shift", buffered: true });
  setTimeout(() => done(0), 500);
})"""
"""What moved on the page without the reader's doing, as Chromium scores it (CLS)."""
STILL = 0.005
"""A twentieth of what Lighthouse still scores as no shift at all (0.1): a line box that grows
by a fraction of a pixel on a loaded machine, and nothing a reader would see move."""


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize(
    "path", ["browse/?muscle=lats", "browse/?muscle=lats&equipment=none", "exercises/pullups/"]
)
def test_nothing_moves_while_a_page_loads(
    browser: Browser, corpus_url: str, path: str, viewport: dict[str, int]
) -> None:
    page, errors = open_page(browser, corpus_url + path, viewport)
    if path.startswith("browse/"):
        expect(page.locator(".browse-form__results a").first).to_be_visible()
        # The results stand in for the plain browse links while a filter is chosen.
        expect(page.locator(".browse-section").first).to_be_hidden()
    page.wait_for_load_state("load")
    page.wait_for_timeout(300)
    assert page.evaluate(LAYOUT_SHIFT) < STILL
    assert errors == []
    page.context.close()


def test_choosing_no_filter_brings_back_the_browse_links(browser: Browser, corpus_url: str) -> None:
    page, errors = open_page(browser, corpus_url + "browse/?muscle=lats", PHONE)
    expect(page.locator(".browse-section").first).to_be_hidden()
    page.select_option("select[name=muscle]", "")
    expect(page.locator(".browse-section").first).to_be_visible()
    expect(page).to_have_url(re.compile(r"/browse/$"))
    assert errors == []
    page.context.close()
