"""A failed build leaves the previous site byte for byte as it was; a passing one replaces it.

The build writes into a staging folder beside the site and swaps it in only when the records,
the built pages and (with `--strict`) the whole log are clean.
"""

from __future__ import annotations

import re
import shutil
import stat
from pathlib import Path

import pytest

from .conftest import copy_project, mkdocs_build


def snapshot(folder: Path) -> dict[str, bytes | None]:
    """Every file's bytes and every folder (None), by path below `folder`."""
    return {
        path.relative_to(folder).as_posix(): path.read_bytes() if path.is_file() else None
        for path in sorted(folder.rglob("*"))
    }


@pytest.fixture(scope="module")
def good(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project whose site was built once and passed."""
    project = copy_project(tmp_path_factory.mktemp("good"))
    done = mkdocs_build(project, project / "site")
    assert done.returncode == 0, done.stderr
    return project


@pytest.fixture
def published(good: Path, tmp_path: Path) -> Path:
    project = tmp_path / "project"
    shutil.copytree(good, project, symlinks=True)
    return project


def edit(project: Path, file: str, old: str, new: str) -> None:
    path = project / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


BREAKS = {
    "record error": (
        "content/heel-press.yaml",
        "level: beginner",
        "level: begginer",
        r"content/heel-press\.yaml:6:8: C201 level 'begginer' is not in the levels vocabulary"
        r" \(did you mean 'beginner'\?\)",
    ),
    "built page error": (
        "templates/pages/exercise.html",
        "<li>{{ tip | formatted(inline=True) }}</li>",
        "<li>{{ tip | formatted(inline=True) | upper }}</li>",
        r"site/exercises/heel-press/index\.html:\d+:\d+: H102 tips\[0\] is missing",
    ),
    "record warning under --strict": (
        "content/heel-press.yaml",
        "A good Heel Press keeps",
        "A good Heel-Press keeps",
        r"content/heel-press\.yaml:25:5: C303 description\[2\] writes the name as 'Heel-Press';"
        r" the record's name is 'Heel Press'",
    ),
    # MkDocs raises its own --strict abort only after the last plugin hook has run.
    "MkDocs warning under --strict": (
        "docs/index.md",
        "## Exercises",
        "See [the glossary](glossary.md).\n\n## Exercises",
        r"WARNING +- +Doc file 'index\.md' contains a link 'glossary\.md', but the target is not"
        r" found",
    ),
}


@pytest.mark.parametrize("name", BREAKS)
def test_a_failed_build_leaves_the_previous_site_untouched(published: Path, name: str) -> None:
    file, old, new, expected = BREAKS[name]
    before = snapshot(published / "site")
    assert "exercises/heel-press/index.html" in before
    edit(published, file, old, new)
    done = mkdocs_build(published, published / "site")
    output = done.stdout + done.stderr
    assert done.returncode == 1
    assert re.search(expected, output), output
    assert "the previous site in" in output
    assert snapshot(published / "site") == before
    assert sorted(p.name for p in published.iterdir() if p.name.startswith(".build-")) == []


DIRTY_BREAKS = {
    "record error": BREAKS["record error"],
    "built page error": BREAKS["built page error"],
    "hand-written page error": (
        "docs/publishing.md",
        "# Publishing\n",
        '# Publishing\n\n<a href="nowhere/">Nowhere</a>\n',
        r"site/publishing/index\.html:\d+:\d+: H104 link 'nowhere/' leads to no page",
    ),
}


@pytest.mark.parametrize("name", DIRTY_BREAKS)
def test_a_failed_dirty_build_leaves_the_previous_site_untouched(
    published: Path, name: str
) -> None:
    # A dirty build starts from a copy of the site that shares its files: it must not write
    # through them. (Not --strict: MkDocs warns of every dirty build.)
    file, old, new, expected = DIRTY_BREAKS[name]
    before = snapshot(published / "site")
    edit(published, file, old, new)
    done = mkdocs_build(published, published / "site", "--dirty", strict=False)
    output = done.stdout + done.stderr
    assert done.returncode == 1
    assert re.search(expected, output), output
    assert snapshot(published / "site") == before
    assert sorted(p.name for p in published.iterdir() if p.name.startswith(".build-")) == []


def test_a_passing_build_replaces_the_site(published: Path) -> None:
    site = published / "site"
    (site / "stale.html").write_text("left from an old build")
    edit(published, "content/heel-press.yaml", "A good Heel Press keeps", "A good Heel-Press keeps")
    done = mkdocs_build(published, site, strict=False)
    assert done.returncode == 0, done.stderr
    assert (
        "WARNING -  content/heel-press.yaml:25:5: C303 description[2] writes the name as"
        " 'Heel-Press'; the record's name is 'Heel Press'" in done.stderr
    )
    assert "A good Heel-Press keeps" in (site / "exercises/heel-press/index.html").read_text()
    assert not (site / "stale.html").exists()
    assert stat.S_IMODE(site.stat().st_mode) == 0o755
    assert sorted(p.name for p in published.iterdir() if p.name.startswith(".build-")) == []


def test_a_dirty_build_drops_the_pages_the_content_no_longer_makes(published: Path) -> None:
    site = published / "site"
    record = "content/heel-press.yaml"
    edit(published, record, "slug: heel-press\n", "slug: heel-press\naliases: [old-heel-press]\n")
    done = mkdocs_build(published, site, "--dirty", strict=False)
    assert done.returncode == 0, done.stderr
    assert (site / "exercises/old-heel-press/index.html").is_file()
    edit(published, record, "aliases: [old-heel-press]\n", "")
    (published / "docs" / "publishing.md").unlink()
    config = published / "mkdocs.yml"
    config.write_text(config.read_text().replace("      - Publishing: publishing.md\n", ""))
    done = mkdocs_build(published, site, "--dirty", strict=False)
    assert done.returncode == 0, done.stderr
    assert not (site / "exercises/old-heel-press").exists()
    assert not (site / "publishing").exists()
    assert b"old-heel-press" not in (site / "_redirects").read_bytes()
    assert (site / "exercises/heel-press/index.html").is_file()
