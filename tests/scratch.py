"""Heel Press broken on purpose in a scratch project (`conftest.copy_project`), and the command
line run on it: `check` in this process, `build` as its own process."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from build_tools.cli.main import main

from .conftest import ROOT


def edit_heel_press(project: Path, *edits: tuple[str, str], after: str = "") -> Path:
    """The project with its Heel Press the committed one with each `(old, new)` of `edits`
    replaced once (each must be there) and `after` added at its end; anew on every call."""
    text = (ROOT / "content" / "heel-press.yaml").read_text(encoding="utf-8")
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new, 1)
    (project / "content" / "heel-press.yaml").write_text(text + after, encoding="utf-8")
    return project


def check(
    project: Path, capsys: pytest.CaptureFixture[str], *args: str
) -> tuple[int, list[str], str]:
    """`python -m build_tools check` in this process: exit status, lines printed, summary."""
    status = main(["check", "--root", str(project), *args])
    out, err = capsys.readouterr()
    return status, out.splitlines(), err


def build(project: Path, site: Path) -> subprocess.CompletedProcess[str]:
    """`python -m build_tools build` of the project into `site`."""
    command = [sys.executable, "-m", "build_tools", "build", "--root", str(project)]
    return subprocess.run([*command, "-d", str(site)], capture_output=True, text=True, check=False)
