"""Durable deep links: the anchor lock, aliases, and the checks that keep published links alive."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from build_tools.anchors import published_anchors
from build_tools.build.pipeline import Project, run
from build_tools.source.load import load_content
from build_tools.source.lock import lock_text, parse_lock

from .conftest import ROOT

RECORD = "content/heel-press.yaml"
LOCK = "content/anchors.lock"
FAQ_KEY = "\nfaq:"  # the record's `faq:` key, not a `faq:<id>` reference


def at(project: Path, path: str, needle: str, occurrence: int = 1, offset: int = 0) -> str:
    """`path:line:col` of the n-th occurrence of `needle` in a project file, moved `offset`
    characters on (a needle that starts with a line break stands for the start of a line)."""
    text = (project / path).read_text()
    index = -1
    for _ in range(occurrence):
        index = text.index(needle, index + 1)
    index += offset + (1 if needle.startswith("\n") else 0)
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return f"{path}:{line}:{column}"


def edit(project: Path, old: str, new: str, path: str = RECORD) -> None:
    file = project / path
    text = file.read_text()
    assert old in text, old
    file.write_text(text.replace(old, new, 1))


def findings(project: Path) -> list[str]:
    return [d.format() for d in run(Project.at(project), render=False).diagnostics]


def lock_command(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "build_tools", "lock", "--root", str(root)],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )


def test_the_committed_lock_holds_every_anchor_of_the_content() -> None:
    content = load_content(ROOT / "content", ROOT)
    assert content.anchor_lock is not None
    assert content.anchor_lock.problems == ()
    locked = {entry.link for entry in content.anchor_lock.anchors}
    (exercise,) = content.exercises
    assert published_anchors(exercise) <= locked
    assert "exercises/heel-press/#heel-lift" in locked
    assert "exercises/heel-press/#step-lean-in" in locked
    assert "exercises/heel-press/#variation-bent-knee" in locked


def test_renamed_faq_id_without_alias_points_at_the_new_id(project: Path) -> None:
    edit(project, "  - id: heel-lift\n", "  - id: heel-rise\n")
    assert findings(project) == [
        f"{at(project, RECORD, 'heel-rise')}: C501 locked anchor '#heel-lift' is gone:"
        " add 'aliases: [heel-lift]' to the faq entry that replaced it\n"
        f"    note: {at(project, LOCK, 'exercises/heel-press/#heel-lift')}:"
        " published as 'exercises/heel-press/#heel-lift'"
    ]


def test_an_alias_keeps_the_renamed_link_alive(project: Path) -> None:
    edit(project, "  - id: heel-lift\n", "  - id: heel-rise\n    aliases: [heel-lift]\n")
    edit(project, "  - id: lean-in\n", "  - id: lean-forward\n    aliases: [lean-in]\n")
    result = run(Project.at(project))
    assert result.diagnostics == ()
    (page,) = result.pages
    assert {"heel-rise", "heel-lift", "step-lean-forward", "step-lean-in"} <= page.anchors


def test_deleted_faq_entry_points_at_the_faq_list(project: Path) -> None:
    edit(
        project,
        "  - id: common-mistake\n    question: What is the most common mistake with this stretch?\n"
        "    answer: >-\n      Rushing forward and letting the heel rise. The stretch should come"
        " from a controlled lean,\n      not a bounce.\n",
        "",
    )
    assert findings(project) == [
        f"{at(project, RECORD, FAQ_KEY)}: C501 locked anchor '#common-mistake' is gone:"
        " add 'aliases: [common-mistake]' to the faq entry that replaced it\n"
        f"    note: {at(project, LOCK, 'exercises/heel-press/#common-mistake')}:"
        " published as 'exercises/heel-press/#common-mistake'"
    ]


def test_renamed_step_asks_for_the_step_id_as_alias(project: Path) -> None:
    edit(project, "  - id: lean-in\n", "  - id: lean-forward\n")
    assert findings(project) == [
        f"{at(project, RECORD, 'lean-forward')}: C501 locked anchor '#step-lean-in' is gone:"
        " add 'aliases: [lean-in]' to the step that replaced it\n"
        f"    note: {at(project, LOCK, 'exercises/heel-press/#step-lean-in')}:"
        " published as 'exercises/heel-press/#step-lean-in'"
    ]


def test_alias_that_is_a_live_id_collides(project: Path) -> None:
    edit(project, "  - id: heel-lift\n", "  - id: heel-lift\n    aliases: [knee-angle]\n")
    assert findings(project) == [
        f"{at(project, RECORD, 'aliases: [knee-angle]', offset=10)}: C502 alias 'knee-angle' collides with the live id"
        " of faq entry 'knee-angle'\n"
        f"    note: {at(project, RECORD, 'id: knee-angle', offset=4)}: faq entry 'knee-angle'"
    ]


def test_alias_claimed_by_two_entries_collides(project: Path) -> None:
    edit(project, "  - id: heel-lift\n", "  - id: heel-lift\n    aliases: [heel-up]\n")
    edit(project, "  - id: knee-angle\n", "  - id: knee-angle\n    aliases: [heel-up]\n")
    assert findings(project) == [
        f"{at(project, RECORD, 'heel-up', 2)}: C502 alias 'heel-up' is already an alias of"
        " faq entry 'knee-angle'\n"
        f"    note: {at(project, RECORD, 'heel-up', 1)}: first claimed here"
    ]


def test_two_entries_with_one_id(project: Path) -> None:
    edit(project, "  - id: common-mistake\n", "  - id: heel-lift\n")
    assert findings(project) == [
        f"{at(project, RECORD, FAQ_KEY)}: C501 locked anchor '#common-mistake' is gone:"
        " add 'aliases: [common-mistake]' to the faq entry that replaced it\n"
        f"    note: {at(project, LOCK, 'exercises/heel-press/#common-mistake')}:"
        " published as 'exercises/heel-press/#common-mistake'",
        f"{at(project, RECORD, 'heel-lift', 2)}: C103 faq[5].id 'heel-lift' is already used by"
        " faq[3]\n"
        f"    note: {at(project, RECORD, 'heel-lift', 1)}: first used here",
    ]


def test_malformed_and_repeated_lock_lines(project: Path) -> None:
    lock = project / LOCK
    lock.write_text(
        lock.read_text() + "exercises/heel-press/heel-lift\n  exercises/heel-press/#heel-lift\n"
    )
    first = at(project, LOCK, "exercises/heel-press/#heel-lift")
    assert findings(project) == [
        f"{at(project, LOCK, 'exercises/heel-press/heel-lift')}: C504 expected"
        " 'exercises/<slug>/#<anchor>', got 'exercises/heel-press/heel-lift'",
        f"{at(project, LOCK, 'exercises/heel-press/#heel-lift', 2)}: C504"
        f" 'exercises/heel-press/#heel-lift' is listed twice (first at line {first.split(':')[1]})",
    ]


def test_locked_page_without_record(project: Path) -> None:
    (project / LOCK).write_text(
        lock_text(["exercises/ankle-rock/#rock-depth", "exercises/ankle-rock/#step-kneel"])
        + (project / LOCK).read_text()
    )
    assert findings(project) == [
        f"{at(project, LOCK, 'exercises/ankle-rock/#rock-depth')}: C505 published page"
        " 'exercises/ankle-rock/' has no record: add 'aliases: [ankle-rock]' to the record that"
        " replaced it, or its 2 locked links break (withdrawn on purpose: write"
        " 'content/tombstones/ankle-rock.yaml')"
    ]


def _rename_heel_press(project: Path, aliases: str) -> None:
    record = project / "content" / "heel-press.yaml"
    text = record.read_text().replace("slug: heel-press\n", f"slug: wall-calf-press\n{aliases}")
    (project / "content" / "wall-calf-press.yaml").write_text(text)
    record.unlink()


def test_renamed_page_without_an_alias_fails(project: Path) -> None:
    _rename_heel_press(project, "")
    first_locked = sorted(
        line for line in (project / LOCK).read_text().splitlines() if not line.startswith("#")
    )[0]
    assert findings(project) == [
        f"{at(project, LOCK, first_locked)}: C505 published page 'exercises/heel-press/' has no"
        " record: add 'aliases: [heel-press]' to the record that replaced it, or its 18 locked"
        " links break (withdrawn on purpose: write 'content/tombstones/heel-press.yaml')"
    ]


def test_renamed_page_with_its_old_slug_as_alias_keeps_every_link(project: Path) -> None:
    _rename_heel_press(project, "aliases: [heel-press]\n")
    assert findings(project) == []


def test_renamed_page_still_guards_the_anchors_of_its_old_address(project: Path) -> None:
    _rename_heel_press(project, "aliases: [heel-press]\n")
    record = project / "content" / "wall-calf-press.yaml"
    record.write_text(record.read_text().replace("  - id: heel-lift\n", "  - id: heel-rise\n"))
    (line,) = findings(project)
    assert "C501 locked anchor '#heel-lift' is gone: add 'aliases: [heel-lift]'" in line
    assert line.startswith("content/wall-calf-press.yaml:")


def test_a_record_that_fails_to_load_is_not_reported_as_a_gone_page(project: Path) -> None:
    edit(project, "level: beginner\n", "level: [beginner]\n")
    assert [line.split(": ")[1].split()[0] for line in findings(project)] == ["S103"]


def test_lock_command_adds_anchors_and_never_removes_any(project: Path) -> None:
    lock = project / LOCK
    lock.write_text(lock_text(["exercises/heel-press/#heel-lift", "exercises/old/#kept"]))
    edit(project, "  - id: heel-lift\n", "  - id: heel-rise\n    aliases: [heel-lift]\n")
    # The lock names a page with no record: the content has a problem, so nothing is written.
    refused = lock_command(project)
    assert refused.returncode == 1
    assert "C505 published page 'exercises/old/' has no record" in refused.stdout
    assert refused.stderr.endswith("the lock was not changed\n")
    assert lock.read_text() == lock_text(["exercises/heel-press/#heel-lift", "exercises/old/#kept"])

    lock.write_text(lock_text(["exercises/heel-press/#heel-lift"]))
    done = lock_command(project)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stderr == f"{LOCK}: 19 anchors, 18 added\n"
    links = [line for line in lock.read_text().splitlines() if not line.startswith("#")]
    assert links == sorted(links)
    assert {"exercises/heel-press/#heel-lift", "exercises/heel-press/#heel-rise"} <= set(links)
    assert lock_command(project).stderr == f"{LOCK}: 19 anchors, 0 added\n"


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("exercises/Heel-Press/#x", "expected 'exercises/<slug>/#<anchor>', got"),
        ("exercises/heel-press/#", "expected 'exercises/<slug>/#<anchor>', got"),
        ("/exercises/heel-press/#heel-lift", "expected 'exercises/<slug>/#<anchor>', got"),
    ],
)
def test_lock_lines_must_be_page_and_anchor(line: str, message: str) -> None:
    lock = parse_lock(f"# comment\n\n{line}\n", "anchors.lock")
    assert lock.anchors == ()
    (problem,) = lock.problems
    assert (str(problem.location), problem.message) == ("anchors.lock:3:1", f"{message} '{line}'")
