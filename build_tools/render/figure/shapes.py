"""The figure's outlines: control points placed on the bones of a pose.

Each outline is a list of `(bone, along, across)` in centimetres: `along` runs from the bone's
first joint toward its second, `across` runs to the front of the limb (for the foot: `along` runs
forward from the back of the heel and `across` runs up). The drawing rounds them into smooth
curves (`svg.smooth_outline`), so the numbers shape a body, not a polygon. A fourth item 2 marks
a corner the curve passes through.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from .body import Point, tilt_of
from .kinematics import Pose

Control = tuple[str, float, float] | tuple[str, float, float, int]


@dataclass(frozen=True)
class Bone:
    origin: Point
    along: Point  # unit vector
    across: Point  # unit vector

    @classmethod
    def between(cls, start: Point, end: Point) -> Bone:
        angle = math.radians(tilt_of(start, end))
        return cls(
            start,
            Point(math.sin(angle), math.cos(angle)),
            Point(math.cos(angle), -math.sin(angle)),
        )

    def at(self, along: float, across: float) -> Point:
        o, u, n = self.origin, self.along, self.across
        return Point(o.x + along * u.x + across * n.x, o.y + along * u.y + across * n.y)


def _axes(start: Point, end: Point) -> tuple[Point, Point]:
    bone = Bone.between(start, end)
    return bone.along, bone.across


def _foot(heel: Point) -> Bone:
    return Bone(heel, Point(1.0, 0.0), Point(0.0, 1.0))


def rear_bones(pose: Pose) -> dict[str, Bone]:
    """The bones of the near side: the rear (stretched) leg, the torso and the head."""
    return {
        "foot": _foot(pose.rear_heel),
        "shank": Bone.between(pose.rear_ankle, pose.rear_knee),
        "thigh": Bone.between(pose.rear_knee, pose.hip),
        "trunk": Bone.between(pose.hip, pose.shoulder),
        "head": Bone(pose.head, *_axes(pose.shoulder, pose.head)),
    }


def front_bones(pose: Pose) -> dict[str, Bone]:
    return {
        "foot": _foot(pose.front_heel),
        "shank": Bone.between(pose.front_ankle, pose.front_knee),
        "thigh": Bone.between(pose.front_knee, pose.hip),
    }


def arm_bones(pose: Pose) -> dict[str, Bone]:
    return {
        "upper": Bone.between(pose.shoulder, pose.elbow),
        "fore": Bone.between(pose.elbow, pose.wrist),
        "hand": Bone(pose.palm, Point(0.0, 1.0), Point(1.0, 0.0)),
    }


def place(bones: dict[str, Bone], controls: Sequence[Control]) -> list[Point]:
    placed: list[Point] = []
    for control in controls:
        point = bones[control[0]].at(control[1], control[2])
        placed.extend([point] * (control[3] if len(control) == 4 else 1))
    return placed


# The sole, from the heel's contact with the floor to the toes, and the front of the foot.
_FOOT_FRONT: tuple[Control, ...] = (
    ("foot", 2.6, 0.0, 2),
    ("foot", 18.5, 0.0, 2),
    ("foot", 25.2, 0.5),
    ("foot", 26.0, 2.0),
    ("foot", 23.0, 3.4),
    ("foot", 17.0, 5.0),
    ("foot", 12.5, 7.4),
    ("foot", 10.0, 9.0),
)
_LEG_FRONT: tuple[Control, ...] = (
    ("shank", 5.5, 3.2),
    ("shank", 20.0, 2.9),
    ("shank", 32.0, 3.4),
    ("shank", 39.0, 4.4),
    ("thigh", 1.5, 5.2),
    ("thigh", 8.0, 5.7),
    ("thigh", 22.0, 7.3),
    ("thigh", 35.0, 7.4),
)
_LEG_BACK: tuple[Control, ...] = (
    ("thigh", 32.0, -7.6),
    ("thigh", 20.0, -6.6),
    ("thigh", 7.0, -5.6),
    ("shank", 39.0, -5.2),
    ("shank", 30.0, -6.8),
    ("shank", 20.0, -5.6),
    ("shank", 11.0, -3.4),
    ("shank", 4.5, -2.6),
    ("foot", 0.6, 4.6),
    ("foot", -0.5, 2.2),
    ("foot", 0.5, 0.3),
)

# Torso, neck and head in profile, facing the wall. The head's points are around its centre.
_TRUNK_FRONT: tuple[Control, ...] = (
    ("trunk", 4.0, 8.4),
    ("trunk", 16.0, 8.6),
    ("trunk", 28.0, 10.4),
    ("trunk", 37.0, 11.8),
    ("trunk", 45.0, 10.6),
    ("trunk", 50.0, 6.0),
)
_HEAD: tuple[Control, ...] = (
    ("head", -12.0, 4.6),
    ("head", -9.6, 5.6),
    ("head", -9.2, 8.6),
    ("head", -5.5, 9.6),
    ("head", -2.5, 10.8),
    ("head", 1.0, 9.8),
    ("head", 5.0, 9.0),
    ("head", 8.5, 5.5),
    ("head", 10.8, 0.0),
    ("head", 8.5, -6.5),
    ("head", 2.0, -10.2),
    ("head", -4.5, -9.4),
    ("head", -9.0, -5.6),
    ("head", -13.0, -5.2),
)
_TRUNK_BACK: tuple[Control, ...] = (
    ("trunk", 51.0, -5.0),
    ("trunk", 46.0, -10.0),
    ("trunk", 34.0, -11.0),
    ("trunk", 22.0, -9.6),
    ("trunk", 13.0, -8.6),
    ("trunk", 4.0, -10.0),
    ("trunk", -4.0, -10.5),
)

# The near side is one outline from the heel round the head and back, so its joints show no seams.
NEAR_BODY = (*_FOOT_FRONT, *_LEG_FRONT, *_TRUNK_FRONT, *_HEAD, *_TRUNK_BACK, *_LEG_BACK)

# The far leg ends in a cap round the hip, hidden behind the torso.
FAR_LEG = (
    *_FOOT_FRONT,
    *_LEG_FRONT,
    ("thigh", 41.0, 6.0),
    ("thigh", 46.0, 0.0),
    ("thigh", 42.0, -7.0),
    *_LEG_BACK,
)

ARM = (
    ("upper", -3.0, 0.0),
    ("upper", -1.5, -4.6),
    ("upper", 6.0, -5.4),
    ("upper", 18.0, -4.2),
    ("fore", 3.0, -4.0),
    ("fore", 12.0, -3.6),
    ("fore", 22.0, -2.6),
    ("fore", 25.5, -2.2),
    ("fore", 27.5, 0.0),
    ("fore", 25.5, 2.2),
    ("fore", 14.0, 3.4),
    ("fore", 3.0, 3.8),
    ("upper", 31.0, 3.8),
    ("upper", 20.0, 4.4),
    ("upper", 8.0, 5.2),
    ("upper", -1.0, 5.6),
)

# A palm flat on the wall, fingers up, around the middle of the palm: `along` runs up, `across`
# toward the wall. It starts at the heel of the hand, on the wall.
HAND = (
    ("hand", -7.5, 1.4, 2),
    ("hand", 9.5, 1.4, 2),
    ("hand", 11.0, 0.6),
    ("hand", 10.6, -0.8),
    ("hand", 5.0, -1.6),
    ("hand", -1.0, -2.6),
    ("hand", -6.0, -3.6),
    ("hand", -9.5, -2.2),
    ("hand", -9.0, 0.8),
)

# The calf of the rear leg, drawn over it in the accent colour when a variation stretches it.
MUSCLES: dict[str, tuple[Control, ...]] = {
    "soleus": (
        ("shank", 33.0, -2.4),
        ("shank", 25.0, -4.6),
        ("shank", 15.0, -3.6),
        ("shank", 9.0, -2.2),
        ("shank", 9.0, -0.8),
        ("shank", 16.0, 0.2),
        ("shank", 26.0, 0.6),
        ("shank", 33.0, -0.6),
    ),
    "gastrocnemius": (
        ("shank", 41.0, -3.6),
        ("shank", 35.0, -5.6),
        ("shank", 28.0, -5.6),
        ("shank", 20.0, -4.4),
        ("shank", 15.0, -3.0),
        ("shank", 16.0, -1.8),
        ("shank", 25.0, -0.8),
        ("shank", 35.0, -1.0),
        ("shank", 41.0, -2.0),
    ),
    "achilles-tendon": (
        ("shank", 13.0, -2.6),
        ("shank", 6.0, -2.0),
        ("foot", 0.9, 4.0),
        ("foot", 2.2, 3.4),
        ("shank", 5.0, -0.8),
        ("shank", 12.0, -1.2),
    ),
}
