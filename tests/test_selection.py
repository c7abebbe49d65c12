"""The project's choice of checks (`[tool.exercise-reference.checks]` in `pyproject.toml`): each
setting on a broken record in a scratch project, through `python -m build_tools check`."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from build_tools.checks.selection import EVERYTHING, Selection, glob_pattern, read_selection
from build_tools.diagnostics import Severity
from build_tools.reference.checks import CONFIGURATION

from .scratch import build, check, edit_heel_press

C401 = (
    "content/heel-press.yaml:109:15: C401 faq[0].question 'What does Heel Press stretch most'"
    " does not end with '?'"
)
C302 = (
    "content/heel-press.yaml:101:5: C302 tips[5] names 'hamstrings' (muscles 'hamstrings'),"
    " which the record does not declare"
)
C303 = (
    "content/heel-press.yaml:25:5: C303 description[2] writes the name as 'Heel-Press';"
    " the record's name is 'Heel Press'"
)
EDITS = {
    "C201": ("level: beginner", "level: begginer"),
    "C401": ("stretch most?", "stretch most"),
    "C302": (
        "Move into the wall slowly;",
        "Move into the wall slowly and keep the hamstrings loose;",
    ),
    "C303": ("A good Heel Press", "A good Heel-Press"),
}


def broken(project: Path, *codes: str, config: str | None = None) -> Path:
    """The project with Heel Press broken to give each of `codes` once, and `config` as its
    `pyproject.toml`."""
    edit_heel_press(project, *(EDITS[code] for code in codes))
    if config is not None:
        (project / "pyproject.toml").write_text(config, encoding="utf-8")
    return project


def test_a_project_without_the_table_gets_every_code(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken(project, "C401", "C302", config='[project]\nname = "x"\n')
    assert read_selection(project) is EVERYTHING
    assert check(project, capsys) == (
        1,
        [C302, C401],
        "2 problems (1 error, 1 warning) in 1 file\n",
    )


def test_select_reports_only_the_codes_it_names(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken(project, "C401", "C302", config='[tool.exercise-reference.checks]\nselect = ["C3"]\n')
    assert check(project, capsys) == (0, [C302], "1 problem (1 warning) in 1 file\n")


def test_ignore_drops_a_code(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken(project, "C401", "C302", config='[tool.exercise-reference.checks]\nignore = ["C401"]\n')
    assert check(project, capsys) == (0, [C302], "1 problem (1 warning) in 1 file\n")


def test_a_prefix_ignores_a_family_and_a_code_beats_its_prefix(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = '[tool.exercise-reference.checks]\nignore = ["C3"]\n'
    broken(project, "C401", "C302", "C303", config=config)
    assert check(project, capsys)[1] == [C401]
    (project / "pyproject.toml").write_text(config + 'select = ["C302", "C4"]\n')
    assert check(project, capsys)[1] == [C302, C401]


def test_ignore_beats_select_when_both_are_as_specific(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = '[tool.exercise-reference.checks]\nselect = ["C302"]\nignore = ["C302"]\n'
    broken(project, "C302", config=config)
    assert check(project, capsys) == (0, [], "no problems found\n")


def test_an_error_regraded_to_a_warning_passes_unless_strict(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = '[tool.exercise-reference.checks]\nseverity = { C401 = "warning" }\n'
    broken(project, "C401", config=config)
    assert check(project, capsys) == (0, [C401], "1 problem (1 warning) in 1 file\n")
    assert check(project, capsys, "--strict") == (1, [C401], "1 problem (1 error) in 1 file\n")


def test_a_warning_regraded_to_an_error_fails_without_strict(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = '[tool.exercise-reference.checks.severity]\nC3 = "warning"\nC302 = "error"\n'
    broken(project, "C302", "C303", config=config)
    status, lines, summary = check(project, capsys)
    assert (status, lines, summary) == (
        1,
        [C303, C302],
        "2 problems (1 error, 1 warning) in 1 file\n",
    )


def test_per_path_ignores_and_regrades_only_the_files_it_matches(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    elsewhere = (
        '[tool.exercise-reference.checks.per-path."content/imported/*.yaml"]\nignore = ["C302"]\n'
    )
    broken(project, "C401", "C302", config=elsewhere)
    assert check(project, capsys)[1] == [C302, C401]
    here = (
        "[tool.exercise-reference.checks]\n"
        'severity = { C401 = "warning", C302 = "error" }\n'
        '[tool.exercise-reference.checks.per-path."content/heel-*.yaml"]\n'
        'ignore = ["C302"]\n'
        'severity = { C4 = "error" }\n'
    )
    (project / "pyproject.toml").write_text(here)
    # The pattern's C4 is less specific than the global C401, and still wins: per-path is later.
    assert check(project, capsys) == (1, [C401], "1 problem (1 error) in 1 file\n")


def test_a_bad_value_is_a_finding_at_its_line_and_the_rest_still_applies(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = (
        '[project]\nname = "x"\n\n'
        "[tool.exercise-reference.checks]\n"
        'ignore = ["C401"]\n'
        'severity = { C302 = "warn" }\n'
    )
    broken(project, "C401", "C302", config=config)
    status, lines, _ = check(project, capsys)
    bad = "pyproject.toml:6:21: W102 severity.C302 must be 'error' or 'warning'; got 'warn'"
    assert (status, lines) == (1, [C302, bad])


def test_load_and_schema_codes_cannot_be_ignored_nor_left_out(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    record = project / "content" / "heel-press.yaml"
    record.write_text(record.read_text().replace("level: beginner\n", "", 1))
    config = '[tool.exercise-reference.checks]\nselect = ["C3"]\nignore = ["S1"]\n'
    (project / "pyproject.toml").write_text(config)
    status, lines, _ = check(project, capsys)
    assert status == 1
    assert lines == [
        "content/heel-press.yaml:2:1: S101 missing required field 'level'",
        "pyproject.toml:3:11: W103 ignore[0] 'S1' cannot be ignored: a record that fails the"
        " schema is not loaded, so its finding always stops the build",
    ]


def _selection_of(text: str, folder: Path) -> Selection:
    (folder / "pyproject.toml").write_text(text)
    return read_selection(folder)


def test_codes_without_which_no_page_is_built_cannot_be_ignored(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = '[tool.exercise-reference.checks]\nignore = ["C2"]\nseverity = { C6 = "warning" }\n'
    broken(project, "C201", config=config)
    status, lines, _ = check(project, capsys)  # the page is not rendered, so no traceback
    assert status == 1
    assert lines == [
        "content/heel-press.yaml:6:8: C201 level 'begginer' is not in the levels vocabulary"
        " (did you mean 'beginner'?)",
        "pyproject.toml:3:14: W103 severity 'C6' cannot be re-graded: the figure cannot draw a"
        " stance no body can take, so its finding always stops the build",
    ]


def test_the_documented_configuration_reads_as_the_page_says(tmp_path: Path) -> None:
    (example,) = re.findall(r"```toml\n(.*?)```", CONFIGURATION, re.DOTALL)
    selection = _selection_of(example, tmp_path)
    assert selection.problems == ()
    assert selection.verdict("C403", "content/a.yaml") == (False, None)
    assert selection.verdict("C301", "content/a.yaml") == (True, Severity.ERROR)
    assert selection.verdict("C302", "content/a.yaml") == (True, Severity.WARNING)
    assert selection.verdict("C301", "content/imported/a.yaml") == (False, None)
    assert selection.verdict("C401", "content/a.yaml") == (True, None)
    assert selection.verdict("S101", "content/a.yaml") == (True, None)  # never left out
    assert selection.verdict("T001", "templates/pages/exercise.html") == (True, None)
    # The page's own example of specificity.
    text = '[tool.exercise-reference.checks]\nselect = ["C3"]\nignore = ["C302"]\n'
    specific = _selection_of(text, tmp_path)
    assert specific.verdict("C301", "x") == (True, None)
    assert specific.verdict("C302", "x") == (False, None)
    assert specific.verdict("C401", "x") == (False, None)
    assert specific.verdict("W001", "x") == (True, None)  # waivers' findings, whatever select says


@pytest.mark.parametrize(
    ("pattern", "path", "matches"),
    [
        ("content/imported/*.yaml", "content/imported/a.yaml", True),
        ("content/imported/*.yaml", "content/imported/deeper/a.yaml", False),
        ("content/*.yaml", "content/imported/a.yaml", False),
        ("content/**/*.yaml", "content/a.yaml", True),
        ("content/**/*.yaml", "content/imported/deeper/a.yaml", True),
        ("./content/heel-?ress.yaml", "content/heel-press.yaml", True),
        ("content/[!h]*.yaml", "content/heel-press.yaml", False),
        ("site/**", "site/exercises/heel-press/index.html", True),
    ],
)
def test_path_patterns_are_globs_relative_to_the_root(
    pattern: str, path: str, matches: bool
) -> None:
    assert bool(glob_pattern(pattern).fullmatch(path)) is matches


def test_the_build_honours_the_configuration(tmp_path: Path, project: Path) -> None:
    broken(project, "C302")
    failed = build(project, tmp_path / "site")  # strict by default: the warning stops it
    assert failed.returncode == 1, failed.stderr
    assert C302 in failed.stderr
    assert not (tmp_path / "site").exists()
    (project / "pyproject.toml").write_text('[tool.exercise-reference.checks]\nignore = ["C302"]\n')
    passed = build(project, tmp_path / "site")
    assert passed.returncode == 0, passed.stderr
    assert "C302" not in passed.stderr
    assert (tmp_path / "site" / "exercises" / "heel-press" / "index.html").is_file()
