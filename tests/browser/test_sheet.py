"""The coach's sheet in Chromium: built by "Add to sheet", its link reopened elsewhere, old slugs
and ids, unknown entries, notes as text, reordering, the printed handout's QR codes, and the
sheet saved for offline use.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, quote

import pytest
from playwright.sync_api import Browser, Page, expect
from playwright.sync_api import Error as PlaywrightError

from build_tools.render.markup import plain
from build_tools.source.load import load_content

from ..conftest import ROOT, build_site, copy_project
from ..moves import (
    FROM_WITHDRAWN,
    MOVED_ID,
    NEW_NAME,
    NEW_SLUG,
    WITHDRAWN_SLUG,
    move_faq,
    moves_project,
)
from .conftest import DESKTOP, NODE_MODULES, serve

SITE_URL = "https://exercises.example.org/"
READY = "[data-sheet-state=ready]"
ANSWERS = ("knee-angle", "heel-lift")
RENAMED_SLUG = "wall-calf-press"
RENAMED_FAQ = {"knee-angle": "back-knee-angle"}


def _built(project: Path) -> Path:
    env_before = os.environ.get("SITE_URL")
    assert env_before in (None, SITE_URL)
    return build_site(project, project / "site").path


def _three_exercises(target: Path) -> Path:
    """Heel Press and two generated exercises."""
    from ..bench.corpus import load_corpus, write_project

    project = write_project(target, 2, load_corpus())
    shutil.copy(ROOT / "content" / "heel-press.yaml", project / "content" / "heel-press.yaml")
    return project


@pytest.fixture(scope="module")
def sheet_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, list[str]]]:
    project = _three_exercises(tmp_path_factory.mktemp("sheet"))
    slugs = sorted(p.stem for p in (project / "content").glob("*.yaml"))
    with serve(_built(project)) as url:
        yield url, slugs


@pytest.fixture(scope="module")
def renamed_sheet_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Heel Press renamed to `wall-calf-press` and one answer's id renamed, each keeping the old
    one as an alias."""
    project = copy_project(tmp_path_factory.mktemp("renamed-sheet"))
    _rename_heel_press(project)
    with serve(_built(project)) as url:
        yield url


def _rename_heel_press(project: Path) -> None:
    record = project / "content" / "heel-press.yaml"
    text = record.read_text()
    text = text.replace("slug: heel-press\n", f"slug: {RENAMED_SLUG}\naliases: [heel-press]\n")
    for old, new in RENAMED_FAQ.items():
        text = text.replace(f"  - id: {old}\n", f"  - id: {new}\n    aliases: [{old}]\n")
        text = text.replace(f"faq:{old}", f"faq:{new}")
    (project / "content" / f"{RENAMED_SLUG}.yaml").write_text(text)
    record.unlink()


@pytest.fixture(scope="module")
def moved_sheet_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Heel Press's `heel-lift` answer moved to another exercise, and a withdrawn exercise's
    answer too (the scenes of the moved-links tests)."""
    project = moves_project(copy_project(tmp_path_factory.mktemp("moved-sheet")))
    with serve(_built(project)) as url:
        yield url


@pytest.fixture(scope="module")
def renamed_moved_sheet_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`heel-lift` moved away from Heel Press, and Heel Press then renamed (keeping its old slug
    as an alias)."""
    project = copy_project(tmp_path_factory.mktemp("renamed-moved-sheet"))
    move_faq(project)
    _rename_heel_press(project)
    with serve(_built(project)) as url:
        yield url


@pytest.fixture
def context_page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport=DESKTOP)
    opened = context.new_page()
    errors: list[str] = []
    opened.on("pageerror", lambda error: errors.append(str(error)))
    yield opened
    context.close()
    assert errors == []


def _sheet(page: Page, base: str, query: str) -> None:
    page.goto(f"{base}sheet/{query}")
    page.wait_for_selector(READY)


def _names(page: Page) -> list[str]:
    return page.locator(".sheet-exercise .sheet-head h2").all_inner_texts()


def _query(page: Page) -> list[tuple[str, str]]:
    # Not `page.url`: Playwright learns of a replaceState a moment later.
    return parse_qsl(page.evaluate("location.search").lstrip("?"))


