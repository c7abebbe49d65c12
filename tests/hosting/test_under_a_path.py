"""A GitHub Pages project site: the site built for `http://127.0.0.1:<port>/exercise-reference/`
and served by nginx at that path (the server's root is a folder above the site), configured only
from what the build writes. Links, redirects, the 404 page, search and deep links stay under
the path."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest
from lxml import html as lxml_html
from playwright.sync_api import Page, expect

from ..conftest import build_site
from . import netlify
from .conftest import (
    RENAMED_SLUG,
    fetch,
    free_port,
    lands_open_below_the_header,
    renamed_project,
    start_nginx,
    stop_nginx,
)

BASE = "/exercise-reference/"
SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
LINKING = {"a": "href", "link": "href", "script": "src", "img": "src"}


@dataclass(frozen=True)
class Served:
    origin: str
    """The server's root, `http://127.0.0.1:<port>/`: no site there."""
    url: str
    """The site's address, the origin and the base path."""
    site: Path


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    # The port is in the site's address, so it is chosen before the build.
    port = free_port()
    origin = f"http://127.0.0.1:{port}/"
    site_url = urljoin(origin, BASE)
    project = renamed_project(tmp_path_factory.mktemp("under-a-path-project"))
    www = tmp_path_factory.mktemp("www")
    with pytest.MonkeyPatch.context() as patch:
        # As the Pages workflow sets it; `build_site` asserts `mkdocs build --strict` passes.
        patch.setenv("SITE_URL", site_url)
        built = build_site(project, www / BASE.strip("/"))
    workdir = tmp_path_factory.mktemp("nginx-under-a-path")
    process, _ = start_nginx(built.path, workdir, port=port, root=www)
    yield Served(origin, site_url, built.path)
    stop_nginx(process, workdir)


def sitemap_urls(served: Served) -> list[str]:
    tree = ET.fromstring(fetch(served.url + "sitemap.xml").body)
    return [loc.text or "" for loc in tree.findall("s:url/s:loc", SITEMAP_NS)]


def test_every_page_in_the_sitemap_answers_200(served: Served) -> None:
    urls = sitemap_urls(served)
    assert served.url + f"exercises/{RENAMED_SLUG}/" in urls
    assert served.url + "exercises/heel-press/" not in urls
    for url in urls:
        assert url.startswith(served.url), url
        answer = fetch(url)
        assert answer.status == 200, url
        assert answer.headers["Content-Type"] == "text/html; charset=utf-8"


def test_robots_names_the_sitemap_under_the_path(served: Served) -> None:
    robots = fetch(served.url + "robots.txt").text()
    assert f"Sitemap: {served.url}sitemap.xml" in robots


@pytest.mark.parametrize("old", ["exercises/heel-press/", "exercises/heel-press"])
def test_old_slug_answers_301_to_the_page_under_the_path(served: Served, old: str) -> None:
    answer = fetch(served.url + old)
    assert answer.status == 301
    assert answer.headers["Location"] == f"{BASE}exercises/{RENAMED_SLUG}/"
    assert fetch(urljoin(served.url, answer.headers["Location"])).status == 200


def test_missing_trailing_slash_redirects_under_the_path(served: Served) -> None:
    answer = fetch(served.url + f"exercises/{RENAMED_SLUG}")
    assert answer.status == 301
    assert answer.headers["Location"] == f"{BASE}exercises/{RENAMED_SLUG}/"


def test_host_configuration_is_not_served(served: Served) -> None:
    assert fetch(served.url + "_hosting/nginx.conf").status == 404


def test_the_redirect_page_leads_under_the_path(served: Served) -> None:
    """GitHub Pages reads no `_redirects`: the page left at the old slug sends readers on."""
    url = served.url + "exercises/heel-press/index.html"
    page = lxml_html.fromstring(fetch(url).text())
    (canonical,) = page.xpath("//link[@rel='canonical']/@href")
    assert canonical == served.url + f"exercises/{RENAMED_SLUG}/"
    (target,) = page.xpath("//a[@id='redirect-target']/@href")
    assert urljoin(url, target) == canonical
    for src in page.xpath("//script/@src"):
        assert fetch(urljoin(url, src)).status == 200, src


def test_canonical_and_copy_links_are_under_the_path(served: Served) -> None:
    url = served.url + f"exercises/{RENAMED_SLUG}/"
    page = lxml_html.fromstring(fetch(url).text())
    assert page.xpath("//link[@rel='canonical']/@href") == [url]
    copies = page.xpath("//button[@data-copy-url]/@data-copy-url")
    assert copies
    assert all(c.startswith(url + "#") for c in copies)


