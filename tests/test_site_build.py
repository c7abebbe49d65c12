"""One build's steps, run twice with what `mkdocs serve` keeps between rebuilds: nothing kept
may outlive the input it was made from."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

from build_tools.build.config import RunMode, read_config, run_mode
from build_tools.build.site_build import SiteBuild, site_failure
from build_tools.diagnostics import Diagnostic, Location
from build_tools.speed.session import Session

from .conftest import copy_project


def exercise_meta(project: Path, session: Session, **changes: str) -> dict[str, str]:
    config = dataclasses.replace(read_config(project), **changes)
    build = SiteBuild(config, session=session)
    session.memo.sweep()
    assert build.prepare() == ()
    (page,) = [p for p in build.pages if p.slug == "heel-press"]
    return build.meta(page)


def test_the_meta_of_a_page_follows_its_record_and_the_site(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    session = Session()
    first = exercise_meta(project, session)
    assert first == exercise_meta(project, session)
    record = project / "content" / "heel-press.yaml"
    text = record.read_text()
    summary = text.split("summary: ", 1)[1].split("\n", 1)[0]
    record.write_text(text.replace(summary, summary.replace("calf", "lower leg", 1), 1))
    edited = exercise_meta(project, session)
    assert edited["description"] != first["description"]
    assert "lower leg" in edited["description"]
    renamed = exercise_meta(project, session, site_name="Another Reference")
    graph = json.loads(renamed["structured_data"])["@graph"]
    assert any(node.get("name") == "Another Reference" for node in graph)
    assert renamed["structured_data"] != edited["structured_data"]


def test_serve_shows_the_drafts_and_never_forks_and_the_other_commands_fork_where_they_can() -> (
    None
):
    serve = run_mode("serve", dirty=True, forkable=True)
    assert serve == RunMode(dirty=True, fork=False, show_drafts=True)
    for command in ("build", "gh-deploy"):
        assert run_mode(command, dirty=False, forkable=True) == RunMode(fork=True)
        assert run_mode(command, dirty=False, forkable=False) == RunMode()


def test_a_build_fails_on_a_logged_error_and_under_strict_on_a_warning_naming_its_checks() -> None:
    finding = Diagnostic("H001", "a link points nowhere", Location("site/index.html", 3, 5))
    assert site_failure([], {}, strict=True) is None
    assert site_failure([], {"WARNING": 2}, strict=False) is None
    assert site_failure([], {"WARNING": 2}, strict=True) == (
        "0 errors and 2 warnings logged during the build"
    )
    assert site_failure([], {"ERROR": 1, "CRITICAL": 1}, strict=False) == (
        "2 errors and 0 warnings logged during the build"
    )
    # The built-site checks log their findings too: the reason names them, not the log.
    assert site_failure([finding], {"ERROR": 1}, strict=False) == (
        "site check failed: 1 problem (1 error) in 1 file"
    )
