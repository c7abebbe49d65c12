"""The built site behind a real nginx, configured only from what the build writes."""

from __future__ import annotations

import gzip
import re
import xml.etree.ElementTree as ET
from urllib.parse import urljoin

import pytest

from . import netlify
from .conftest import RENAMED_SLUG, Nginx, fetch

SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
SITE_URL = "https://exercises.example.org/"


def sitemap_paths(nginx: Nginx) -> list[str]:
    tree = ET.fromstring(fetch(nginx.url + "sitemap.xml").body)
    urls = [loc.text or "" for loc in tree.findall("s:url/s:loc", SITEMAP_NS)]
    assert all(u.startswith(SITE_URL) for u in urls)
    return [u.removeprefix(SITE_URL) for u in urls]


def test_every_page_in_the_sitemap_answers_200(nginx: Nginx) -> None:
    paths = sitemap_paths(nginx)
    assert f"exercises/{RENAMED_SLUG}/" in paths
    assert "exercises/heel-press/" not in paths  # a redirect is not a page
    for path in paths:
        answer = fetch(nginx.url + path)
        assert answer.status == 200, path
        assert answer.headers["Content-Type"] == "text/html; charset=utf-8"


def test_robots_names_the_sitemap(nginx: Nginx) -> None:
    assert f"Sitemap: {SITE_URL}sitemap.xml" in fetch(nginx.url + "robots.txt").text()


def test_missing_trailing_slash_redirects(nginx: Nginx) -> None:
    answer = fetch(nginx.url + f"exercises/{RENAMED_SLUG}")
    assert answer.status == 301
    assert answer.headers["Location"] == f"/exercises/{RENAMED_SLUG}/"


@pytest.mark.parametrize("path", ["nope", "exercises/nope/", "a/b/c/d/missing.html"])
def test_unknown_path_gets_the_styled_404_page(nginx: Nginx, path: str) -> None:
    answer = fetch(nginx.url + path)
    assert answer.status == 404
    page = answer.text()
    assert "Page not found" in page
    home_links = re.findall(r'<a href="([^"]+)">Go to the home page</a>', page)
    assert [urljoin(nginx.url + path, href) for href in home_links] == [nginx.url]
    assert 'name="q"' in page  # the search form
    stylesheets = re.findall(r'<link rel="stylesheet" href="([^"]+)"', page)
    assert stylesheets
    for href in stylesheets:
        assert href.startswith("/"), href
        assert fetch(nginx.url + href.lstrip("/")).status == 200
    scripts = re.findall(r'<script(?: defer)? src="([^"]+)"', page)
    assert scripts
    assert all(fetch(nginx.url + s.lstrip("/")).status == 200 for s in scripts)


@pytest.mark.parametrize("old", ["exercises/heel-press/", "exercises/heel-press"])
def test_old_slug_answers_301_to_the_new_page(nginx: Nginx, old: str) -> None:
    answer = fetch(nginx.url + old)
    assert answer.status == 301
    assert answer.headers["Location"] == f"/exercises/{RENAMED_SLUG}/"


def test_host_configuration_is_not_served(nginx: Nginx) -> None:
    assert fetch(nginx.url + "_hosting/nginx.conf").status == 404


def _asset(nginx: Nginx, pattern: str) -> str:
    """A file of the site whose path below its root matches `pattern`."""
    files = (p.relative_to(nginx.site).as_posix() for p in nginx.site.rglob("*") if p.is_file())
    (found,) = [path for path in files if re.search(pattern, path)]
    return found


@pytest.mark.parametrize("kind", ["html", "css", "js"])
def test_text_is_gzip_compressed_at_level_6(nginx: Nginx, kind: str) -> None:
    """No larger than zlib's level 6 makes it (give or take the header): nginx's default level
    1 leaves the page's files a fifth larger."""
    path = {
        "html": f"exercises/{RENAMED_SLUG}/",
        "css": "assets/stylesheets/site.css",
        "js": "assets/javascripts/find-core.js",
    }[kind]
    answer = fetch(nginx.url + path, gzip_ok=True)
    assert answer.status == 200
    assert answer.headers["Content-Encoding"] == "gzip"
    plain = answer.text().encode("utf-8")
    at_level_1, at_level_6 = len(gzip.compress(plain, 1)), len(gzip.compress(plain, 6))
    assert at_level_6 < at_level_1 - 32  # the levels differ enough for the test to tell
    assert len(answer.body) <= at_level_6 + 16


