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
