"""Drafts: loaded and checked, listed with what they lack, never published; `mkdocs serve`
shows their pages, marked as drafts."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from .conftest import build_site, copy_project
from .test_serve import Server

HEEL_PRESS = "content/heel-press.yaml"

# Only the fields a draft must have, and one step.
BARE_DRAFT = """\
name: Tibialis Wall Raise
slug: tibialis-wall-raise
draft: true
instructions:
  - id: rise
    text: Rise onto the balls of both feet, then lower the heels slowly.
"""


def complete_draft(project: Path) -> str:
    """Heel Press as a second record that lacks nothing but is still a draft, with an old slug
    (whose redirect must not be published) and its own deep links."""
    text = (project / HEEL_PRESS).read_text(encoding="utf-8")
    text = text.replace("name: Heel Press\nslug: heel-press\n", "")
    return (
        "name: Wall Calf Lean\nslug: wall-calf-lean\ndraft: true\naliases: [old-calf-lean]\n"
        + text.replace("Heel Press", "Wall Calf Lean").replace("heel press", "wall calf lean")
    )


@pytest.fixture
def with_drafts(tmp_path: Path) -> Path:
    project = copy_project(tmp_path / "project")
    (project / "content" / "tibialis-wall-raise.yaml").write_text(BARE_DRAFT, encoding="utf-8")
    (project / "content" / "wall-calf-lean.yaml").write_text(
        complete_draft(project), encoding="utf-8"
    )
    return project


def run_tool(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "build_tools", *args, "--root", str(project)],
        capture_output=True,
        text=True,
        check=False,
    )


def test_check_lists_each_draft_with_what_it_lacks_and_passes(with_drafts: Path) -> None:
    done = run_tool(with_drafts, "check", "--strict")
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.splitlines() == [
        "content/tibialis-wall-raise.yaml:3:1: D001 draft, not published: lacks summary, category, level,"
        " equipment, muscles, when_to_use, description, tips and faq",
        "content/wall-calf-lean.yaml:3:1: D001 draft, not published: has every field the site"
        " requires: remove 'draft: true' to publish it",
    ]
    assert done.stderr.strip() == "no problems found; 2 notes on drafts"


def test_a_drafts_findings_are_notes_and_a_published_records_stay_errors(
    with_drafts: Path,
) -> None:
    draft = with_drafts / "content" / "tibialis-wall-raise.yaml"
    draft.write_text(BARE_DRAFT + "level: expert-plus\n", encoding="utf-8")
    done = run_tool(with_drafts, "check", "--format", "json")
    assert done.returncode == 0, done.stdout + done.stderr
    found = {(d["code"], d["severity"]) for d in json.loads(done.stdout)}
    assert ("C201", "note") in found
    # The same mistake in a published record fails the run.
    published = with_drafts / HEEL_PRESS
    text = published.read_text(encoding="utf-8")
    published.write_text(text.replace("level: beginner", "level: expert-plus"), encoding="utf-8")
    done = run_tool(with_drafts, "check", "--format", "json")
    assert done.returncode == 1
    assert {"path": HEEL_PRESS, "code": "C201", "severity": "error"}.items() <= next(
        d for d in json.loads(done.stdout) if d["path"] == HEEL_PRESS
    ).items()


def test_a_file_that_fails_the_schema_is_no_draft_and_fails(with_drafts: Path) -> None:
    draft = with_drafts / "content" / "tibialis-wall-raise.yaml"
    draft.write_text(BARE_DRAFT.replace("name: Tibialis Wall Raise\n", ""), encoding="utf-8")
    done = run_tool(with_drafts, "check")
    assert done.returncode == 1
    assert "content/tibialis-wall-raise.yaml:1:1: S101 missing required field 'name'" in done.stdout


def every_file(site: Path) -> Iterator[tuple[str, str]]:
    for path in sorted(site.rglob("*")):
        if path.is_file() and path.suffix in {".html", ".xml", ".json", ".txt", ".conf", ""}:
            yield (
                path.relative_to(site).as_posix(),
                path.read_text(encoding="utf-8", errors="replace"),
            )


def test_drafts_are_in_no_published_output(with_drafts: Path, tmp_path: Path) -> None:
    built = build_site(with_drafts, tmp_path / "site")
    site = built.path
    assert (site / "exercises" / "heel-press" / "index.html").is_file()
    assert not (site / "exercises" / "tibialis-wall-raise").exists()
    assert not (site / "exercises" / "wall-calf-lean").exists()
    assert not (site / "exercises" / "old-calf-lean").exists()
    names = ("tibialis-wall-raise", "wall-calf-lean", "old-calf-lean", "Tibialis", "Calf Lean")
    mentions = [(path, name) for path, text in every_file(site) for name in names if name in text]
    assert mentions == []
    assert "2 drafts were not published" in built.output  # one line, not a note per draft
    assert "D001" not in built.output


def test_the_lock_takes_no_anchor_of_a_draft(with_drafts: Path) -> None:
    done = run_tool(with_drafts, "lock")
    assert done.returncode == 0, done.stderr
    lock = (with_drafts / "content" / "anchors.lock").read_text(encoding="utf-8")
    assert "exercises/heel-press/#heel-lift" in lock
    assert "wall-calf-lean" not in lock
    assert "tibialis" not in lock


def test_serve_shows_drafts_marked_as_drafts(with_drafts: Path) -> None:
    server = Server(with_drafts, "--strict")
    try:
        server.wait_for("the first build", lambda: server.logged("Serving on") > 0)
        bare = server.get("exercises/tibialis-wall-raise/").decode()
        complete = server.get("exercises/wall-calf-lean/").decode()
        published = server.get("exercises/heel-press/").decode()
    finally:
        server.stop()
    assert '<p class="draft-notice" role="note"><strong>Draft</strong>' in bare
    assert "it lacks summary, category, level" in bare
    assert "Rise onto the balls of both feet, then lower the heels slowly." in bare
    assert "<title>Tibialis Wall Raise (draft)" in bare
    assert "remove &#39;draft: true&#39; to publish it" in complete
    assert "draft-notice" not in published