def test_the_qr_library_is_npm_s_own_file() -> None:
    vendored = ROOT / "docs" / "assets" / "javascripts" / "vendor" / "qrcode.js"
    assert vendored.read_bytes() == (NODE_MODULES / "qrcode-generator/dist/qrcode.js").read_bytes()
    lock = json.loads((ROOT / "package-lock.json").read_text())
    assert "node_modules/qrcode-generator" in lock["packages"]


def test_add_to_sheet_makes_a_link_that_is_the_sheet(
    browser: Browser, context_page: Page, sheet_site: tuple[str, list[str]]
) -> None:
    base, _ = sheet_site
    page = context_page
    page.goto(f"{base}exercises/heel-press/")
    page.locator(".sheet-bar a.sheet-add").click()
    for answer in ANSWERS:
        entry = page.locator(f"details#{answer}")
        entry.locator("summary").click()
        entry.locator("a.sheet-add").click()
    link = page.locator("a.sheet-link")
    assert link.inner_text() == "Your sheet (3)"
    assert page.locator(f"details#{ANSWERS[0]} a.sheet-add").get_attribute("aria-pressed") == (
        "true"
    )
    href = link.get_attribute("href")
    assert href is not None
    # The link is the sheet: a browser that never saw this one opens the same sheet.
    fresh = browser.new_context(viewport=DESKTOP)
    try:
        other = fresh.new_page()
        other.goto(f"{base}exercises/heel-press/{href}")
        other.wait_for_selector(READY)
        assert _names(other) == ["Heel Press"]
        assert _query(other) == [("ex", "heel-press")] + [
            ("faq", f"heel-press/{a}") for a in ANSWERS
        ]
        record = load_content(ROOT / "content", ROOT).by_slug["heel-press"]
        questions = {f.id: f.question for f in record.faq}
        shown = other.locator(".sheet-answer > summary").all_inner_texts()
        assert shown == [questions[a] for a in ANSWERS]
        steps = other.locator(".sheet-steps > li").all_inner_texts()
        assert steps == [s.text for s in record.instructions]
        assert other.locator(".sheet-figure svg").count() == 1
    finally:
        fresh.close()


def test_controls_are_at_least_24_px(context_page: Page, sheet_site: tuple[str, list[str]]) -> None:
    base, _ = sheet_site
    page = context_page
    page.goto(f"{base}exercises/heel-press/")
    page.locator("details.faq-entry").evaluate_all("(all) => all.forEach(d => d.open = true)")
    sizes = page.locator("a.sheet-add").evaluate_all(
        "(all) => all.map(a => [a.getBoundingClientRect().width, a.getBoundingClientRect().height])"
    )
    assert len(sizes) == 1 + 8 + 8
    assert all(w >= 24 and h >= 24 for w, h in sizes), sizes
    _sheet(page, base, "?ex=heel-press&faq=heel-press/knee-angle")
    buttons = page.locator(".sheet-list button").evaluate_all(
        "(all) => all.map(b => [b.getBoundingClientRect().width, b.getBoundingClientRect().height])"
    )
    assert buttons
    assert all(w >= 24 and h >= 24 for w, h in buttons), buttons


def test_old_slug_and_old_faq_id_land_on_the_renamed_entries(
    context_page: Page, renamed_sheet_site: str
) -> None:
    page = context_page
    _sheet(
        page, renamed_sheet_site, "?ex=heel-press&faq=heel-press/knee-angle&note=heel-press/30+s"
    )
    assert _names(page) == ["Heel Press"]
    assert page.locator(".sheet-answer").get_attribute("data-id") == "back-knee-angle"
    assert page.locator(".sheet-unknown").count() == 0
    # As a deep link does, the address now says the current names.
    assert _query(page) == [
        ("ex", RENAMED_SLUG),
        ("faq", f"{RENAMED_SLUG}/back-knee-angle"),
        ("note", f"{RENAMED_SLUG}/30 s"),
    ]
    qr = page.locator(".sheet-answer .sheet-qr").get_attribute("data-url")
    assert qr == f"{SITE_URL}exercises/{RENAMED_SLUG}/#back-knee-angle"


MOVED_QUESTION = "Should my rear heel ever lift off the floor?"
MAP = "moved-anchors.json"


def _requests(page: Page) -> list[str]:
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    return requested


