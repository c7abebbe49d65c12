"""A project in which an FAQ entry of Heel Press moved to another exercise, and one in which
an exercise was withdrawn: the scenes of the move and tombstone tests."""

from __future__ import annotations

from pathlib import Path

NEW_SLUG = "soleus-wall-stretch"
NEW_NAME = "Soleus Wall Stretch"
MOVED_ID = "heel-lift"
"""The Heel Press FAQ entry that moves."""
HEEL_LIFT = """\
  - id: heel-lift
    question: Should my rear heel ever lift off the floor?
    answer: >-
      No. If the heel lifts, the stance is too long or you are leaning too hard. Shorten the
      step and keep the heel rooted.
"""


def add_exercise(project: Path, slug: str = NEW_SLUG, name: str = NEW_NAME) -> Path:
    """A second published exercise: Heel Press's record under another slug and name, without
    the entry that is to move there."""
    text = (project / "content" / "heel-press.yaml").read_text()
    text = text.replace("name: Heel Press\n", f"name: {name}\n", 1)
    text = text.replace("slug: heel-press\n", f"slug: {slug}\n", 1)
    assert HEEL_LIFT in text
    record = project / "content" / f"{slug}.yaml"
    record.write_text(text.replace(HEEL_LIFT, ""))
    return record


def move_faq(project: Path, moved_from: str = f"heel-press#{MOVED_ID}") -> Path:
    """Heel Press's `heel-lift` answer moved to the second exercise, keeping its id, which says
    where it came from; the lock still lists the old link."""
    record = add_exercise(project)
    old = project / "content" / "heel-press.yaml"
    old.write_text(old.read_text().replace(HEEL_LIFT, ""))
    text = record.read_text()
    moved = HEEL_LIFT.replace(
        "  - id: heel-lift\n", f"  - id: heel-lift\n    moved_from: [{moved_from}]\n"
    )
    end_of_faq = "# The setup in numbers"
    assert end_of_faq in text
    record.write_text(text.replace(end_of_faq, moved + end_of_faq, 1))
    return record


WITHDRAWN_SLUG = "calf-press"
WITHDRAWN_NAME = "Calf Press"
WITHDRAWN_LINKS = ("exercises/calf-press/#knee-over-toes", "exercises/calf-press/#step-kneel")
"""What the lock holds of the withdrawn page."""
FROM_WITHDRAWN = "common-mistake"
"""The entry of the second exercise that came from the withdrawn page's `knee-over-toes`."""
TOMBSTONE = f"""\
name: {WITHDRAWN_NAME}
withdrawn: 2025-03-01
reason: Merged into {NEW_NAME}, which teaches the same stretch with the knee bent.
replaced_by: {NEW_SLUG}
"""


def withdraw(project: Path, tombstone: str | None = TOMBSTONE) -> None:
    """The lock lists a page no record publishes any more, `calf-press`; with `tombstone`,
    the content says it was withdrawn on purpose. One of its answers moved to the second
    exercise (which `move_faq` must have added)."""
    lock = project / "content" / "anchors.lock"
    lines = lock.read_text().splitlines(keepends=True)
    header = [line for line in lines if line.startswith("#")]
    links = sorted({*(line for line in lines if not line.startswith("#")), *WITHDRAWN_LINKS_LINES})
    lock.write_text("".join(header + links))
    record = project / "content" / f"{NEW_SLUG}.yaml"
    entry = f"  - id: {FROM_WITHDRAWN}\n"
    text = record.read_text()
    assert entry in text
    moved = f"{entry}    moved_from: [{WITHDRAWN_SLUG}#knee-over-toes]\n"
    record.write_text(text.replace(entry, moved, 1))
    if tombstone is not None:
        folder = project / "content" / "tombstones"
        folder.mkdir(exist_ok=True)
        (folder / f"{WITHDRAWN_SLUG}.yaml").write_text(tombstone)


WITHDRAWN_LINKS_LINES = tuple(f"{link}\n" for link in WITHDRAWN_LINKS)


def moves_project(project: Path) -> Path:
    """Heel Press's `heel-lift` moved to Soleus Wall Stretch, and Calf Press withdrawn in its
    favour, one of its answers moved there too."""
    move_faq(project)
    withdraw(project)
    return project