def test_cache_headers(nginx: Nginx) -> None:
    html = fetch(nginx.url + f"exercises/{RENAMED_SLUG}/")
    assert html.headers["Cache-Control"] == "public, max-age=0, must-revalidate"
    css = fetch(nginx.url + _asset(nginx, r"^assets/stylesheets/main\.[0-9a-f]+\.min\.css$"))
    assert css.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    # Written anew by every build under the same name: revalidated.
    own_css = fetch(nginx.url + "assets/stylesheets/site.css")
    assert own_css.headers["Cache-Control"] == "public, max-age=0, must-revalidate"


PAGES = ["", f"exercises/{RENAMED_SLUG}/", f"exercises/{RENAMED_SLUG}/index.html", "nope/"]
NOT_PAGES = [
    "assets/favicon.svg",
    "assets/images/favicon.png",
    "assets/stylesheets/find.css",
    "assets/javascripts/find.js",
    "search/meta.json",
    "sitemap.xml",
    "robots.txt",
]


@pytest.mark.parametrize("path", [*PAGES, *NOT_PAGES, "exercises/heel-press/", "_hosting/x"])
def test_security_headers_on_every_response(nginx: Nginx, path: str) -> None:
    headers = fetch(nginx.url + path).headers
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert headers["X-Frame-Options"] == "DENY"


@pytest.mark.parametrize("path", [*PAGES, "_hosting/nginx.conf"])
def test_every_page_has_the_content_security_policy(nginx: Nginx, path: str) -> None:
    answer = fetch(nginx.url + path)
    assert answer.headers["Content-Type"] == "text/html; charset=utf-8"
    csp = answer.headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp
    assert "'unsafe-inline'" not in csp
    assert "'unsafe-eval'" not in csp
    assert re.search(r"script-src 'self'( 'sha256-[A-Za-z0-9+/]+=*')+;", csp)


@pytest.mark.parametrize("path", NOT_PAGES)
def test_no_content_security_policy_but_with_a_page(nginx: Nginx, path: str) -> None:
    answer = fetch(nginx.url + path, gzip_ok=True)
    assert answer.status == 200
    assert not answer.headers["Content-Type"].startswith("text/html")
    assert "Content-Security-Policy" not in answer.headers


def test_fingerprinted_files_have_no_content_security_policy(nginx: Nginx) -> None:
    answer = fetch(nginx.url + _asset(nginx, r"^assets/stylesheets/main\.[0-9a-f]+\.min\.css$"))
    assert answer.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert answer.headers["X-Content-Type-Options"] == "nosniff"
    assert "Content-Security-Policy" not in answer.headers


def test_netlify_files_say_what_nginx_does(nginx: Nginx) -> None:
    """`_redirects` and `_headers` against the running nginx: the same redirects, and for every
    file of the site the same headers, but for the content security policy, which a host that
    matches paths only sends with every file and nginx only with a page."""
    redirects = netlify.parse_redirects((nginx.site / "_redirects").read_text())
    assert len(redirects) == 2
    for redirect in redirects:
        answer = fetch(nginx.url + redirect.source.lstrip("/"))
        assert (answer.status, answer.headers["Location"]) == (redirect.status, redirect.target)
    rules = netlify.parse_headers((nginx.site / "_headers").read_text())
    files = [p.relative_to(nginx.site).as_posix() for p in nginx.site.rglob("*") if p.is_file()]
    # Host configuration is not served, and nginx answers the old slug's page with its 301.
    served = [f for f in files if not f.startswith(("_", "exercises/heel-press/"))]
    assert len(served) > 20
    for path in served:
        expected = netlify.nginx_headers_for("/" + path, rules)
        got = fetch(nginx.url + path).headers
        assert ("Content-Security-Policy" in got) == path.endswith(".html"), path
        for name, value in expected.items():
            assert got[name] == value, (path, name)
