"""Loading records: the typed model, source positions, and every problem reported in one run."""

from __future__ import annotations

from pathlib import Path

import pytest

from build_tools.diagnostics import sorted_diagnostics
from build_tools.model import Exercise
from build_tools.source.load import load_content, load_exercise
from build_tools.source.yaml_nodes import parse_yaml

from .conftest import ROOT

RECORD = ROOT / "content" / "heel-press.yaml"


def test_heel_press_loads_into_the_typed_model() -> None:
    exercise, problems = load_exercise(RECORD, ROOT)
    assert problems == []
    assert isinstance(exercise, Exercise)
    assert exercise.slug == "heel-press"
    assert exercise.equipment == ("wall", "body-weight")
    assert exercise.primary_muscles == ("gastrocnemius",)
    assert exercise.secondary_muscles == ("soleus", "achilles-tendon")
    assert [v.id for v in exercise.variations] == ["straight-knee", "bent-knee"]
    assert len(exercise.description) == 5
    assert len(exercise.instructions) == len(exercise.tips) == len(exercise.faq) == 8
    with pytest.raises(AttributeError):
        exercise.slug = "other"  # type: ignore[misc]


def test_source_positions_are_kept_for_every_field() -> None:
    exercise, _ = load_exercise(RECORD, ROOT)
    assert exercise is not None
    lines = RECORD.read_text().splitlines()
    where = exercise.source.value(("faq", 3, "id"))
    assert where.path == "content/heel-press.yaml"
    assert lines[where.line - 1][where.column - 1 :] == "heel-lift"
    key = exercise.source.key(("muscles", "secondary"))
    assert lines[key.line - 1][key.column - 1 :].startswith("secondary:")


def test_first_line_is_the_schema_modeline() -> None:
    first = RECORD.read_text().splitlines()[0]
    assert first == "# yaml-language-server: $schema=../build_tools/schemas/exercise.schema.json"
    assert (RECORD.parent / "../build_tools/schemas/exercise.schema.json").resolve().is_file()


def write(project: Path, name: str, text: str) -> Path:
    path = project / "content" / name
    path.write_text(text, encoding="utf-8")
    return path


def codes_and_places(project: Path) -> list[str]:
    content = load_content(project / "content", project)
    return [d.format() for d in sorted_diagnostics(content.diagnostics)]


def heel_press_with(old: str, new: str) -> str:
    text = RECORD.read_text()
    assert old in text
    return text.replace(old, new, 1)


def test_yaml_syntax_error_has_the_parsers_line_and_column(project: Path) -> None:
    write(project, "heel-press.yaml", heel_press_with("level: beginner", "level: [beginner"))
    (line,) = codes_and_places(project)
    assert line.startswith("content/heel-press.yaml:")
    assert " Y001 invalid YAML: " in line


def test_duplicate_key_is_an_error(project: Path) -> None:
    write(
        project,
        "heel-press.yaml",
        heel_press_with("level: beginner\n", "level: beginner\nlevel: expert\n"),
    )
    assert codes_and_places(project) == [
        "content/heel-press.yaml:7:1: Y002 duplicate key 'level' (first given at line 6)"
    ]


def test_unknown_key_with_did_you_mean(project: Path) -> None:
    write(project, "heel-press.yaml", heel_press_with("tips:\n", "tipps:\n"))
    assert codes_and_places(project) == [
        "content/heel-press.yaml:2:1: S101 missing required field 'tips'",
        "content/heel-press.yaml:85:1: S102 unknown field 'tipps' (did you mean 'tips'?)",
    ]


def test_all_problems_of_all_files_in_one_run(project: Path) -> None:
    broken = heel_press_with("level: beginner\n", "")
    broken = broken.replace(
        "    question: What does Heel Press stretch most?\n", "    question: [1, 2]\n"
    )
    broken = broken.replace("  - id: heel-lift\n", "  - id: Heel_Lift\n")
    write(project, "heel-press.yaml", broken)
    write(project, "second.yaml", "name: Second\nslug: second\n")
    assert codes_and_places(project) == [
        "content/heel-press.yaml:2:1: S101 missing required field 'level'",
        "content/heel-press.yaml:108:15: S103 field 'faq[0].question' must be text, got a list",
        "content/heel-press.yaml:123:9: S105 field 'faq[3].id' must be kebab-case"
        " (lowercase letters and"
        " digits joined by single hyphens), got 'Heel_Lift'",
        *[
            f"content/second.yaml:1:1: S101 missing required field '{field}'"
            for field in (
                "summary",
                "category",
                "level",
                "equipment",
                "muscles",
                "when_to_use",
                "description",
                "instructions",
                "tips",
                "faq",
            )
        ],
    ]


def test_empty_section_and_wrong_type(project: Path) -> None:
    broken = heel_press_with("equipment: [wall, body-weight]", "equipment: []")
    broken = broken.replace("name: Heel Press", "name: 42")
    write(project, "heel-press.yaml", broken)
    assert codes_and_places(project) == [
        "content/heel-press.yaml:2:7: S103 field 'name' must be text, got 42",
        "content/heel-press.yaml:7:12: S104 field 'equipment' must not be empty",
    ]


def test_unknown_nested_key(project: Path) -> None:
    write(project, "heel-press.yaml", heel_press_with("  secondary:", "  secundary:"))
    assert codes_and_places(project) == [
        "content/heel-press.yaml:10:3: S102 unknown field 'secundary' in muscles"
        " (did you mean 'secondary'?)"
    ]


def test_parse_yaml_reports_an_empty_file() -> None:
    parsed = parse_yaml("# nothing\n", "content/empty.yaml")
    assert [d.format() for d in parsed.diagnostics] == [
        "content/empty.yaml:1:1: Y003 the file is empty"
    ]


def test_unsafe_tags_are_refused_not_executed() -> None:
    parsed = parse_yaml("name: !!python/object/apply:os.system ['true']\n", "content/x.yaml")
    assert [d.code for d in parsed.diagnostics] == ["Y005"]
