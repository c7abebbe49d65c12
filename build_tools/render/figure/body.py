"""The reference body the stance is drawn on: segment lengths and the joints' ranges.

Segment lengths are the classic fractions of standing height (Drillis and Contini, as tabled in
Winter's *Biomechanics and Motor Control of Human Movement*), so the figure keeps human
proportions whatever the record says. Coordinates are centimetres in the side view: `x` grows
toward the wall (the wall is `x = 0`), `y` grows up from the floor (`y = 0`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

HEIGHT_CM = 170.0


def _of_height(fraction: float) -> float:
    return round(fraction * HEIGHT_CM, 1)


ANKLE_HEIGHT = _of_height(0.039)
HEEL_TO_ANKLE = _of_height(0.035)  # back of the heel to the ankle joint, along the floor
FOOT_LENGTH = _of_height(0.152)
SHANK = _of_height(0.285 - 0.039)  # knee height minus ankle height
THIGH = _of_height(0.530 - 0.285)  # hip height minus knee height
# Shoulder height is measured at the top of the shoulder; the joint sits about 4 cm lower.
TRUNK = _of_height(0.818 - 0.530) - 4.0
UPPER_ARM = _of_height(0.186)
FOREARM = _of_height(0.146)
HEAD_CENTRE = _of_height(0.936 - 0.818) + 4.0  # shoulder joint to the middle of the head
HEAD_RADIUS = _of_height(0.065)

# The palm lies flat on the wall with the fingers up; `hand_height_cm` is the palm's middle.
PALM_HALF_LENGTH = 9.0
PALM_HALF_THICKNESS = 1.4
WRIST_BELOW_PALM = 7.0
WRIST_FROM_WALL = 2.6

# What a joint allows, in the record's own terms. The ankle is measured as the shin's tilt
# toward the toes over a flat foot: past its limit the heel has to rise.
KNEE_ANGLE_RANGE = (40.0, 180.0)
ANKLE_TILT_RANGE = (-50.0, 45.0)
ELBOW_ANGLE_MIN = 30.0
HIP_ANGLE_MIN = 60.0  # between the torso and the front thigh: 120° of hip flexion

# How far each part reaches out from its joint: what must stay clear of the wall and floor.
KNEE_RADIUS = 5.0
HIP_RADIUS = 10.0
SHOULDER_RADIUS = 6.0
ELBOW_RADIUS = 4.0


@dataclass(frozen=True, slots=True)
class Point:
    x: float
    y: float

    def __add__(self, other: Point) -> Point:
        return Point(self.x + other.x, self.y + other.y)

    def __sub__(self, other: Point) -> Point:
        return Point(self.x - other.x, self.y - other.y)

    def shifted(self, dx: float, dy: float) -> Point:
        return Point(self.x + dx, self.y + dy)

    def scaled(self, factor: float) -> Point:
        return Point(self.x * factor, self.y * factor)

    def length(self) -> float:
        return math.hypot(self.x, self.y)


def toward(origin: Point, length: float, tilt_deg: float) -> Point:
    """The point `length` away from `origin`, tilted `tilt_deg` from straight up toward the wall."""
    angle = math.radians(tilt_deg)
    return Point(origin.x + length * math.sin(angle), origin.y + length * math.cos(angle))


def tilt_of(start: Point, end: Point) -> float:
    """The tilt of `start → end` from straight up toward the wall, in degrees."""
    return math.degrees(math.atan2(end.x - start.x, end.y - start.y))


def angle_at(joint: Point, a: Point, b: Point) -> float:
    """The angle `a – joint – b` in degrees (180 when the three are in line)."""
    u, v = a - joint, b - joint
    cosine = (u.x * v.x + u.y * v.y) / (u.length() * v.length())
    return math.degrees(math.acos(max(-1.0, min(1.0, cosine))))


def law_of_cosines(a: float, b: float, angle_deg: float) -> float:
    """The side opposite `angle_deg` in a triangle with sides `a` and `b` around it."""
    return math.sqrt(a * a + b * b - 2 * a * b * math.cos(math.radians(angle_deg)))
