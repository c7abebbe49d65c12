"""Impossible stances are findings at the line and column of the stance field to change."""

from __future__ import annotations

from pathlib import Path

import pytest

from build_tools.load import load_content
from build_tools.model import Stance
from build_tools.pipeline import check_content

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


BASE = "stance:\n  rear_heel_from_wall_cm: 125\n"
BENT = "stance: {rear_knee_angle_deg: 160}"

CASES = [
    pytest.param(
        ("  torso_lean_deg: 30\n", "  torso_lean_deg: .nan\n"),
        f"{AT}:152:19: C600 stance field 'torso_lean_deg' must be a finite number, got nan",
        id="C600-not-a-number",
    ),
    pytest.param(
        ("  torso_lean_deg: 30\n", "  torso_lean_deg: 50\n"),
        f"{AT}:152:19: C601 rear heel lifts off the floor: the pose tilts the rear shin 50°"
        " over the foot, the ankle allows 45°",
        id="C601-rear-heel-lifts",
    ),
    pytest.param(
        (BENT, "stance: {rear_knee_angle_deg: 100}"),
        f"{AT}:82:35: C601 rear heel lifts off the floor: the pose tilts the rear shin 70°"
        " over the foot, the ankle allows 45°",
        id="C601-rear-heel-lifts-in-a-variation",
    ),
    pytest.param(
        ("  front_knee_angle_deg: 155\n", "  front_knee_angle_deg: 100\n"),
        f"{AT}:151:25: C601 front foot cannot reach the floor: at 100° the leg spans 64 cm,"
        " the hip is 72 cm above the ankle",
        id="C601-front-foot-off-the-floor",
    ),
    pytest.param(
        (BASE, "stance:\n  rear_heel_from_wall_cm: 200\n"),
        f"{AT}:149:27: C602 hands do not reach the wall: the shoulder is 127 cm from the wrist,"
        " the arm reaches 56 cm",
        id="C602-stance-too-long",
    ),
    pytest.param(
        ("  hand_height_cm: 120\n", "  hand_height_cm: 60\n"),
        f"{AT}:153:19: C602 hands do not reach the wall: the shoulder is 83 cm from the wrist,"
        " the arm reaches 56 cm",
        id="C602-hands-too-low",
    ),
    pytest.param(
        (BENT, "stance: {rear_knee_angle_deg: 190}"),
        f"{AT}:82:35: C603 rear knee angle 190° is past the knee's range of 40° to 180°"
        " (180° is straight)",
        id="C603-knee-past-straight",
    ),
    pytest.param(
        (BASE, "stance:\n  rear_heel_from_wall_cm: 75\n"),
        f"{AT}:149:27: C603 elbow bent past its range: the shoulder is 5 cm from the wrist,"
        " the elbow closes to 0°, at least 30°",
        id="C603-elbow-folds",
    ),
    pytest.param(
        (BASE, "stance:\n  rear_heel_from_wall_cm: 100\n"),
        f"{AT}:151:25: C604 front foot goes through the wall: 5 cm past it",
        id="C604-front-foot-through-the-wall",
    ),
    pytest.param(
        (BASE, "stance:\n  rear_heel_from_wall_cm: 20\n"),
        f"{AT}:149:27: C604 rear foot goes through the wall: its heel is 20 cm from the wall,"
        " the foot is 26 cm long",
        id="C604-rear-foot-through-the-wall",
    ),
]


@pytest.mark.parametrize(("change", "expected"), CASES)
def test_impossible_pose_is_one_located_finding(
    project: Path, change: tuple[str, str], expected: str
) -> None:
    # One finding, even when the variations share the problem: one cause, one line to fix.
    assert findings_with(project, change) == [expected]


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
            f"{AT}:77:35: S103 field 'variations[0].stance.rear_knee_angle_deg' must be a number,"
            " got 'straight'",
        ),
        (
            ("stance: {rear_knee_angle_deg: 180}", "stance: {}"),
            f"{AT}:77:13: S104 field 'variations[0].stance' must not be empty",
        ),
        (
            ("  torso_lean_deg: 30\n", "  torso_lean: 30\n"),
            f"{AT}:148:1: S101 missing required field 'torso_lean_deg' in stance",
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
    assert f"{AT}:152:19: C601 rear heel lifts off the floor" in done.stdout + done.stderr
    assert not (tmp_path / "out" / "exercises" / "heel-press" / "index.html").exists()
