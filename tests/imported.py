"""What the import tests read of a project after `python -m build_tools import`: its content
files, a record, an import refused, and `check` on the whole of it; and what the sources call
their terms."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from build_tools.cli.main import main

# wger's muscles as its API names them (`name`, `name_en`): wger/exercises/fixtures/muscles.json.
WGER_MUSCLES = [
    ("Biceps brachii", "Biceps"),
    ("Anterior deltoid", "Shoulders"),
    ("Serratus anterior", ""),
    ("Pectoralis major", "Chest"),
    ("Triceps brachii", "Triceps"),
    ("Rectus abdominis", "Abs"),
    ("Gastrocnemius", "Calves"),
    ("Gluteus maximus", "Glutes"),
    ("Trapezius", ""),
    ("Quadriceps femoris", "Quads"),
    ("Biceps femoris", "Hamstrings"),
    ("Latissimus dorsi", "Lats"),
    ("Brachialis", ""),
    ("Obliquus externus abdominis", ""),
    ("Soleus", ""),
    ("Erector spinae", "Lower back"),
]


def files(project: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in (project / "content").rglob("*") if p.is_file()}


def record(project: Path, slug: str) -> dict[str, Any]:
    return yaml.safe_load((project / "content" / f"{slug}.yaml").read_text())


def assert_refused(
    project: Path, capsys: pytest.CaptureFixture[str], run: Callable[[], int], expected: str
) -> None:
    """The import `run` starts fails (status 1) with a finding that `expected` (a pattern)
    matches, says that nothing was written, and writes nothing."""
    before = files(project)
    assert run() == 1
    err = capsys.readouterr().err
    assert re.search(expected, err, re.MULTILINE), err
    assert "nothing was written" in err
    assert "Traceback" not in err
    assert files(project) == before


def assert_passes_check_listing_its_drafts(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`check` passes on the imported project and lists what its drafts lack (D001)."""
    capsys.readouterr()
    status = main(["check", "--root", str(project)])
    out = capsys.readouterr().out
    codes = set(re.findall(r"^\S+:\d+:\d+: ([A-Z]\d{3}) ", out, re.MULTILINE))
    assert status == 0, out
    assert "D001" in codes, out
    # Every record is a draft: what each lacks and its findings are told as notes, never failing.
    main(["check", "--root", str(project), "--format", "json"])
    told = json.loads(capsys.readouterr().out)
    assert {d["severity"] for d in told} == {"note"}