def internal_links(page_url: str, text: str, served: Served) -> set[str]:
    """Every address the page links to or fetches on the server, without its fragment."""
    page = lxml_html.fromstring(text)
    found = set()
    for tag, attribute in LINKING.items():
        for value in page.xpath(f"//{tag}/@{attribute}"):
            url = urldefrag(urljoin(page_url, value)).url
            if url.startswith(served.origin):
                found.add(url)
    return found


@pytest.mark.parametrize(
    "path", ["exercise-reference/nope", "exercise-reference/a/b/c/missing.html", "nope/"]
)
def test_the_404_page_links_work_at_any_depth(served: Served, path: str) -> None:
    """Under the path and outside it (`/nope/` on the same server): the styled 404 page, whose
    links, stylesheets and scripts all answer under the path."""
    url = served.origin + path
    answer = fetch(url)
    assert answer.status == 404
    text = answer.text()
    assert "Page not found" in text
    home = re.findall(r'<a href="([^"]+)">Go to the home page</a>', text)
    assert [urljoin(url, href) for href in home] == [served.url]
    links = internal_links(url, text, served)
    assert served.url + "exercises/" in links
    assert any(link.endswith(".css") for link in links)
    assert any(link.endswith(".js") for link in links)
    for link in sorted(links):
        assert link.startswith(served.url), link
        assert fetch(link).status == 200, link


def test_netlify_files_say_what_nginx_does(served: Served) -> None:
    """`_redirects` and `_headers` under the path against the running nginx."""
    redirects = netlify.parse_redirects((served.site / "_redirects").read_text())
    assert len(redirects) == 2
    for redirect in redirects:
        assert redirect.source.startswith(BASE)
        answer = fetch(urljoin(served.origin, redirect.source))
        assert (answer.status, answer.headers["Location"]) == (redirect.status, redirect.target)
    rules = netlify.parse_headers((served.site / "_headers").read_text())
    assert all(rule.path.startswith(BASE) for rule in rules)
    files = [p.relative_to(served.site).as_posix() for p in served.site.rglob("*") if p.is_file()]
    served_files = [f for f in files if not f.startswith(("_", "exercises/heel-press/"))]
    assert len(served_files) > 20
    for path in served_files:
        expected = netlify.nginx_headers_for(BASE + path, rules)
        got = fetch(served.url + path).headers
        assert ("Content-Security-Policy" in got) == path.endswith(".html"), path
        for name, value in expected.items():
            assert got[name] == value, (path, name)


def search(page: Page, query: str) -> None:
    page.locator("#find-query").fill(query)
    expect(page.locator(".find__results [role=option] .find__title").first).to_have_text(
        "Heel Press"
    )
    page.keyboard.press("Enter")


@pytest.mark.parametrize("path", ["", "exercises/", "browse/muscle/soleus/", "a/b/missing/"])
def test_search_finds_heel_press_under_the_path(
    served: Served, watched: tuple[Page, list[str]], path: str
) -> None:
    """From pages at every depth, the 404 page included: the index is fetched under the path,
    the result leads to the page under the path, and the CSP refuses nothing."""
    page, problems = watched
    page.goto(served.url + path, wait_until="networkidle")
    with page.expect_response(lambda r: r.url.startswith(served.url + "search/")) as index:
        search(page, "heel press")
    assert index.value.status == 200
    page.wait_for_url(served.url + f"exercises/{RENAMED_SLUG}/")
    expect(page.locator("h1")).to_have_text("Heel Press")
    assert page.evaluate("window.__cspViolations") == []
    # The 404 page is answered with its status, which the console reports.
    assert [p for p in problems if not (path == "a/b/missing/" and "404" in p)] == []


@pytest.mark.parametrize("through", ["301", "redirect page"])
def test_an_old_deep_link_lands_on_the_renamed_entry(
    served: Served, watched: tuple[Page, list[str]], through: str
) -> None:
    page, problems = watched
    old = "exercises/heel-press/" + ("" if through == "301" else "index.html")
    page.goto(served.url + old + "#heel-lift")
    page.wait_for_url(served.url + f"exercises/{RENAMED_SLUG}/#heel-rise")
    lands_open_below_the_header(page, "heel-rise")
    assert page.evaluate("window.__cspViolations") == []
    assert problems == []


def test_a_deep_link_lands(served: Served, watched: tuple[Page, list[str]]) -> None:
    page, problems = watched
    page.goto(served.url + f"exercises/{RENAMED_SLUG}/#heel-rise")
    lands_open_below_the_header(page, "heel-rise")
    assert urlsplit(page.url).path == f"{BASE}exercises/{RENAMED_SLUG}/"
    assert page.evaluate("window.__cspViolations") == []
    assert problems == []
