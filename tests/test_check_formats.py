"""`check --format github|json`: the same findings, for pull-request annotations and for tools."""

from __future__ import annotations

import json
import re
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


FINDING = re.compile(r"^[^:\s]+:\d+:\d+: [A-Z]\d{3} \S")


def _break_with_controls(project: Path) -> None:
    """Values with a newline, escape sequences and great length, in a record that loads (a
    question, a term's name) and in one the schema rejects (a slug, an alias), so the messages
    of checks and of the loader both show them."""
    record = project / "content" / "heel-press.yaml"
    text = record.read_text()
    question = "question: What does Heel Press stretch most?\n"
    assert question in text
    record.write_text(text.replace(question, 'question: "What does \\e[31mHeel Press stretch"\n'))
    slug = f'slug: "heel\\npress\\e[2J{"x" * 300}"\naliases: ["old\\tpress\\n\\e[0m"]\n'
    broken = text.replace("slug: heel-press\n", slug)
    (project / "content" / "other-press.yaml").write_text(broken)
    terms = project / "content" / "vocabulary" / "terms.yaml"
    wall = "  wall: {name: Wall, aliases: [wall]}\n"
    long_name = "Wall\\u2028\\e]0;title\\a" + "y" * 200
    terms.write_text(terms.read_text().replace(wall, f'  wall: {{name: "{long_name}"}}\n'))


def test_every_finding_is_one_line_in_every_format(project: Path) -> None:
    _break_with_controls(project)
    found = json.loads(check(project, "--format", "json").stdout)
    codes = {f["code"] for f in found}
    assert {"C401", "C301", "S105"} <= codes  # a check's, the prose's and the loader's
    text = check(project).stdout
    github = check(project, "--format", "github").stdout
    for output in (text, github):
        assert not any(c in output for c in "\x1b\x07\x00\r\u2028\u2029")
    heads = [line for line in text.splitlines() if not line.startswith("    note: ")]
    assert all(FINDING.match(line) for line in heads), heads
    assert len(heads) == len(found)
    annotations = github.splitlines()
    assert all(line.startswith(("::error ", "::warning ")) for line in annotations)
    assert len(annotations) == len(found)
    for finding in found:
        for message in (finding["message"], *(n["message"] for n in finding["notes"])):
            assert not re.search("[\x00-\x1f\x7f-\x9f\u2028\u2029]", message), message
    messages = {f["code"]: f["message"] for f in found}
    assert messages["C401"] == (
        "faq[0].question 'What does \\x1b[31mHeel Press stretch' does not end with '?'"
    )
    assert messages["C301"] == (
        "equipment 'wall' is not named in the text (as"
        f" 'Wall\\u2028\\x1b]0;title\\x07{'y' * 33}…' or an alias)"
    )
    kebab = "must be kebab-case (lowercase letters and digits joined by single hyphens), got"
    assert sorted(f["message"] for f in found if f["code"] == "S105") == [
        f"field 'aliases[0]' {kebab} 'old\\tpress\\n\\x1b[0m'",
        f"field 'slug' {kebab} 'heel\\npress\\x1b[2J{'x' * 23}...'",
    ]
