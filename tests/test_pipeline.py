"""The pipeline's two orders: checks then render (`run`), and checks beside the render
(`run_beside`, as a build runs them on the second core)."""

from __future__ import annotations

from pathlib import Path

import pytest

from build_tools.build.pipeline import Pipeline, Project, run
from build_tools.checks.run import check_content

from .conftest import ROOT


def _unknown_equipment(project: Path) -> Project:
    record = project / "content" / "heel-press.yaml"
    record.write_text(record.read_text().replace("equipment: [wall,", "equipment: [wal,"))
    return Project.at(project)


def test_beside_gives_what_run_gives() -> None:
    alone = run(Project.at(ROOT))
    beside, _ = Pipeline(Project.at(ROOT)).run_beside(
        lambda content: lambda: check_content(content), then=lambda rendered: None
    )
    assert beside.diagnostics == alone.diagnostics == ()
    assert [p.html for p in beside.pages] == [p.html for p in alone.pages]


def test_beside_reports_the_findings_of_a_record_that_broke_its_page(project: Path) -> None:
    found, made = Pipeline(_unknown_equipment(project)).run_beside(
        lambda content: lambda: check_content(content),
        then=lambda rendered: len(rendered.pages),
    )
    assert made is None
    assert found.pages == ()
    assert [d.code for d in found.diagnostics] == ["C201"]
    assert run(_unknown_equipment(project)).diagnostics == found.diagnostics


def test_beside_does_not_hide_a_break_the_checks_do_not_explain(project: Path) -> None:
    with pytest.raises(KeyError, match="wal"):
        Pipeline(_unknown_equipment(project)).run_beside(lambda content: lambda: [], then=len)


def test_beside_does_more_work_on_the_pages_while_the_checks_run() -> None:
    result, made = Pipeline(Project.at(ROOT)).run_beside(
        lambda content: lambda: check_content(content),
        then=lambda rendered: [page.slug for page in rendered.pages],
    )
    assert made == ["heel-press"] == [page.slug for page in result.pages]
