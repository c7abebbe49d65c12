"""A site served under a path (a GitHub Pages project site, `https://<user>.github.io/<repo>/`):
its links are internal when they lead under the path, broken when they leave it, and its host
files and every generator's build stay under it. nginx serving such a site: tests/hosting/."""

from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from lxml import html as lxml_html

from build_tools.checks.run import check_built_site
from build_tools.diagnostics import quoted
from build_tools.site.hosting import base_path
from build_tools.site.reader import Addresses, Ref
from build_tools.source.load import load_content

from .conftest import copy_project
from .corpus import build_small_site

SITE_URL = "https://example.github.io/exercise-reference/"
HOME = "exercises/heel-press/index.html"


@pytest.mark.parametrize(
    ("url", "path"),
    [
        (SITE_URL + "exercises/heel-press/", "exercises/heel-press"),
        (SITE_URL, "."),
        (SITE_URL.rstrip("/"), "."),
        (SITE_URL + "sitemap.xml", "sitemap.xml"),
        ("/exercise-reference/exercises/", "exercises"),
        ("/exercise-reference", "."),
        ("../../assets/site.css", "assets/site.css"),
    ],
)
def test_links_under_the_path_are_internal(url: str, path: str) -> None:
    """Each leads to its path below the site root (`.` is the home page)."""
    ref = Addresses(SITE_URL).ref(HOME, url, True)
    assert ref is not None
    assert ref.path == path


@pytest.mark.parametrize("site_url", [SITE_URL, SITE_URL.rstrip("/")])
def test_a_fragment_on_an_absolute_link_is_kept(site_url: str) -> None:
    ref = Addresses(site_url).ref(HOME, SITE_URL + "exercises/heel-press/#heel-lift", True)
    assert ref == Ref("exercises/heel-press", True, "heel-lift", True)


@pytest.mark.parametrize(
    "url", ["/exercises/heel-press/", "/", "/exercise-referencex/", "/other-project/"]
)
def test_root_relative_links_outside_the_path_lead_nowhere(url: str) -> None:
    """On the server they leave the site: to the user's own site or another project."""
    ref = Addresses(SITE_URL).ref(HOME, url, True)
    assert ref is not None
    assert ref.path is None


@pytest.mark.parametrize(
    "url",
    [
        "https://example.github.io/",
        "https://example.github.io/other-project/",
        "https://example.github.io/exercise-referencex/",
    ],
)
def test_absolute_links_to_other_sites_of_the_host_are_external(url: str) -> None:
    assert Addresses(SITE_URL).ref(HOME, url, True) is None


def test_at_the_server_root_the_home_page_answers_with_or_without_slash() -> None:
    addresses = Addresses("https://exercises.example.org/")
    assert addresses.ref(HOME, "/exercises/", True) == Ref("exercises", True, "", True)
    for home in ("/", "https://exercises.example.org/", "https://exercises.example.org"):
        assert addresses.ref(HOME, home, True) == Ref(".", False, "", True)
    assert addresses.ref(HOME, "https://exercises.example.org.evil/", True) is None


@pytest.mark.parametrize(
    ("site_url", "base"),
    [
        ("https://example.github.io/exercise-reference/", "/exercise-reference/"),
        ("https://example.github.io/exercise-reference", "/exercise-reference/"),
        ("https://exercises.example.org/", "/"),
        ("https://exercises.example.org", "/"),
        ("/", "/"),
    ],
)
def test_base_path(site_url: str, base: str) -> None:
    assert base_path(site_url) == base


LINKS_UNDER_THE_PATH = """<li><a href="{site}exercises/heel-press/#heel-lift">Absolute</a></li>
<li><a href="/exercise-reference/exercises/heel-press/">Root-relative</a></li>
<li><a href="{site}">Home</a></li>
<li><a href="{site}exercises/heel-pres/">Misspelt, absolute</a></li>
<li><a href="/exercises/heel-press/">Root-relative without the path</a></li>
<li><a href="/exercise-reference/exercises/heel-pres/">Misspelt, root-relative</a></li>
</ul>"""


def test_the_site_checks_accept_links_under_the_path_and_find_broken_ones(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    build_small_site(project)
    index = project / "site" / "index.html"
    index.write_text(
        index.read_text().replace("</ul>", LINKS_UNDER_THE_PATH.format(site=SITE_URL), 1)
    )
    content = load_content(project / "content", project)
    pages = {e.slug: f"exercises/{e.slug}/index.html" for e in content.exercises}
    found = check_built_site(project / "site", "site", content, pages, SITE_URL)
    assert [d.format() for d in found if d.code.startswith("H10")] == [
        f"site/index.html:16:5: H104 link {quoted(SITE_URL + 'exercises/heel-pres/')} leads to no page or "
        "file of the site",
        "site/index.html:17:5: H104 link '/exercises/heel-press/' leads to no page or file of "
        "the site",
        "site/index.html:18:5: H104 link '/exercise-reference/exercises/heel-pres/' leads to no "
        "page or file of the site",
    ]


def test_zensical_builds_a_site_under_a_path(tmp_path: Path) -> None:
    """`python -m build_tools build --with zensical` for a project site: it passes its built-site
    checks, and its sitemap, canonical links and 404 page are under the path."""
    project = copy_project(tmp_path / "project")
    site = tmp_path / "site"
    done = subprocess.run(
        [sys.executable, "-m", "build_tools", "build", "--with", "zensical", "-d", str(site)],
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": SITE_URL},
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "H104" not in done.stdout + done.stderr
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    tree = ET.fromstring((site / "sitemap.xml").read_bytes())
    locations = [loc.text or "" for loc in tree.findall("s:url/s:loc", namespace)]
    assert SITE_URL + "exercises/heel-press/" in locations
    assert all(loc.startswith(SITE_URL) for loc in locations)
    page = lxml_html.fromstring((site / HOME).read_bytes())
    assert page.xpath("//link[@rel='canonical']/@href") == [SITE_URL + "exercises/heel-press/"]
    missing = lxml_html.fromstring((site / "404.html").read_bytes())
    # Served for any missing address, at any depth: every link is absolute under the path.
    written = missing.xpath("//a/@href | //link/@href | //script/@src | //form/@data-find-root")
    resolved = [urljoin(SITE_URL + "a/b/c/", address) for address in written]
    on_the_host = [url for url in resolved if urlsplit(url).netloc == urlsplit(SITE_URL).netloc]
    assert SITE_URL + "exercises/" in on_the_host
    assert SITE_URL in on_the_host  # the search's root
    assert [url for url in on_the_host if not url.startswith(SITE_URL)] == []
    assert "Sitemap: " + SITE_URL + "sitemap.xml" in (site / "robots.txt").read_text()
