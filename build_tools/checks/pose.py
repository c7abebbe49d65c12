"""Pose: the stance a record describes is one a body can take, or the figure would lie.

Each pose is solved once per record and per variation (`render.figure.solve`); every check here
reports one kind of the problems it finds. A finding points at the stance field whose smallest
change makes the pose possible (`render.figure.blame`); in a variation, at a field the variation
itself sets when changing that one would do, so the finding lands where the editor typed.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterator

from ..model import Exercise, Vocabulary
from ..render.figure import Problem, solve
from ..render.figure.blame import culprit
from ..source.load import Content
from ..source.yaml_nodes import Path
from .registry import Finding, record_check


def _problems(exercise: Exercise) -> Iterator[tuple[Path, Problem]]:
    """Every problem of the record's poses, once, with the path of the field to blame."""
    if exercise.stance is None:
        return
    seen: set[tuple[str, str]] = set()
    for problem in solve(exercise.stance).problems:
        seen.add((problem.kind, problem.part))
        yield ("stance", culprit(exercise.stance, problem)), problem
    for index, variation in enumerate(exercise.variations):
        if variation.stance is None:
            continue
        stance = exercise.stance.changed(variation.stance)
        for problem in solve(stance).problems:
            if (problem.kind, problem.part) in seen:
                continue  # the record's own stance already has it: one finding, one fix
            seen.add((problem.kind, problem.part))
            name = culprit(stance, problem, preferred=variation.stance.names)
            if name in variation.stance.names:
                yield ("variations", index, "stance", name), problem
            else:
                yield ("stance", name), problem


# Five checks read the same poses: each record is solved once per loaded copy of it.
_SOLVED: weakref.WeakKeyDictionary[Exercise, tuple[tuple[Path, Problem], ...]] = (
    weakref.WeakKeyDictionary()
)


def _solved(exercise: Exercise) -> tuple[tuple[Path, Problem], ...]:
    found = _SOLVED.get(exercise)
    if found is None:
        found = _SOLVED[exercise] = tuple(_problems(exercise))
    return found


def _findings(content: Content, kind: str) -> Iterator[Finding]:
    for exercise in content.exercises:
        for path, problem in _solved(exercise):
            if problem.kind == kind:
                yield Finding(exercise.source.value(path), problem.message)


@record_check(
    "C600",
    "stance value is not a finite number",
    example="content/heel-press.yaml:155:19: C600 stance field 'torso_lean_deg'"
    " must be a finite number, got nan",
    per_record=True,
)
def finite_numbers(content: Content, vocabulary: Vocabulary) -> Iterator[Finding]:
    """What it catches: a stance value that is not a plain number: YAML also reads `.nan` and
    `.inf` as numbers.

    Why: no figure can be drawn from them, and no body stands that way.

    How to fix: write the measurement as a number, in the unit the field's name gives."""
    yield from _findings(content, "number")


@record_check(
    "C601",
    "a foot leaves the floor",
    example="content/heel-press.yaml:155:19: C601 rear heel lifts off the"
    " floor: the pose tilts the rear shin 50° over the foot, the ankle allows 45°",
    per_record=True,
)
def feet_on_the_floor(content: Content, vocabulary: Vocabulary) -> Iterator[Finding]:
    """What it catches: a stance in which a foot cannot stay flat: the rear heel lifts when the
    shin has to tilt over the foot further than the ankle allows; the front foot cannot reach the
    floor when the front knee is bent too far for the height of the hips.

    Why: the figure would show a pose the text forbids ("the heel can stay flat on the floor").

    How to fix: change the field the finding points at: a smaller lean, a straighter knee."""
    yield from _findings(content, "foot")


@record_check(
    "C602",
    "the hands do not reach the wall",
    example="content/heel-press.yaml:152:27: C602 hands do not reach the wall:"
    " the shoulder is 127 cm from the wrist, the arm reaches 56 cm",
    per_record=True,
)
def hands_reach_the_wall(content: Content, vocabulary: Vocabulary) -> Iterator[Finding]:
    """What it catches: a stance in which the shoulders are further from the palms on the wall
    than an arm reaches: a longer stance or a more upright torso puts them further back.

    Why: the figure's hands would float in the air.

    How to fix: shorten the stance, lean further, or place the hands higher."""
    yield from _findings(content, "reach")


@record_check(
    "C603",
    "a joint is bent past its range",
    example="content/heel-press.yaml:84:35: C603 rear knee angle 190° is past"
    " the knee's range of 40° to 180° (180° is straight)",
    per_record=True,
)
def joints_within_range(content: Content, vocabulary: Vocabulary) -> Iterator[Finding]:
    """What it catches: a knee opened past straight (180°) or closed past 40°, an elbow closed past
    30°, a front hip flexed past 120°, or a shin tilted more than 50° over a flat foot.

    Why: no reader's body bends that way; the figure would teach an injury.

    How to fix: bring the angle the finding names back into its range."""
    yield from _findings(content, "range")


@record_check(
    "C604",
    "the body goes through the wall or the floor",
    example="content/heel-press.yaml:154:25: C604 front foot goes through the wall: 5 cm past it",
    per_record=True,
)
def clear_of_wall_and_floor(content: Content, vocabulary: Vocabulary) -> Iterator[Finding]:
    """What it catches: a part of the body other than the palms through the wall, or other than
    the feet through the floor: a front foot too far forward, a head leaning into the wall, a
    rear foot closer to the wall than its own length.

    Why: the figure would be impossible, and so would the reader's stance.

    How to fix: lengthen the stance or reduce the lean, as the finding says."""
    yield from _findings(content, "through")
