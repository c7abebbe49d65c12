"""Waivers in a record (`waive`): a finding kept on one field with a reason, through
`python -m build_tools check` and `build`; a waiver that waives nothing is a finding itself."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from build_tools.checks.waivers import field_path
from build_tools.diagnostics import Location
from build_tools.reference.checks import SHOWN_WAIVED
from build_tools.source.yaml_nodes import parse_yaml

from .scratch import build, check, edit_heel_press

C302_TIP = (
    "content/heel-press.yaml:101:5: C302 tips[5] names 'hamstrings' (muscles 'hamstrings'),"
    " which the record does not declare"
)
C302_ANSWER = (
    "content/heel-press.yaml:120:13: C302 faq[2].answer names 'quads' (muscles 'quadriceps'),"
    " which the record does not declare"
)
HAMSTRINGS = (
    "Move into the wall slowly;",
    "Move into the wall slowly and keep the hamstrings loose;",
)
QUADS = (
    "tends to shift the stretch lower into the soleus.",
    "tends to shift the stretch lower, away from the quads.",
)
REASON = "The hamstrings are named to say what stays loose, not what the exercise works."


def broken(project: Path, *waivers: str, answer: bool = False) -> Path:
    """The project's Heel Press, naming the hamstrings in tips[5] (C302), and the quadriceps in
    faq[2].answer with `answer`, with `waivers` (YAML list items) as its `waive` list."""
    edits = (HAMSTRINGS, QUADS) if answer else (HAMSTRINGS,)
    listed = "waive:\n" + "".join(waivers) if waivers else ""
    return edit_heel_press(project, *edits, after=listed)


def waiver(code: str, reason: str = REASON, at: str | None = None) -> str:
    where = f"    at: {at}\n" if at is not None else ""
    return f"  - code: {code}\n{where}    reason: {reason}\n"


def test_a_waiver_suppresses_its_finding_even_under_strict(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken(project)
    assert check(project, capsys, "--strict") == (1, [C302_TIP], "1 problem (1 error) in 1 file\n")
    broken(project, waiver("C302", at="tips[5]"))
    assert check(project, capsys) == (0, [], "no problems found; 1 waived\n")
    assert check(project, capsys, "--strict") == (0, [], "no problems found; 1 waived\n")


def test_show_waived_prints_what_the_checks_page_shows(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken(project, waiver("C302", at="tips[5]"))
    status, lines, summary = check(project, capsys, "--show-waived")
    assert (status, lines, summary) == (0, list(SHOWN_WAIVED), "no problems found; 1 waived\n")
    status, lines, _ = check(project, capsys, "--show-waived", "--format", "json")
    (shown,) = json.loads("\n".join(lines))
    assert (shown["code"], shown["line"]) == ("C302", 101)
    waived = {"path": "content/heel-press.yaml", "line": 158, "column": 5, "reason": REASON}
    assert shown["waived"] == waived
    status, lines, _ = check(project, capsys, "--format", "json")
    assert (status, json.loads("\n".join(lines))) == (0, [])


def test_a_waiver_covers_its_field_and_what_is_inside_it_only(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken(project, waiver("C302", at="tips[5]"), answer=True)
    assert check(project, capsys)[1] == [C302_ANSWER]
    broken(project, waiver("C302", at="faq[2]"), answer=True)  # the answer is inside faq[2]
    assert check(project, capsys)[1:] == ([C302_TIP], "1 problem (1 warning) in 1 file; 1 waived\n")


def test_a_waiver_without_at_covers_its_code_anywhere_in_the_record(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken(project, waiver("C302"), answer=True)
    assert check(project, capsys) == (0, [], "no problems found; 2 waived\n")


def test_a_waiver_needs_a_reason(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken(project, "  - code: C302\n    at: tips[5]\n", waiver("C302", reason="' '"))
    status, lines, _ = check(project, capsys)
    assert (status, lines) == (
        1,
        [
            "content/heel-press.yaml:158:5: S101 missing required field 'reason' in waive[0]",
            "content/heel-press.yaml:161:13: S105 field 'waive[1].reason' must be not blank,"
            " got ' '",
        ],
    )


def test_a_stale_waiver_is_a_warning_that_strict_refuses(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken(project, waiver("C302", at="tips[5]"), waiver("C302", at="tips[4]"))
    stale = (
        "content/heel-press.yaml:161:5: W001 waive[1] of C302 on tips[4] matches no finding: the"
        " text it excused has changed; remove the waiver"
    )
    assert check(project, capsys) == (0, [stale], "1 problem (1 warning) in 1 file; 1 waived\n")
    assert check(project, capsys, "--strict")[:2] == (1, [stale])


def test_a_waiver_of_an_unknown_code_is_an_error_and_waives_nothing(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken(project, waiver("C320", at="tips[5]"))
    unknown = (
        "content/heel-press.yaml:158:11: W002 waive[0].code 'C320' is no code of the checks"
        " (did you mean 'C302'?)"
    )
    assert check(project, capsys) == (
        1,
        [C302_TIP, unknown],
        "2 problems (1 error, 1 warning) in 1 file\n",
    )


def test_a_waiver_cannot_keep_a_page_from_being_built(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken(project, waiver("C201", at="level"), waiver("C302", at="tips[5]"))
    record = project / "content" / "heel-press.yaml"
    record.write_text(record.read_text().replace("level: beginner", "level: begginer", 1))
    status, lines, summary = check(project, capsys)
    assert (status, summary) == (1, "2 problems (2 errors) in 1 file; 1 waived\n")
    assert lines == [
        "content/heel-press.yaml:6:8: C201 level 'begginer' is not in the levels vocabulary"
        " (did you mean 'beginner'?)",
        "content/heel-press.yaml:158:11: W002 waive[0].code 'C201' cannot be waived: a page"
        " cannot show a term the vocabulary lacks, so its finding always stops the build",
    ]


def test_the_configuration_can_regrade_the_waivers_findings(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken(project, waiver("C302", at="tips[4]"))
    (project / "pyproject.toml").write_text(
        '[tool.exercise-reference.checks]\nselect = ["C3"]\nseverity = { W001 = "error" }\n'
    )
    status, lines, _ = check(project, capsys)
    assert status == 1
    assert [line.split(" ", 2)[1] for line in lines] == ["C302", "W001"]


def test_the_field_of_a_waiver_is_a_path_and_a_span() -> None:
    assert field_path("tips[5]") == ("tips", 5)
    assert field_path("faq[2].answer") == ("faq", 2, "answer")
    assert field_path("muscles.primary[0]") == ("muscles", "primary", 0)
    text = "tips:\n  - One.\n  - Two.\nfaq:\n  - id: a\n    answer: Three.\n"
    source = parse_yaml(text, "r.yaml").source
    assert source.span(("tips", 0)) == (Location("r.yaml", 2, 5), Location("r.yaml", 3, 5))
    assert source.span(("tips", 1)) == (Location("r.yaml", 3, 5), Location("r.yaml", 4, 1))
    assert source.span(("faq", 0)) == (Location("r.yaml", 5, 5), None)
    assert source.span(("faq",)) == (Location("r.yaml", 4, 1), None)
    assert source.span(("tips", 2)) is None


def test_the_build_honours_waivers(tmp_path: Path, project: Path) -> None:
    site = tmp_path / "site"
    broken(project, waiver("C302", at="tips[4]"))  # strict by default: the stale waiver stops it
    failed = build(project, site)
    assert failed.returncode == 1, failed.stderr
    assert "W001 waive[0] of C302 on tips[4] matches no finding" in failed.stderr
    assert "C302 tips[5]" in failed.stderr
    assert not site.exists()
    record = project / "content" / "heel-press.yaml"
    record.write_text(record.read_text().replace("at: tips[4]", "at: tips[5]"))
    passed = build(project, site)
    assert passed.returncode == 0, passed.stderr
    assert "C302" not in passed.stderr
    assert "Findings waived by the records: 1" in passed.stderr
    assert (site / "exercises" / "heel-press" / "index.html").is_file()
