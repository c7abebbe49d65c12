"""One build's steps, run twice with what `mkdocs serve` keeps between rebuilds: nothing kept
may outlive the input it was made from."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

from build_tools.build.config import read_config
from build_tools.build.site_build import SiteBuild
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
