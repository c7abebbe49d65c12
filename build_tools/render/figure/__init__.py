"""The stance figure: a record's numbers → joints (kinematics) → an inline SVG (draw).

`stance_figures` is what the page template calls; `solve` is what the pose checks call. Both read
the same numbers the same way, so the picture cannot disagree with the record.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from ...model import Exercise, Stance, Vocabulary
from .drawing import draw, frame_for, hands_label
from .kinematics import Pose, Problem, Solution, solve

__all__ = ["Problem", "Solution", "StanceFigure", "solve", "stance_figures", "stance_picture"]


@dataclass(frozen=True)
class StanceFigure:
    """One drawn pose: the variation it shows (or the setup) and its SVG markup."""

    id: str
    name: str
    svg: Markup


def _knee(angle: float) -> str:
    return "straight (180°)" if angle >= 180 else f"bent to {angle:g}°"


def _description(pose: Pose, muscles: list[str]) -> str:
    s = pose.stance
    where = hands_label(s.hand_height_cm).removeprefix("hands ")
    text = (
        f"A person seen from the side faces a wall on the right, both palms flat on it {where},"
        f" {s.hand_height_cm:g} cm up. The rear heel is flat on the floor"
        f" {s.rear_heel_from_wall_cm:g} cm from the wall and the rear knee is"
        f" {_knee(s.rear_knee_angle_deg)}; the front knee is {_knee(s.front_knee_angle_deg)}"
        f" and the body leans {s.torso_lean_deg:g}° toward the wall."
    )
    if muscles:
        text += f" Shown in colour: {', '.join(muscles)}."
    return text


def stance_figures(
    exercise: Exercise, vocabulary: Vocabulary, *, prefix: str = "stance"
) -> tuple[StanceFigure, ...]:
    """The record's stance drawn once per variation (or once, for a record without variations);
    `prefix` starts the drawings' element ids.

    Only called on records that passed the pose checks: an impossible pose is a check finding.
    """
    if exercise.stance is None:
        return ()
    shown: list[tuple[str, str, Stance, tuple[str, ...]]] = [
        (
            v.id,
            v.name,
            exercise.stance.changed(v.stance) if v.stance else exercise.stance,
            v.muscles,
        )
        for v in exercise.variations
    ] or [("setup", exercise.name, exercise.stance, exercise.primary_muscles)]
    poses = []
    for *_, stance, _ in shown:
        solution = solve(stance)
        if solution.pose is None:
            raise ValueError(f"{exercise.slug}: {solution.problems[0].message}")
        poses.append(solution.pose)
    frame = frame_for(poses)
    figures = []
    for (key, name, _, muscles), pose in zip(shown, poses, strict=True):
        names = [vocabulary.muscles[m].name for m in muscles if m in vocabulary.muscles]
        svg = draw(
            frame,
            pose,
            key=f"{prefix}-{key}",
            title=f"{name}: the stance from the side",
            description=_description(pose, names),
            muscles=muscles,
        )
        figures.append(StanceFigure(key, name, svg))
    return tuple(figures)


def stance_picture(exercise: Exercise, vocabulary: Vocabulary) -> StanceFigure | None:
    """The picture of a record in a list of exercises (the home page): its first drawing, with
    ids of its own record's, since many records' drawings share a page there."""
    figures = stance_figures(exercise, vocabulary, prefix=f"picture-{exercise.slug}")
    return figures[0] if figures else None
