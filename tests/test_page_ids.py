"""The ids an exercise page gives its own elements are one list, and the record checks keep
every id and alias of a record off it: `check` and the build give the same verdict."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from build_tools.anchors import anchored_items
from build_tools.model import Exercise, Vocabulary, page_id_use

from .conftest import ROOT, BuiltSite
from .test_cli import check

PAGE = "exercises/heel-press/"
# The templates an exercise page is made of.
TEMPLATES = [
    ROOT / "templates" / "pages" / "exercise.html",
    ROOT / "templates" / "pages" / "stance.html",
    ROOT / "templates" / "pages" / "credit.html",
    ROOT / "templates" / "pages" / "muscle_map.html",
    *sorted((ROOT / "templates" / "theme").rglob("*.html")),
]


def test_every_fixed_id_of_the_built_page_is_reserved(
    built_site: BuiltSite, loaded: tuple[Exercise, Vocabulary]
) -> None:
    exercise, _ = loaded
    record = {exercise.slug} | {a for item in anchored_items(exercise) for a in item.anchors}
    ids = built_site.page(PAGE).xpath("//@id")
    fixed = sorted(set(ids) - record)
    assert "find-results" in fixed  # the page is the theme's
    assert "__drawer" in fixed
    assert [id_ for id_ in fixed if page_id_use(id_) is None] == []


def test_every_literal_id_of_the_templates_is_reserved() -> None:
    written = {
        match
        for template in TEMPLATES
        for match in re.findall(r'\bid="([^"{}]+)"', template.read_text(encoding="utf-8"))
    }
    assert {"find-query", "tips", "related-exercises", "source-and-licence"} <= written
    assert [id_ for id_ in sorted(written) if page_id_use(id_) is None] == []


def test_ids_the_record_may_use_are_free() -> None:
    for id_ in ("heel-lift", "stance", "stance-width", "find", "title", "stance-title"):
        assert page_id_use(id_) is None, id_


def test_check_rejects_what_the_build_rejects(project: Path, tmp_path: Path) -> None:
    # An FAQ id equal to one of the search form's passed `check`, and only the built page's
    # check (H103, the id on two elements) stopped the build.
    record = project / "content" / "heel-press.yaml"
    text = record.read_text()
    renamed = "  - id: find-results\n    aliases: [heel-lift]\n"
    record.write_text(text.replace("  - id: heel-lift\n", renamed, 1))
    checked = check(project, "--strict")
    assert (checked.returncode, checked.stdout) == (
        1,
        "content/heel-press.yaml:124:9: C104 faq[3].id 'find-results' is the id of the list of"
        " search results\n",
    )
    site = ["--site-dir", str(tmp_path / "site")]
    built = subprocess.run(
        [sys.executable, "-m", "build_tools", "build", "--root", str(project), *site],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    assert built.returncode == 1
    assert "C104" in built.stdout + built.stderr