def _moved_answer_is_shown(page: Page, base: str, anchor: str = MOVED_ID) -> None:
    answer = page.locator(".sheet-answer")
    assert answer.count() == 1
    assert answer.get_attribute("data-id") == anchor
    assert page.locator(".sheet-unknown").count() == 0
    href = answer.locator(".sheet-entry-link a").get_attribute("href")
    assert href is not None
    resolved = page.evaluate("(href) => new URL(href, location.href).href", href)
    assert resolved == f"{base}exercises/{NEW_SLUG}/#{anchor}"
    qr = answer.locator(".sheet-qr").get_attribute("data-url")
    assert qr == f"{SITE_URL}exercises/{NEW_SLUG}/#{anchor}"


@pytest.mark.parametrize(
    ("query", "names", "now"),
    [
        (
            f"?faq=heel-press/{MOVED_ID}",
            [NEW_NAME],
            [("faq", f"{NEW_SLUG}/{MOVED_ID}")],
        ),
        (
            f"?ex=heel-press&faq=heel-press/{MOVED_ID}&note=heel-press/3+x+30+s&ex={NEW_SLUG}",
            ["Heel Press", NEW_NAME],
            [
                ("ex", "heel-press"),
                ("note", "heel-press/3 x 30 s"),
                ("ex", NEW_SLUG),
                ("faq", f"{NEW_SLUG}/{MOVED_ID}"),
            ],
        ),
    ],
    ids=["new-exercise-joins-the-sheet", "new-exercise-already-on-the-sheet"],
)
def test_an_answer_that_moved_is_shown_under_its_new_exercise(
    context_page: Page, moved_sheet_site: str, query: str, names: list[str], now: list[Any]
) -> None:
    page = context_page
    requested = _requests(page)
    _sheet(page, moved_sheet_site, query)
    assert _names(page) == names
    new = page.locator(".sheet-exercise").nth(len(names) - 1)
    assert new.locator(".sheet-answer > summary").inner_text() == MOVED_QUESTION
    assert "If the heel lifts, the stance is too long" in new.locator(".sheet-answer").inner_text()
    _moved_answer_is_shown(page, moved_sheet_site)
    # Re-shared, the sheet names the answer's new place.
    assert _query(page) == now
    assert "moved to another exercise" in page.locator(".sheet-status").inner_text()
    assert requested.count(f"{moved_sheet_site}{MAP}") == 1


def test_an_answer_of_a_withdrawn_exercise_is_shown_where_it_moved(
    context_page: Page, moved_sheet_site: str
) -> None:
    page = context_page
    _sheet(page, moved_sheet_site, f"?faq={WITHDRAWN_SLUG}/knee-over-toes")
    assert _names(page) == [NEW_NAME]
    _moved_answer_is_shown(page, moved_sheet_site, FROM_WITHDRAWN)
    assert _query(page) == [("faq", f"{NEW_SLUG}/{FROM_WITHDRAWN}")]


@pytest.mark.parametrize("old", ["heel-press", RENAMED_SLUG])
def test_an_answer_that_moved_out_of_a_renamed_exercise_lands(
    context_page: Page, renamed_moved_sheet_site: str, old: str
) -> None:
    page = context_page
    _sheet(page, renamed_moved_sheet_site, f"?ex={old}&faq={old}/{MOVED_ID}")
    assert _names(page) == ["Heel Press", NEW_NAME]
    _moved_answer_is_shown(page, renamed_moved_sheet_site)
    assert _query(page) == [("ex", RENAMED_SLUG), ("faq", f"{NEW_SLUG}/{MOVED_ID}")]


def test_the_map_of_moved_anchors_is_read_only_for_an_entry_not_on_its_exercise(
    context_page: Page, moved_sheet_site: str
) -> None:
    page = context_page
    requested = _requests(page)
    _sheet(page, moved_sheet_site, f"?ex=heel-press&faq=heel-press/knee-angle&ex={NEW_SLUG}")
    page.wait_for_load_state("networkidle")
    assert [r for r in requested if r.endswith(MAP)] == []
    # An entry that is on no exercise, moved or not, stays unknown where the sheet put it.
    _sheet(page, moved_sheet_site, "?faq=heel-press/not-an-answer")
    assert _names(page) == ["Heel Press"]
    assert page.locator(".sheet-unknown").count() == 1
    assert requested.count(f"{moved_sheet_site}{MAP}") == 1


