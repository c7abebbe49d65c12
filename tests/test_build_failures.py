"""A bad record fails the real `mkdocs build` with the same lines `check` prints."""

from __future__ import annotations

from pathlib import Path

from lxml import html as lxml_html

from .conftest import build_site, mkdocs_build


def test_bad_record_fails_mkdocs_build_with_located_findings(project: Path, tmp_path: Path) -> None:
    record = project / "content" / "heel-press.yaml"
    record.write_text(record.read_text().replace("tips:\n", "tipps:\n"))
    done = mkdocs_build(project, tmp_path / "out")
    assert done.returncode == 1
    output = done.stdout + done.stderr
    assert (
        "content/heel-press.yaml:85:1: S102 unknown field 'tipps' (did you mean 'tips'?)" in output
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


def test_renaming_a_faq_id_without_alias_fails_the_build(project: Path, tmp_path: Path) -> None:
    record = project / "content" / "heel-press.yaml"
    record.write_text(record.read_text().replace("  - id: heel-lift\n", "  - id: heel-rise\n"))
    done = mkdocs_build(project, tmp_path / "out")
    assert done.returncode == 1
    output = done.stdout + done.stderr
    line = record.read_text().splitlines().index("  - id: heel-rise") + 1
    assert (
        f"content/heel-press.yaml:{line}:9: C501 locked anchor '#heel-lift' is gone:"
        " add 'aliases: [heel-lift]' to the faq entry that replaced it"
    ) in output
    assert "published as 'exercises/heel-press/#heel-lift'" in output
    assert not (tmp_path / "out" / "exercises" / "heel-press" / "index.html").exists()


def test_an_alias_lands_inside_the_renamed_entry(project: Path, tmp_path: Path) -> None:
    record = project / "content" / "heel-press.yaml"
    record.write_text(
        record.read_text().replace(
            "  - id: heel-lift\n", "  - id: heel-rise\n    aliases: [heel-lift]\n"
        )
    )
    build_site(project, tmp_path / "out")
    page = lxml_html.fromstring((tmp_path / "out" / "exercises/heel-press/index.html").read_bytes())
    (entry,) = page.xpath("//details[@id='heel-rise']")
    (alias,) = page.xpath("//*[@id='heel-lift']")
    # Inside the entry's question, so the browser's own jump shows the question; JavaScript
    # reads where it points.
    assert alias.getparent().tag == "summary"
    assert alias.getparent().getparent() is entry
    assert alias.get("data-alias-of") == "heel-rise"
    assert alias.text_content() == ""


def test_a_record_that_breaks_its_template_fails_with_the_record_finding(
    project: Path, tmp_path: Path
) -> None:
    # The build renders the pages while the record checks run beside it: an unknown equipment
    # term breaks the page's template, and what the editor reads is the check's finding.
    out = tmp_path / "out"
    assert mkdocs_build(project, out).returncode == 0
    before = (out / "exercises" / "heel-press" / "index.html").read_bytes()
    record = project / "content" / "heel-press.yaml"
    record.write_text(record.read_text().replace("equipment: [wall,", "equipment: [wal,"))
    done = mkdocs_build(project, out)
    output = done.stdout + done.stderr
    assert done.returncode == 1
    assert (
        "content/heel-press.yaml:7:13: C201 equipment 'wal' is not in the equipment vocabulary"
        " (did you mean 'wall'?)" in output
    )
    assert "Traceback" not in output
    assert "KeyError" not in output
    assert (out / "exercises" / "heel-press" / "index.html").read_bytes() == before
