"""Which stance field a problem should point at, when several numbers make it.

Hands that miss the wall depend on the hand height, the heel's distance, the lean and the knee.
The finding points at the most direct of them when changing that one alone would make the pose
possible, and otherwise at the field where the smallest change, in centimetres or degrees, does.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from ...model import Stance
from .kinematics import Problem, solve

_FARTHEST = 180  # centimetres or degrees: past that, a field is not the one to change


def smallest_fix(stance: Stance, name: str) -> int | None:
    """The smallest whole change of `name` that makes `stance` a possible pose, if any."""
    value = getattr(stance, name)
    for step in range(1, _FARTHEST + 1):
        for change in (-step, step):
            if solve(replace(stance, **{name: value + change})).pose is not None:
                return step
    return None


def culprit(stance: Stance, problem: Problem, preferred: Iterable[str] = ()) -> str:
    """The field of `problem` to point at.

    The problem lists its fields most direct first (`front foot cannot reach the floor` names the
    front knee first). That field wins when changing it alone makes the pose possible; otherwise
    the field with the smallest such change does. `preferred` fields (those a variation sets)
    go before the others.
    """
    chosen = set(preferred)
    ordered = [f for f in problem.fields if f in chosen]
    ordered += [f for f in problem.fields if f not in chosen]
    if len(ordered) == 1 or smallest_fix(stance, ordered[0]) is not None:
        return ordered[0]
    fixes = [(step, name) for name in ordered[1:] if (step := smallest_fix(stance, name))]
    return min(fixes, key=lambda fix: fix[0])[1] if fixes else ordered[0]
