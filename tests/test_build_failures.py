"""A bad record fails the real `mkdocs build` with the same lines `check` prints."""

from __future__ import annotations

from pathlib import Path

from .conftest import mkdocs_build


def test_bad_record_fails_mkdocs_build_with_located_findings(project: Path, tmp_path: Path) -> None:
    record = project / "content" / "heel-press.yaml"
    record.write_text(record.read_text().replace("tips:\n", "tipps:\n"))
    done = mkdocs_build(project, tmp_path / "out")
    assert done.returncode == 1
    output = done.stdout + done.stderr
    assert (
        "content/heel-press.yaml:81:1: S102 unknown field 'tipps' (did you mean 'tips'?)" in output
    )
    assert "content/heel-press.yaml:2:1: S101 missing required field 'tips'" in output
    assert not (tmp_path / "out" / "exercises" / "heel-press" / "index.html").exists()


def test_a_new_record_becomes_a_page_without_touching_docs(project: Path, tmp_path: Path) -> None:
    source = (project / "content" / "heel-press.yaml").read_text()
    twin = source.replace("name: Heel Press", "name: Wall Calf Stretch").replace(
        "slug: heel-press", "slug: wall-calf-stretch"
    )
    (project / "content" / "wall-calf-stretch.yaml").write_text(twin)
    done = mkdocs_build(project, tmp_path / "out")
    assert done.returncode == 0, done.stderr
    page = tmp_path / "out" / "exercises" / "wall-calf-stretch" / "index.html"
    assert '<h1 id="wall-calf-stretch">Wall Calf Stretch</h1>' in page.read_text()
    letter = (tmp_path / "out" / "browse" / "a-z" / "w" / "index.html").read_text()
    assert 'href="../../../exercises/wall-calf-stretch/"' in letter
    stretches = (tmp_path / "out" / "browse" / "category" / "stretch" / "index.html").read_text()
    assert stretches.index('href="../../../exercises/heel-press/"') < stretches.index(
        'href="../../../exercises/wall-calf-stretch/"'
    )
    assert not (project / "docs" / "exercises").exists()
