"""Pose: the stance a record describes is one a body can take, or the figure would lie.

Each pose is solved once per record and per variation (`figure.solve`); every check here reports
one kind of the problems it finds. A finding points at the stance field whose smallest change
makes the pose possible (`figure.blame`); in a variation, at a field the variation itself sets
when changing that one would do, so the finding lands where the editor typed.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterator

from ..figure import Problem, solve
from ..figure.blame import culprit
from ..load import Content
from ..model import Exercise, Vocabulary
from ..registry import Finding, record_check
from ..yaml_source import Path


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


@record_check("C600", "stance value is not a finite number")
def finite_numbers(content: Content, vocabulary: Vocabulary) -> Iterator[Finding]:
    """Stance values are plain numbers. YAML also reads `.nan` and `.inf` as numbers, and no figure
    can be drawn from them."""
    yield from _findings(content, "number")


@record_check("C601", "a foot leaves the floor")
def feet_on_the_floor(content: Content, vocabulary: Vocabulary) -> Iterator[Finding]:
    """Both feet stay flat. The rear heel lifts when the shin has to tilt over the foot further than
    the ankle bends (lean and knee bend add up); the front foot cannot reach the floor when the
    front knee is bent too far for the height of the hips."""
    yield from _findings(content, "foot")


@record_check("C602", "the hands do not reach the wall")
def hands_reach_the_wall(content: Content, vocabulary: Vocabulary) -> Iterator[Finding]:
    """The palms rest on the wall: the shoulders must be within an arm's length of them. A longer
    stance or a more upright torso puts the shoulders further back."""
    yield from _findings(content, "reach")


@record_check("C603", "a joint is bent past its range")
def joints_within_range(content: Content, vocabulary: Vocabulary) -> Iterator[Finding]:
    """Knees open at most to straight (180°) and close to 40°; the elbows close to 30°; the front
    hip flexes at most 120°; the ankles tilt the shin at most 50° back over a flat foot."""
    yield from _findings(content, "range")


@record_check("C604", "the body goes through the wall or the floor")
def clear_of_wall_and_floor(content: Content, vocabulary: Vocabulary) -> Iterator[Finding]:
    """Nothing but the palms touches the wall and nothing but the feet the floor: a front foot too
    far forward, a head leaning into the wall or a rear foot closer than its own length."""
    yield from _findings(content, "through")
