"""The stance record: how it loads, and what an impossible one does to a build. The exact
finding of each impossible pose is in the corpus of broken records (`tests/broken/C60*.yaml`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from build_tools.checks.run import check_content
from build_tools.model import Stance
from build_tools.source.load import load_content

from .conftest import ROOT, mkdocs_build

AT = "content/heel-press.yaml"


def findings_with(project: Path, *changes: tuple[str, str]) -> list[str]:
    """Every finding of the project's content after replacing text in the Heel Press record."""
    record = project / "content" / "heel-press.yaml"
    text = record.read_text(encoding="utf-8")
    for old, new in changes:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    record.write_text(text, encoding="utf-8")
    return [d.format() for d in check_content(load_content(project / "content", project))]


def test_the_stance_loads_with_each_variations_changes() -> None:
    (exercise,) = load_content(ROOT / "content", ROOT).exercises
    assert exercise.stance == Stance(125, 180, 155, 30, 120)
    straight, bent = (v.stance for v in exercise.variations)
    assert straight is not None
    assert bent is not None
    assert bent.items == (("rear_knee_angle_deg", 160),)
    assert exercise.stance.changed(bent) == Stance(125, 160, 155, 30, 120)
    assert exercise.stance.changed(straight) == exercise.stance


BENT = "stance: {rear_knee_angle_deg: 160}"


def test_the_finding_points_at_the_exact_field(project: Path) -> None:
    (finding,) = findings_with(project, (BENT, "stance: {rear_knee_angle_deg: 100}"))
    line, column = (int(n) for n in finding.split(":")[1:3])
    source = (project / "content" / "heel-press.yaml").read_text().splitlines()
    assert source[line - 1][column - 1 :].startswith("100}")


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            ("stance: {rear_knee_angle_deg: 180}", "stance: {rear_knee_angle_deg: straight}"),
            f"{AT}:78:35: S103 field 'variations[0].stance.rear_knee_angle_deg' must be a number,"
            " got 'straight'",
        ),
        (
            ("stance: {rear_knee_angle_deg: 180}", "stance: {}"),
            f"{AT}:78:13: S104 field 'variations[0].stance' must not be empty",
        ),
        (
            ("  torso_lean_deg: 30\n", "  torso_lean: 30\n"),
            f"{AT}:151:1: S101 missing required field 'torso_lean_deg' in stance",
        ),
    ],
    ids=["S103-not-a-number", "S104-empty-change", "S101-missing-field"],
)
def test_stance_shape_is_checked_by_the_schema(
    project: Path, change: tuple[str, str], expected: str
) -> None:
    assert expected in findings_with(project, change)


def test_an_impossible_pose_fails_the_mkdocs_build(project: Path, tmp_path: Path) -> None:
    findings_with(project, ("  torso_lean_deg: 30\n", "  torso_lean_deg: 50\n"))
    done = mkdocs_build(project, tmp_path / "out")
    assert done.returncode == 1
    assert f"{AT}:155:19: C601 rear heel lifts off the floor" in done.stdout + done.stderr
    assert not (tmp_path / "out" / "exercises" / "heel-press" / "index.html").exists()
