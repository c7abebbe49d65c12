"""Same site, three generators: `python -m build_tools build --with mkdocs|properdocs|zensical`
gives the same pages, ids, exercise text, search index and host files, with every check."""

from __future__ import annotations

import gzip
import hashlib
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree
from lxml import html as lxml_html

from build_tools.build.generators import GENERATORS, ZENSICAL_CONFIG
from build_tools.build.site_build import GENERATED_SOURCES
from build_tools.site import hosting
from build_tools.site.catalog import EDITORS_SECTIONS

from .conftest import ROOT, copy_project
from .hosting.netlify import parse_headers


def build(project: Path, generator: str, site: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "build_tools", "build", "--with", generator, "-d", str(site)],
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The project built once with each generator, each from its own copy."""
    built = {}
    for generator in GENERATORS:
        project = copy_project(tmp_path_factory.mktemp(f"project-{generator}"))
        site = project / "site"
        done = build(project, generator, site)
        assert done.returncode == 0, done.stdout + done.stderr
        built[generator] = site
    return built


def files(site: Path, pattern: str = "**/*") -> dict[str, Path]:
    return {p.relative_to(site).as_posix(): p for p in site.glob(pattern) if p.is_file()}


def pages(site: Path) -> set[str]:
    return set(files(site, "**/*.html"))


def exercise_articles(site: Path) -> dict[str, etree._Element]:
    found = {}
    for uri, path in files(site, "exercises/*/index.html").items():
        articles = lxml_html.fromstring(path.read_bytes()).cssselect("article.exercise")
        if articles:  # the redirect page of an old slug has none
            found[uri] = articles[0]
    return found


def digest(paths: dict[str, Path]) -> dict[str, str]:
    return {uri: hashlib.sha256(p.read_bytes()).hexdigest() for uri, p in paths.items()}


OTHERS = [g for g in GENERATORS if g != "mkdocs"]
THEME_IDS = {"zensical": {"__skip"}}
"""Ids only one theme's chrome carries: Zensical's skip link lands on an anchor of its own."""


@pytest.mark.parametrize("generator", OTHERS)
def test_the_same_page_urls(sites: dict[str, Path], generator: str) -> None:
    assert "exercises/heel-press/index.html" in pages(sites["mkdocs"])
    assert pages(sites[generator]) == pages(sites["mkdocs"])


@pytest.mark.parametrize("generator", OTHERS)
def test_the_same_ids_and_text_on_every_exercise_page(
    sites: dict[str, Path], generator: str
) -> None:
    ours, theirs = exercise_articles(sites["mkdocs"]), exercise_articles(sites[generator])
    assert ours.keys() == theirs.keys() == {"exercises/heel-press/index.html"}
    for uri, article in ours.items():
        page = lxml_html.fromstring((sites[generator] / uri).read_bytes())
        mine = lxml_html.fromstring((sites["mkdocs"] / uri).read_bytes())
        ids = set(page.xpath("//@id")) - THEME_IDS.get(generator, set())
        assert ids == set(mine.xpath("//@id"))
        assert etree.tostring(theirs[uri], with_tail=False) == etree.tostring(
            article, with_tail=False
        )


@pytest.mark.parametrize("generator", OTHERS)
def test_the_same_search_index_and_browse_data(sites: dict[str, Path], generator: str) -> None:
    for folder in ("search/**/*", "browse/data/**/*"):
        ours = digest(files(sites["mkdocs"], folder))
        assert ours
        assert digest(files(sites[generator], folder)) == ours


SITEMAP = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
SITE_URL = "https://exercises.example.org/"
"""`site_url` of mkdocs.yml, which the builds of `sites` keep (no `SITE_URL` in their
environment)."""


@pytest.mark.parametrize("generator", GENERATORS)
def test_the_sitemap_lists_every_readers_page_and_no_editors_page(
    sites: dict[str, Path], generator: str
) -> None:
    site = sites[generator]
    written = (site / "sitemap.xml").read_bytes()
    locations = [
        loc.text or "" for loc in etree.fromstring(written).iterfind("s:url/s:loc", SITEMAP)
    ]
    assert all(loc.startswith(SITE_URL) for loc in locations)
    listed = [loc.removeprefix(SITE_URL) for loc in locations]
    assert len(listed) == len(set(listed))
    every = {uri.removesuffix("index.html") for uri in pages(site)} - {"404.html"}
    editors = {url for url in every if url.split("/")[0] in EDITORS_SECTIONS}
    assert {"editors/", "reference/checks/", "publishing/", "benchmark/"} <= editors
    # The sheet with no query is an empty tool page: its script fills it from its link.
    assert set(listed) == every - editors - {"sheet/"}
    assert {"", "exercises/", "exercises/heel-press/", "browse/muscle/soleus/"} <= set(listed)
    if generator == "zensical":  # Zensical gzips no sitemap
        assert not (site / "sitemap.xml.gz").exists()
    else:
        assert gzip.decompress((site / "sitemap.xml.gz").read_bytes()) == written


KIND_PAGES = {
    "index.html": [],
    "exercises/index.html": [],
    "browse/muscle/soleus/index.html": [],
    "404.html": [],
    "browse/index.html": ["browse.js"],
    "exercises/heel-press/index.html": ["deep-links.js", "media.js", "sheet.js"],
}
"""Pages of each kind, and the scripts of ours each loads besides the theme's and the search's."""


@pytest.mark.parametrize("generator", GENERATORS)
def test_each_page_loads_only_its_own_scripts_deferred(
    sites: dict[str, Path], generator: str
) -> None:
    for uri, own in KIND_PAGES.items():
        page = lxml_html.fromstring((sites[generator] / uri).read_bytes())
        scripts = page.xpath("//script[@src]")
        assert all(s.get("defer") is not None for s in scripts), uri
        names = [s.get("src").rpartition("/")[2] for s in scripts]
        # The theme's bundle is not among them, whichever generator's theme wrote the page.
        assert names == ["theme.js", "find-core.js", "find.js", *own], uri


def _rules(site: Path) -> list[tuple[str, tuple[tuple[str, str], ...]]]:
    """The header rules of `_headers`, with what depends on the theme's own files taken out:
    the hashes of its inline scripts in the CSP and the fingerprinted names of its bundles."""
    rules = []
    for rule in parse_headers((site / "_headers").read_text()):
        if not hosting.FINGERPRINTED.search(rule.path):
            headers = [(name, re.sub(r" 'sha256-[^']+'", "", v)) for name, v in rule.headers]
            rules.append((rule.path, tuple(headers)))
    return rules


@pytest.mark.parametrize("generator", OTHERS)
def test_the_same_host_files(sites: dict[str, Path], generator: str) -> None:
    ours, theirs = sites["mkdocs"], sites[generator]
    for name in ("_redirects", "robots.txt"):
        assert (theirs / name).read_bytes() == (ours / name).read_bytes()
    assert _rules(theirs) == _rules(ours)
    # Every inline script of the pages is allowed by hash, whichever theme wrote it.
    csp = dict(parse_headers((theirs / "_headers").read_text())[0].headers)[
        "Content-Security-Policy"
    ]
    assert "'unsafe-inline'" not in csp
    assert "'sha256-" in csp


def test_a_build_for_zensical_leaves_no_generated_file(sites: dict[str, Path]) -> None:
    project = sites["zensical"].parent
    for folder in GENERATED_SOURCES:
        assert not (project / "docs" / folder).exists()
    assert not (project / ZENSICAL_CONFIG).exists()
    assert [p.name for p in project.iterdir() if p.name.startswith(".build-")] == []


def test_the_generated_sources_are_git_ignored() -> None:
    ignored = (ROOT / ".gitignore").read_text().splitlines()
    for folder in GENERATED_SOURCES:
        assert f"/docs/{folder}/" in ignored
    assert f"/{ZENSICAL_CONFIG}" in ignored


def snapshot(site: Path) -> dict[str, str]:
    return digest(files(site))


@pytest.mark.parametrize("generator", GENERATORS)
def test_a_record_with_a_problem_leaves_the_previous_site(tmp_path: Path, generator: str) -> None:
    project = copy_project(tmp_path / "project")
    site = project / "site"
    assert build(project, generator, site).returncode == 0
    before = snapshot(site)
    record = project / "content" / "heel-press.yaml"
    record.write_text(record.read_text().replace("equipment: [wall,", "equipment: [wal,"))
    done = build(project, generator, site)
    assert done.returncode == 1
    assert "C201" in done.stdout + done.stderr
    assert "is left as it was" in done.stdout + done.stderr
    assert snapshot(site) == before


def test_a_zensical_failure_leaves_the_previous_site(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    site = project / "site"
    assert build(project, "zensical", site).returncode == 0
    before = snapshot(site)
    override = project / "templates" / "theme" / "main.html"
    override.write_text(
        override.read_text() + "\n{% block content %}{{ no_such.value }}{% endblock %}"
    )
    done = build(project, "zensical", site)
    assert done.returncode == 2, done.stdout + done.stderr
    assert snapshot(site) == before
    assert not (project / "docs" / "exercises").exists()


@pytest.mark.parametrize("generator", GENERATORS)
def test_the_built_site_checks_run_on_what_each_generator_wrote(
    tmp_path: Path, generator: str
) -> None:
    project = copy_project(tmp_path / "project")
    home = project / "docs" / "index.md"
    # Raw HTML: no generator checks its links; the built-site check (H104) does.
    home.write_text(home.read_text() + '\n<p><a href="nowhere/">Nowhere</a></p>\n')
    site = project / "site"
    done = build(project, generator, site)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "index.html:" in done.stdout + done.stderr
    assert "H104 link 'nowhere/' leads to no page or file of the site" in done.stdout + done.stderr
    assert not site.exists()
