"""`check --format github|json`: the same findings, for pull-request annotations and for tools."""

from __future__ import annotations

import json
from pathlib import Path

from .test_cli import check


def _break(project: Path) -> None:
    record = project / "content" / "heel-press.yaml"
    record.write_text(record.read_text().replace("level: beginner", "level: begginer"))


def test_github_annotations_point_at_the_line(project: Path) -> None:
    _break(project)
    done = check(project, "--format", "github")
    assert done.returncode == 1
    assert done.stdout.splitlines() == [
        "::error file=content/heel-press.yaml,line=6,col=8,title=C201::"
        "level 'begginer' is not in the levels vocabulary (did you mean 'beginner'?)"
    ]


def test_json_lists_every_field_of_a_finding(project: Path) -> None:
    _break(project)
    done = check(project, "--format", "json")
    assert done.returncode == 1
    assert json.loads(done.stdout) == [
        {
            "code": "C201",
            "severity": "error",
            "message": "level 'begginer' is not in the levels vocabulary (did you mean 'beginner'?)",
            "path": "content/heel-press.yaml",
            "line": 6,
            "column": 8,
            "notes": [],
        }
    ]


def test_clean_content_in_json_is_an_empty_list() -> None:
    from .conftest import ROOT

    done = check(ROOT, "--format", "json")
    assert (done.returncode, json.loads(done.stdout)) == (0, [])
