"""A withdrawn exercise behind the real nginx: its address answers 410 Gone with its tombstone
page, never indexed; the page it was replaced by and the moved answers still answer 200."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from ..conftest import BuiltSite, build_site, copy_project
from ..moves import NEW_NAME, NEW_SLUG, WITHDRAWN_NAME, WITHDRAWN_SLUG, moves_project
from . import netlify
from .conftest import Nginx, fetch, start_nginx, stop_nginx

GONE = f"exercises/{WITHDRAWN_SLUG}/"


@pytest.fixture(scope="module")
def withdrawn_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    project = moves_project(copy_project(tmp_path_factory.mktemp("withdrawn-project")))
    return build_site(project, tmp_path_factory.mktemp("withdrawn-site"))


@pytest.fixture(scope="module")
def gone_nginx(
    withdrawn_site: BuiltSite, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Nginx]:
    workdir = tmp_path_factory.mktemp("nginx-withdrawn")
    process, url = start_nginx(withdrawn_site.path, workdir)
    yield Nginx(url, withdrawn_site.path)
    stop_nginx(process, workdir)


@pytest.mark.parametrize("path", [GONE, GONE.rstrip("/"), f"{GONE}index.html"])
def test_a_withdrawn_exercise_answers_410_with_its_tombstone(gone_nginx: Nginx, path: str) -> None:
    answer = fetch(gone_nginx.url + path)
    assert answer.status == 410
    assert answer.headers["Content-Type"] == "text/html; charset=utf-8"
    assert answer.headers["X-Robots-Tag"] == "noindex"
    # The site's own headers too: a location that adds headers drops the server's.
    assert "default-src 'self'" in answer.headers["Content-Security-Policy"]
    assert answer.headers["X-Content-Type-Options"] == "nosniff"
    page = answer.text()
    assert f"<h1>{WITHDRAWN_NAME} was withdrawn</h1>" in page
    assert '<meta name="robots" content="noindex">' in page
    assert (
        f'Replaced by <a id="replaced-by" href="../../exercises/{NEW_SLUG}/">{NEW_NAME}</a>' in page
    )


def test_what_replaced_it_answers_200(gone_nginx: Nginx) -> None:
    assert fetch(gone_nginx.url + f"exercises/{NEW_SLUG}/").status == 200
    assert fetch(gone_nginx.url + "moved-anchors.json").status == 200


def test_the_tombstone_is_in_no_sitemap_search_or_list(withdrawn_site: BuiltSite) -> None:
    site = withdrawn_site.path
    assert (site / GONE / "index.html").is_file()
    assert GONE not in (site / "sitemap.xml").read_text()
    searched = [p for p in (site / "search").rglob("*") if p.is_file()]
    assert searched
    assert not [p for p in searched if WITHDRAWN_SLUG in p.read_text(errors="replace")]
    assert WITHDRAWN_SLUG not in (site / "exercises" / "index.html").read_text()
    for page in (site / "browse").rglob("*.html"):
        assert WITHDRAWN_SLUG not in page.read_text(), page
    for data in site.rglob("*.json"):
        if data.name != "moved-anchors.json":
            assert WITHDRAWN_NAME not in data.read_text(), data


def test_netlify_answers_the_withdrawn_page_as_nginx_does(gone_nginx: Nginx) -> None:
    redirects = netlify.parse_redirects((gone_nginx.site / "_redirects").read_text())
    gone = [r for r in redirects if r.status == 410]
    assert {r.source for r in gone} == {f"/{GONE}", f"/{GONE.rstrip('/')}", f"/{GONE}index.html"}
    assert {(r.target, r.force) for r in gone} == {(f"/{GONE}index.html", True)}
    rules = netlify.parse_headers((gone_nginx.site / "_headers").read_text())
    for path in (f"/{GONE}", f"/{GONE}index.html"):
        expected = netlify.headers_for(path, rules)
        assert expected["X-Robots-Tag"] == "noindex"
        got = fetch(gone_nginx.url + path.lstrip("/")).headers
        for name, value in expected.items():
            assert got[name] == value, (path, name)
