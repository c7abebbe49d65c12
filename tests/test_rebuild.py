"""Rebuilds: `mkdocs serve --dirty` rewrites only the pages an edit changed, and the caches that
make builds fast change nothing in the output."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from build_tools.speed import theme

from .bench.corpus import load_corpus, write_project
from .conftest import copy_project, serve_build


@pytest.fixture
def quiet() -> Iterator[None]:
    logger = logging.getLogger("mkdocs")
    level = logger.level
    logger.setLevel(logging.ERROR)
    yield
    logger.setLevel(level)


def _pages(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*.html"))}


def test_an_edit_rewrites_only_the_pages_it_changes(tmp_path: Path, quiet: None) -> None:
    project = write_project(tmp_path / "project", 40, load_corpus())
    site = tmp_path / "site"
    serve_build(project, site, dirty=True)
    before = {p: (site / p).stat().st_mtime_ns for p in _pages(site)}
    record = project / "content" / "pullups.yaml"
    text = record.read_text()
    record.write_text(text.replace("summary: A beginner", "summary: An edited beginner", 1))
    serve_build(project, site, dirty=True)
    after = {p: (site / p).stat().st_mtime_ns for p in _pages(site)}
    rewritten = sorted(p for p in after if after[p] != before[p])
    # The page itself, and the pages that list the exercise with its summary: its browse pages
    # and the A–Z index.
    assert "exercises/pullups/index.html" in rewritten
    assert "exercises/barbell-squat/index.html" not in rewritten
    # MkDocs always rewrites its 404 page.
    always = {"404.html"}
    listing = ("exercises/pullups/", "browse/", "exercises/index.html")
    assert [p for p in rewritten if not p.startswith(listing)] == sorted(always)
    assert len(rewritten) < len(after) / 3
    page = (site / "exercises/pullups/index.html").read_text()
    assert "An edited beginner strength exercise" in page


def test_a_dirty_rebuild_makes_the_same_site_as_a_clean_build(
    tmp_path: Path, quiet: None
) -> None:
    project = write_project(tmp_path / "project", 40, load_corpus())
    dirty, clean = tmp_path / "dirty", tmp_path / "clean"
    serve_build(project, dirty, dirty=True)
    record = project / "content" / "farmers-walk.yaml"
    record.write_text(record.read_text().replace("name: Farmer's Walk", "name: Farmer's Carry"))
    serve_build(project, dirty, dirty=True)
    serve_build(project, clean, dirty=False)
    differ = [p for p, b in _pages(clean).items() if _pages(dirty).get(p) != b]
    # Dirty builds never rewrite an unchanged hand-written page; nothing of ours differs.
    assert [p for p in differ if p != "index.html"] == []
    search = sorted((clean / "search").rglob("*.json"))
    assert [p.read_bytes() for p in search] == [
        (dirty / p.relative_to(clean)).read_bytes() for p in search
    ]


def _search_urls(site: Path) -> set[str]:
    """The address of every entry of the built search index (`d/` holds `[title, url, context]`)."""
    return {
        entry[1]
        for chunk in (site / "search" / "d").glob("*.json")
        for entry in json.loads(chunk.read_text("utf-8"))
    }


def test_a_deleted_page_leaves_the_site_and_the_search_index(tmp_path: Path, quiet: None) -> None:
    project = copy_project(tmp_path / "project")
    site = tmp_path / "site"
    # A readers' page (the editors' pages are never in the readers' index).
    (project / "docs" / "about.md").write_text("# About\n\nWho writes the reference.\n")
    config = project / "mkdocs.yml"
    nav = "      - About: about.md\n"
    config.write_text(
        config.read_text().replace(
            "  - Browse: browse/index.md\n", "  - Browse: browse/index.md\n  - Readers:\n" + nav
        )
    )
    serve_build(project, site, dirty=True)
    assert "about/" in _search_urls(site)
    # As an editor deletes a page: its file, and its place in the navigation.
    (project / "docs" / "about.md").unlink()
    config.write_text(config.read_text().replace("  - Readers:\n" + nav, ""))
    serve_build(project, site, dirty=True)
    # The page is gone from the site as from the sources, though the build was dirty.
    assert not (site / "about").exists()
    assert [url for url in _search_urls(site) if url.startswith("about/")] == []
    assert "browse/" in _search_urls(site)


def _install_without_sharing(self: theme.SharedParts, env: object) -> None:
    env.globals.update(  # type: ignore[attr-defined]
        nav_cache_key=self.nav_key,
        toc_key=lambda page: None,
        nav_cache=self.html,
        remember_nav=self.remember,
        same_per_depth=lambda name, render: render(),
        # Each page's own header, rendered for it: no title mark to put the title in.
        untitled=lambda page: page,
        title_mark="\x00no mark\x00",
    )


def test_shared_parts_are_the_parts_the_theme_makes(
    tmp_path: Path, quiet: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = write_project(tmp_path / "project", 30, load_corpus())
    serve_build(project, tmp_path / "cached", dirty=False)
    monkeypatch.setattr(theme.SharedParts, "nav_key", lambda self, page, nav: None)
    monkeypatch.setattr(theme.SharedParts, "install", _install_without_sharing)
    serve_build(project, tmp_path / "uncached", dirty=False)
    cached, uncached = _pages(tmp_path / "cached"), _pages(tmp_path / "uncached")
    assert cached.keys() == uncached.keys()
    assert [p for p in cached if cached[p] != uncached[p]] == []
