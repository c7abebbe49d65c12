"""`python -m build_tools check`: `file:line:col: CODE message` lines and exit codes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from build_tools.build.pipeline import Project, run

from .conftest import ROOT


def check(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "build_tools", "check", "--root", str(root), *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )


def test_clean_content_exits_zero() -> None:
    done = check(ROOT)
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "no problems found\n")


def test_bad_records_exit_one_with_every_finding(project: Path) -> None:
    record = project / "content" / "heel-press.yaml"
    text = record.read_text().replace("level: beginner", "level: begginer")
    text = text.replace("secondary: [soleus, achilles-tendon]", "secondary: [soleus, achilles]")
    record.write_text(text)
    (project / "content" / "moved.yaml").write_text(record.read_text())
    done = check(project)
    assert done.returncode == 1
    assert done.stdout.splitlines() == [
        "content/heel-press.yaml:6:8: C201 level 'begginer' is not in the levels vocabulary"
        " (did you mean 'beginner'?)",
        "content/heel-press.yaml:10:23: C201 muscles.secondary 'achilles' is not in the muscles"
        " vocabulary (did you mean 'achilles-tendon'?)",
        "content/moved.yaml:2:7: C107 name 'Heel Press' is also the name of"
        " content/heel-press.yaml: readers could not tell the two pages apart",
        "    note: content/heel-press.yaml:2:7: the other page's name",
        "content/moved.yaml:3:7: C101 slug 'heel-press' does not match the file name 'moved.yaml'",
        "content/moved.yaml:3:7: C102 slug 'heel-press' is already used by content/heel-press.yaml",
        "    note: content/heel-press.yaml:3:7: first used here",
        "content/moved.yaml:6:8: C201 level 'begginer' is not in the levels vocabulary"
        " (did you mean 'beginner'?)",
        "content/moved.yaml:10:23: C201 muscles.secondary 'achilles' is not in the muscles"
        " vocabulary (did you mean 'achilles-tendon'?)",
    ]
    assert done.stderr == "7 problems (7 errors) in 2 files\n"


def test_warnings_pass_unless_strict(project: Path) -> None:
    record = project / "content" / "heel-press.yaml"
    record.write_text(record.read_text().replace("A good Heel Press", "A good Heel-Press"))
    finding = (
        "content/heel-press.yaml:25:5: C303 description[2] writes the name as 'Heel-Press';"
        " the record's name is 'Heel Press'\n"
    )
    relaxed = check(project)
    assert (relaxed.returncode, relaxed.stdout) == (0, finding)
    assert relaxed.stderr == "1 problem (1 warning) in 1 file\n"
    strict = check(project, "--strict")
    assert (strict.returncode, strict.stdout) == (1, finding)
    assert strict.stderr == "1 problem (1 error) in 1 file\n"


def test_heel_press_passes_every_record_check() -> None:
    result = run(Project.at(ROOT))
    assert result.diagnostics == ()
    assert len(result.pages) == 1
