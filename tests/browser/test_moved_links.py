"""A coach's link to an answer that moved to another exercise lands on it there, open: from the
old page and from a withdrawn page's tombstone, through the map of moved anchors, which the
page script fetches only for an id that is not on the page; without JavaScript, the old
fragment lands on a plain link to the new place."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Page

from ..conftest import build_site, copy_project
from ..moves import FROM_WITHDRAWN, MOVED_ID, NEW_NAME, NEW_SLUG, WITHDRAWN_SLUG, moves_project
from .conftest import DESKTOP, PHONE, serve
from .test_deep_links import MEASURE, assert_in_view

OLD_PAGE = "exercises/heel-press/"
NEW_PAGE = f"exercises/{NEW_SLUG}/"
MAP = "moved-anchors.json"


@pytest.fixture(scope="module")
def moved_site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    project = moves_project(copy_project(tmp_path_factory.mktemp("moved")))
    with serve(build_site(project, project / "site").path) as url:
        yield url


@pytest.fixture
def visit(open_page: Any) -> Any:
    """Opens a URL in a fresh context; gives the page and the URLs of what it requested."""

    def opener(url: str, viewport: dict[str, int] = DESKTOP, **options: Any) -> Any:
        requested: list[str] = []
        return open_page(url, viewport, requested=requested, **options), requested

    return opener


def landed_on(page: Page, url: str, anchor: str) -> dict[str, Any]:
    page.wait_for_url(url)
    page.wait_for_function(
        "(id) => document.getElementById(id).classList.contains('is-deep-link-target')", arg=anchor
    )
    return page.evaluate(MEASURE, anchor)


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_an_answer_moved_to_another_exercise_lands_there_open(
    visit: Any, moved_site_url: str, viewport: dict[str, int]
) -> None:
    page, requested = visit(f"{moved_site_url}{OLD_PAGE}#{MOVED_ID}", viewport)
    where = landed_on(page, f"{moved_site_url}{NEW_PAGE}#{MOVED_ID}", MOVED_ID)
    assert where["open"] is True
    assert_in_view(where)
    assert page.locator(f"[id='{MOVED_ID}'] .faq-answer").is_visible()
    assert requested.count(f"{moved_site_url}{MAP}") == 1


def test_an_answer_of_a_withdrawn_exercise_lands_where_it_moved(
    visit: Any, moved_site_url: str
) -> None:
    page, _ = visit(f"{moved_site_url}exercises/{WITHDRAWN_SLUG}/#knee-over-toes")
    where = landed_on(page, f"{moved_site_url}{NEW_PAGE}#{FROM_WITHDRAWN}", FROM_WITHDRAWN)
    assert where["open"] is True
    assert_in_view(where)


@pytest.mark.parametrize("url", [f"{OLD_PAGE}#knee-angle", f"{NEW_PAGE}#{MOVED_ID}", OLD_PAGE])
def test_the_map_is_never_fetched_for_an_id_on_the_page(
    visit: Any, moved_site_url: str, url: str
) -> None:
    page, requested = visit(moved_site_url + url)
    if "#" in url:
        anchor = url.split("#")[1]
        page.wait_for_function(
            "(id) => document.getElementById(id).classList.contains('is-deep-link-target')",
            arg=anchor,
        )
    page.wait_for_load_state("networkidle")
    assert page.url == moved_site_url + url
    assert [r for r in requested if r.endswith(MAP)] == []


def test_without_javascript_the_old_link_lands_on_a_link_to_the_new_place(
    visit: Any, moved_site_url: str
) -> None:
    page, requested = visit(f"{moved_site_url}{OLD_PAGE}#{MOVED_ID}", java_script_enabled=False)
    assert page.url == f"{moved_site_url}{OLD_PAGE}#{MOVED_ID}"
    target = page.locator(":target")
    assert target.evaluate("(e) => e.tagName") == "A"
    assert target.is_visible()
    assert (
        target.inner_text() == f"“Should my rear heel ever lift off the floor?” moved to {NEW_NAME}"
    )
    box = target.bounding_box()
    assert box is not None
    assert 0 <= box["y"] <= DESKTOP["height"] - box["height"]
    target.click()
    page.wait_for_url(f"{moved_site_url}{NEW_PAGE}#{MOVED_ID}")
    assert page.locator(f"[id='{MOVED_ID}'] summary").is_visible()
    assert [r for r in requested if r.endswith(MAP)] == []
