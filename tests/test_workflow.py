"""The GitHub Actions workflow passes actionlint and zizmor's security audit."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from .conftest import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "site.yml"
ZIZMOR = Path(sys.executable).parent / "zizmor"  # installed by the test extra


def zizmor(path: Path) -> subprocess.CompletedProcess[str]:
    command = [str(ZIZMOR), "--offline", "--persona", "auditor", "--format", "plain", str(path)]
    return subprocess.run(command, capture_output=True, text=True, check=False)


def test_workflow_has_no_zizmor_finding() -> None:
    done = zizmor(WORKFLOW)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "No findings to report" in done.stdout + done.stderr


def test_zizmor_catches_an_unpinned_action(tmp_path: Path) -> None:
    bad = tmp_path / "site.yml"
    bad.write_text(
        WORKFLOW.read_text().replace(
            "actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2",
            "actions/checkout@v4",
        )
    )
    done = zizmor(bad)
    assert done.returncode != 0
    assert "unpinned-uses" in done.stdout + done.stderr


def actionlint(path: Path) -> list[dict[str, object]]:
    done = subprocess.run(
        ["node", str(ROOT / "tests" / "actionlint.mjs"), str(path)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    return json.loads(done.stdout)


def test_workflow_has_no_actionlint_finding() -> None:
    assert actionlint(WORKFLOW) == []


def test_actionlint_catches_a_broken_workflow(tmp_path: Path) -> None:
    bad = tmp_path / "site.yml"
    bad.write_text(WORKFLOW.read_text().replace("needs: build", "needs: biuld"))
    kinds = [finding["kind"] for finding in actionlint(bad)]
    assert kinds == ["job-needs"]
