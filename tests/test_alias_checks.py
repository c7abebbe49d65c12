"""Page aliases: an old slug redirects to exactly one page, and never hides a live one."""

from __future__ import annotations

from pathlib import Path

from .test_cli import check


def _record(project: Path, name: str, slug: str, aliases: str) -> None:
    source = (project / "content" / "heel-press.yaml").read_text()
    text = source.replace("name: Heel Press", f"name: {name}")
    text = text.replace("slug: heel-press\n", f"slug: {slug}\naliases: {aliases}\n")
    (project / "content" / f"{slug}.yaml").write_text(text)


def test_alias_that_is_a_live_slug(project: Path) -> None:
    _record(project, "Wall Calf Press", "wall-calf-press", "[heel-press]")
    done = check(project)
    assert done.stdout.splitlines() == [
        "content/wall-calf-press.yaml:4:11: C701 alias 'heel-press' is the live page of 'Heel Press'",
        "    note: content/heel-press.yaml:3:7: 'heel-press' is the slug of this page",
    ]
    assert done.returncode == 1


def test_alias_that_is_the_records_own_slug(project: Path) -> None:
    _record(project, "Wall Calf Press", "wall-calf-press", "[old-press, wall-calf-press]")
    assert check(project).stdout.splitlines() == [
        "content/wall-calf-press.yaml:4:22: C701 alias 'wall-calf-press' is this exercise's own slug",
    ]


def test_alias_claimed_twice(project: Path) -> None:
    _record(project, "Wall Calf Press", "wall-calf-press", "[calf-press]")
    _record(project, "Wall Calf Stretch", "wall-calf-stretch", "[calf-press]")
    assert check(project).stdout.splitlines() == [
        "content/wall-calf-stretch.yaml:4:11: C702 alias 'calf-press' is already an alias of"
        " 'Wall Calf Press'",
        "    note: content/wall-calf-press.yaml:4:11: first claimed by 'Wall Calf Press'",
    ]