def test_a_saved_sheet_with_a_moved_answer_opens_offline_from_its_old_link(
    browser: Browser, moved_sheet_site: str
) -> None:
    context = browser.new_context(viewport=DESKTOP)
    try:
        page = context.new_page()
        old_link = f"{moved_sheet_site}sheet/?faq=heel-press/{MOVED_ID}"
        page.goto(old_link)
        page.wait_for_selector(READY)
        _save_offline(page)
        context.set_offline(True)
        page.goto("about:blank")
        page.goto(old_link)
        page.wait_for_selector(READY)
        assert _names(page) == [NEW_NAME]
        _moved_answer_is_shown(page, moved_sheet_site)
        page.goto(f"{moved_sheet_site}exercises/{NEW_SLUG}/")
        assert page.locator("h1").inner_text() == NEW_NAME
    finally:
        context.close()


def test_unknown_exercise_and_entry_show_as_such(
    context_page: Page, sheet_site: tuple[str, list[str]]
) -> None:
    base, _ = sheet_site
    page = context_page
    _sheet(page, base, "?ex=no-such-thing&ex=heel-press&faq=heel-press/not-an-answer&ex=..%2F..")
    assert _names(page) == [
        "Unknown exercise “no-such-thing”",
        "Heel Press",
        "Unknown exercise “../..”",
    ]
    unknown = page.locator(".sheet-unknown").all_inner_texts()
    assert unknown == ["Unknown answer “not-an-answer”: not on this exercise (any more)."]
    # Heel Press itself is whole.
    assert page.locator(".sheet-steps > li").count() == 8


def test_a_note_is_shown_as_typed(context_page: Page, sheet_site: tuple[str, list[str]]) -> None:
    base, _ = sheet_site
    page = context_page
    note = "<script>window.pwned = 1</script><b>3 × 30 s</b> & each side"
    page.goto(f"{base}sheet/?ex=heel-press")
    page.wait_for_selector(READY)
    page.locator(".sheet-note textarea").fill(note)
    assert ("note", f"heel-press/{note}") in _query(page)
    # The link reopened: the note arrives from the address, still text.
    page.goto(page.url)
    page.wait_for_selector(READY)
    shown = page.locator(".sheet-note-text")
    assert shown.text_content() == note
    assert page.locator(".sheet-note textarea").input_value() == note
    assert page.locator(".sheet-note b, .sheet-note script").count() == 0
    assert page.evaluate("window.pwned") is None


def test_reorder_remove_and_note_by_keyboard_update_the_address(
    context_page: Page, sheet_site: tuple[str, list[str]]
) -> None:
    base, slugs = sheet_site
    others = [s for s in slugs if s != "heel-press"]
    page = context_page
    faqs = "&".join(f"faq=heel-press/{a}" for a in ANSWERS)
    _sheet(page, base, f"?ex=heel-press&{faqs}&ex={others[0]}&ex={others[1]}")
    page.locator(".sheet-exercise").nth(1).locator(".sheet-head .sheet-up").focus()
    page.keyboard.press("Enter")
    assert [v for k, v in _query(page) if k == "ex"] == [others[0], "heel-press", others[1]]
    # Focus stays on the control that moved, so a second press moves it again.
    page.keyboard.press("Enter")
    assert [v for k, v in _query(page) if k == "ex"] == [others[0], "heel-press", others[1]]
    page.locator(".sheet-answer").nth(1).locator(".sheet-up").focus()
    page.keyboard.press("Space")
    assert [v for k, v in _query(page) if k == "faq"] == [f"heel-press/{a}" for a in ANSWERS[::-1]]
    page.locator(".sheet-exercise").nth(0).locator(".sheet-head .sheet-remove").focus()
    page.keyboard.press("Enter")
    assert [v for k, v in _query(page) if k == "ex"] == ["heel-press", others[1]]
    page.locator(".sheet-note textarea").first.focus()
    page.keyboard.type("hold 30 s")
    assert ("note", "heel-press/hold 30 s") in _query(page)


