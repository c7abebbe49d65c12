"""`python -m build_tools import free-exercise-db`: a small sample in its format (made-up
exercises) into a temporary project."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from build_tools.cli.main import main

from .conftest import FIXTURES
from .imported import assert_passes_check_listing_its_drafts, assert_refused, record


def exercise(exercise_id: str, name: str, **fields: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "id": exercise_id,
        "name": name,
        "force": "push",
        "level": "beginner",
        "mechanic": "compound",
        "equipment": "body only",
        "primaryMuscles": ["quadriceps"],
        "secondaryMuscles": ["calves"],
        "instructions": [
            "Stand tall with your body weight over both feet.",
            "Bend the knees until the quadriceps and calves take the load.",
        ],
        "category": "strength",
        "images": [f"{exercise_id}/0.jpg", f"{exercise_id}/1.jpg"],
    }
    return {**base, **fields}


SAMPLE = [
    exercise("Half_Squat", "Half Squat"),
    exercise("Half_Squat_DB", "Half Squat", equipment="dumbbell"),
    exercise("Half_Squat_Again", "Half-Squat"),  # the same slug, and nothing differs
    exercise(
        "Neck_Roll",
        "Neck Roll",
        equipment=None,
        category="stretching",
        primaryMuscles=["neck", "serratus"],
        secondaryMuscles=[],
        instructions=["Roll the neck slowly."],
    ),
]


def write(path: Path, data: Any) -> Path:
    path.write_text(json.dumps(data, indent=2))
    return path


def run_import(project: Path, source: Path) -> int:
    return main(["import", "free-exercise-db", str(source), "--root", str(project)])


@pytest.fixture
def source(tmp_path: Path) -> Path:
    return write(tmp_path / "exercises.json", SAMPLE)


@pytest.fixture
def imported(project: Path, source: Path, capsys: pytest.CaptureFixture[str]) -> str:
    assert run_import(project, source) == 0
    return capsys.readouterr().out


def test_records_hold_what_the_data_has(project: Path, imported: str) -> None:
    squat = record(project, "half-squat-body-weight")
    assert squat["name"] == "Half Squat (Body weight)"
    assert squat["slug"] == "half-squat-body-weight"
    assert squat["other_names"] == ["Half Squat"]
    assert squat["draft"] is True  # no summary, description, tips, FAQ, uses: nothing invented
    for missing in ("summary", "description", "tips", "faq", "when_to_use"):
        assert missing not in squat
    assert squat["level"] == "beginner"
    assert squat["category"] == "strength"
    assert squat["equipment"] == ["body-weight"]
    assert squat["muscles"] == {"primary": ["quadriceps"], "secondary": ["gastrocnemius", "soleus"]}
    assert squat["instructions"] == [
        {"id": "stand-tall-with-your", "text": "Stand tall with your body weight over both feet."},
        {
            "id": "bend-the-knees-until",
            "text": "Bend the knees until the quadriceps and calves take the load.",
        },
    ]
    assert squat["credit"] == [
        {
            "license": "Unlicense",
            "title": "Half Squat",
            "source": "https://github.com/yuhonas/free-exercise-db",
            "sections": ["instructions"],
        }
    ]
    assert squat["origin"]["from"] == "free-exercise-db"
    assert squat["origin"]["id"] == "Half_Squat"
    assert set(squat["origin"]["fingerprints"]) >= {"name", "instructions", "muscles", "draft"}
    assert "6 images not imported: their licence is unknown" in imported


def test_terms_map_onto_the_vocabulary_or_become_new_ones(project: Path, imported: str) -> None:
    neck = record(project, "neck-roll")
    assert neck["category"] == "stretch"  # "stretching"
    assert neck["equipment"] == ["body-weight"]  # no equipment given
    assert neck["muscles"] == {"primary": ["neck-muscles", "serratus"]}
    terms = yaml.safe_load((project / "content" / "vocabulary" / "terms.yaml").read_text())
    assert terms["muscles"]["serratus"] == {"name": "serratus", "aliases": ["serratus"]}
    assert "muscles serratus (serratus)" in imported


def test_same_names_get_titles_from_what_differs_and_twins_are_reported(
    project: Path, imported: str
) -> None:
    names = {p.stem: record(project, p.stem)["name"] for p in (project / "content").glob("h*.yaml")}
    assert names == {
        "half-squat-body-weight": "Half Squat (Body weight)",
        "half-squat-dumbbell": "Half Squat (Dumbbell)",
        "heel-press": "Heel Press",
    }
    assert (
        "likely duplicate: free-exercise-db Half_Squat_Again 'Half-Squat' is"
        " content/half-squat-body-weight.yaml (free-exercise-db Half_Squat) again" in imported
    )
    assert "new 3, updated 0, unchanged 0, skipped 1" in imported


def test_a_folder_of_one_file_per_exercise(project: Path, tmp_path: Path) -> None:
    folder = tmp_path / "exercises"
    folder.mkdir()
    for item in SAMPLE:
        write(folder / f"{item['id']}.json", item)
    assert run_import(project, folder) == 0
    assert record(project, "neck-roll")["origin"]["id"] == "Neck_Roll"


def test_reimport_keeps_an_editors_change_and_updates_the_rest(
    project: Path, source: Path, imported: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = project / "content" / "neck-roll.yaml"
    text = path.read_text().replace("Roll the neck slowly.", "Roll the neck slowly, both ways.")
    path.write_text(text.replace("level: beginner\n", "level: beginner  # checked by a coach\n"))
    changed = [dict(item) for item in SAMPLE]
    changed[3]["instructions"] = ["Roll the neck very slowly."]
    changed[3]["level"] = "intermediate"
    changed[0]["instructions"] = ["Stand tall.", "Bend the knees."]
    write(source, changed)
    assert run_import(project, source) == 0
    out = capsys.readouterr().out
    neck = path.read_text()
    assert "Roll the neck slowly, both ways." in neck
    assert "level: intermediate\n" in neck  # the source's change to a field left alone
    assert "kept in content/neck-roll.yaml: edited since import (instructions)" in out
    squat = record(project, "half-squat-body-weight")
    # Updated from the source, each step keeping the id (anchor) it was published with.
    assert squat["instructions"] == [
        {"id": "stand-tall-with-your", "text": "Stand tall."},
        {"id": "bend-the-knees-until", "text": "Bend the knees."},
    ]
    assert "new 0, updated 2, unchanged 1, skipped 1" in out


def test_a_completed_draft_stays_complete(
    project: Path, source: Path, imported: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = project / "content" / "neck-roll.yaml"
    path.write_text(path.read_text().replace("draft: true\n", ""))
    assert run_import(project, source) == 0
    assert "draft" not in record(project, "neck-roll")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '[\n  {"id": "a", "name": "A"},\n  {"id": "b", "name": }\n]',
            r":3:23: not JSON: Expecting value",
        ),
        ('[\n  {"id": "a", "name": "A"},\n  {"id": "b"}\n]', r":3:3: \[1\]: missing field 'name'"),
        (
            '[\n  {"id": "a", "name": "A",\n   "instructions": [1, 2]}\n]',
            r":3:20: \[0\]\.instructions: 'instructions' should be a list of strings",
        ),
        ('{"id": "a", "name": "A", "level": "pro"}', r":1:1: level: 'level' should be one of"),
        ('"just a string"', r":1:1: expected a list of exercises or one exercise"),
        (
            '[{"id": "a", "name": "A"}, {"id": "a", "name": "B"}]',
            r":1:1: exercise id 'a' appears twice",
        ),
    ],
)
def test_bad_input_is_located_and_nothing_is_written(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, expected: str
) -> None:
    source = tmp_path / "bad.json"
    source.write_text(text)
    assert_refused(project, capsys, lambda: run_import(project, source), r"^bad\.json" + expected)


def test_the_committed_sample_imports_and_passes_check_listing_its_drafts(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_import(project, FIXTURES / "free-exercise-db" / "sample.json") == 0
    assert_passes_check_listing_its_drafts(project, capsys)