def test_without_javascript_the_sheet_says_what_to_do_and_adds_are_links(
    browser: Browser, sheet_site: tuple[str, list[str]]
) -> None:
    base, _ = sheet_site
    context = browser.new_context(viewport=DESKTOP, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{base}exercises/heel-press/")
        add = page.locator(f"details#{ANSWERS[0]} a.sheet-add")
        assert add.get_attribute("href") == f"../../sheet/?faq=heel-press/{ANSWERS[0]}"
        assert page.locator("a.sheet-link").is_hidden()
        failed: list[str] = []
        page.on("requestfailed", lambda request: failed.append(request.url))
        response = page.goto(f"{base}sheet/?faq=heel-press/{ANSWERS[0]}")
        assert response is not None
        assert response.ok
        notice = page.locator(".sheet-noscript")
        assert notice.is_visible()
        said = " ".join(notice.inner_text().split())
        assert "your browser is not running this site's scripts" in said
        assert "What you can do:" in said
        assert "“Copy as a list” and “Email the list”" in said
        assert "every exercise page, with its steps and answers, works without scripts" in said
        links = notice.locator("a")
        assert links.count() == 1
        assert links.inner_text() == "Exercises A–Z"
        assert links.get_attribute("href") == "../exercises/"
        # Nothing that needs a script shows: no tools, no empty list, no plain list.
        assert page.locator(".sheet-tools").is_hidden()
        assert page.locator(".sheet-plain").is_hidden()
        links.click()
        page.wait_for_url(f"{base}exercises/")
        assert page.locator("h1").inner_text() == "Exercises A–Z"
        assert failed == []
    finally:
        context.close()


NOTE = "<script>window.pwned = 1</script><b>3 × 30 s</b> & each side"


def test_copy_as_a_list_gives_plain_links_and_the_note_as_typed(
    browser: Browser, sheet_site: tuple[str, list[str]]
) -> None:
    base, slugs = sheet_site
    other = next(s for s in slugs if s != "heel-press")
    content = load_content(ROOT / "content", ROOT)
    record = content.by_slug["heel-press"]
    step = record.instructions[2]
    answer = next(f for f in record.faq if f.id == ANSWERS[0])
    context = browser.new_context(
        viewport=DESKTOP, permissions=["clipboard-read", "clipboard-write"]
    )
    try:
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        query = (
            f"?ex=heel-press&faq=heel-press/{answer.id}&step=heel-press/{step.id}"
            f"&note=heel-press/{quote(NOTE)}&ex={other}&faq={other}/not-an-answer"
        )
        _sheet(page, base, query)
        other_name = _names(page)[1]
        page.locator(".sheet-copy-list").click()
        expect(page.locator(".sheet-status")).to_contain_text("Copied the sheet as a list")
        copied = page.evaluate("navigator.clipboard.readText()")
        assert copied == "\n".join(
            [
                "Exercise sheet",
                "",
                "Heel Press",
                f"{SITE_URL}exercises/heel-press/",
                f"- Step 3: {step.text}",
                f"  {SITE_URL}exercises/heel-press/#step-{step.id}",
                f"- {answer.question}",
                f"  {SITE_URL}exercises/heel-press/#{answer.id}",
                f"Note: {NOTE}",
                "",
                other_name,
                f"{SITE_URL}exercises/{other}/",
                "",
            ]
        )
        # The same list to read, select and copy by hand, and to mail.
        plain = page.locator(".sheet-plain")
        plain.locator("summary").click()
        assert page.locator(".sheet-plain-text").input_value() == copied
        assert page.locator(".sheet-plain-text").get_attribute("readonly") is not None
        mail = page.locator("a.sheet-email")
        assert mail.inner_text() == "Email the list"
        href = mail.get_attribute("href") or ""
        assert href.startswith("mailto:?")
        fields = dict(parse_qsl(href.removeprefix("mailto:?")))
        assert fields == {"subject": "Exercise sheet", "body": copied.replace("\n", "\r\n")}
        # A note edited on the sheet is in the list at once, still as typed.
        page.locator(".sheet-note textarea").first.fill("hold <i>30 s</i>\nthen rest")
        listed = page.locator(".sheet-plain-text").input_value()
        assert "Note: hold <i>30 s</i>\nthen rest\n" in listed
        assert page.locator(".sheet-list i, .sheet-list script, .sheet-list b").count() == 0
        assert page.evaluate("window.pwned") is None
        assert errors == []
    finally:
        context.close()


def test_an_empty_sheet_offers_no_list(
    context_page: Page, sheet_site: tuple[str, list[str]]
) -> None:
    base, _ = sheet_site
    page = context_page
    _sheet(page, base, "")
    assert page.locator(".sheet-empty").is_visible()
    for control in (".sheet-copy-list", "a.sheet-email", ".sheet-share", ".sheet-plain"):
        assert page.locator(control).count() == 1, control
        assert page.locator(control).is_hidden(), control
    assert page.locator(".sheet-print").is_visible()


def _handout(page: Page, base: str, slugs: list[str]) -> list[str]:
    """Opens a sheet of three exercises, two answers and notes; the deep links it holds."""
    faqs = "&".join(f"faq=heel-press/{a}" for a in ANSWERS)
    others = [s for s in slugs if s != "heel-press"]
    query = f"?ex=heel-press&{faqs}&note=heel-press/3+%C3%97+30+s+each+side"
    query += "".join(f"&ex={s}&note={s}/2+rounds" for s in others)
    _sheet(page, base, query)
    expected = [f"{SITE_URL}exercises/{s}/" for s in ["heel-press", *others]]
    expected += [f"{SITE_URL}exercises/heel-press/#{a}" for a in ANSWERS]
    return expected


def test_the_printed_handout_fits_one_page_and_its_qr_codes_decode_to_the_deep_links(
    context_page: Page, sheet_site: tuple[str, list[str]], tmp_path: Path
) -> None:
    import zxingcpp
    from PIL import Image

    base, slugs = sheet_site
    page = context_page
    expected = _handout(page, base, slugs)
    pdf = tmp_path / "sheet.pdf"
    page.pdf(path=str(pdf), format="A4")
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = text.count("\f")
    assert pages == 1, f"the handout of three exercises is {pages} pages"
    record = load_content(ROOT / "content", ROOT).by_slug["heel-press"]
    flat = " ".join(text.split())
    for entry in (f for f in record.faq if f.id in ANSWERS):
        assert entry.question in flat
        assert " ".join(plain(entry.answer).split())[:60] in flat
    assert "3 × 30 s each side" in flat
    subprocess.run(["pdftoppm", "-png", "-r", "200", str(pdf), str(tmp_path / "p")], check=True)
    decoded = []
    for png in sorted(tmp_path.glob("p*.png")):
        decoded += [code.text for code in zxingcpp.read_barcodes(Image.open(png))]
    assert sorted(decoded) == sorted(expected)


def _save_offline(page: Page) -> dict[str, int]:
    page.locator(".sheet-offline").click()
    page.wait_for_selector("[data-offline-bytes]", timeout=30000)
    saved = page.locator("[data-sheet]")
    return {
        "bytes": int(saved.get_attribute("data-offline-bytes") or 0),
        "files": int(saved.get_attribute("data-offline-files") or 0),
    }


def test_a_saved_sheet_opens_whole_offline(
    browser: Browser, sheet_site: tuple[str, list[str]]
) -> None:
    base, slugs = sheet_site
    context = browser.new_context(viewport=DESKTOP)
    try:
        page = context.new_page()
        _handout(page, base, slugs)
        sheet_url = page.url
        saved = _save_offline(page)
        assert saved["files"] > 6
        print(f"offline cache of a sheet of three exercises: {saved}")
        context.set_offline(True)
        page.goto("about:blank")
        page.goto(sheet_url)
        page.wait_for_selector(READY)
        assert page.locator(".sheet-exercise.is-unknown").count() == 0
        assert len(_names(page)) == 3
        assert page.locator(".sheet-figure svg").count() >= 1
        assert page.locator(".sheet-answer").count() == 2
        assert page.locator(".sheet-qr").count() == 5
        # Its pages too, with the site's own styles.
        page.goto(f"{base}exercises/heel-press/")
        assert page.locator("h1").inner_text() == "Heel Press"
        styled = "[...document.styleSheets].some(s => s.href && s.href.endsWith('/site.css')"
        assert page.evaluate(f"{styled} && s.cssRules.length > 100)")
        # What was never saved is not there: the cache holds the sheet, not the site.
        with pytest.raises(PlaywrightError, match=r"net::ERR_(FAILED|INTERNET_DISCONNECTED)"):
            page.goto(f"{base}browse/")
    finally:
        context.close()


def test_nothing_is_fetched_from_another_origin(
    browser: Browser, sheet_site: tuple[str, list[str]]
) -> None:
    base, slugs = sheet_site
    context = browser.new_context(viewport=DESKTOP)
    requested: list[str] = []
    context.on("request", lambda request: requested.append(request.url))
    try:
        page = context.new_page()
        page.goto(f"{base}exercises/heel-press/")
        page.locator(".sheet-bar a.sheet-add").click()
        _handout(page, base, slugs)
        _save_offline(page)
        page.reload()
        page.wait_for_selector(READY)
        page.pdf()
    finally:
        context.close()
    assert requested
    foreign = [u for u in requested if not u.startswith(base) and not u.startswith("data:")]
    assert foreign == []
