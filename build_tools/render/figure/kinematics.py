"""From a record's stance to the joints of the figure, by forward kinematics from the floor up.

The rear heel is planted at its distance from the wall; the shin, thigh and torso follow from the
knee angle and the lean; the front leg and the arms are two-segment chains solved between the hip
and the floor, and between the shoulder and the palms on the wall. Anything a body cannot do comes
back as a `Problem` that names the stance fields it depends on, most likely culprit first.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ...model import Stance
from . import body
from .body import Point, angle_at, law_of_cosines, tilt_of, toward

HEEL = "rear_heel_from_wall_cm"
REAR_KNEE = "rear_knee_angle_deg"
FRONT_KNEE = "front_knee_angle_deg"
LEAN = "torso_lean_deg"
HANDS = "hand_height_cm"


@dataclass(frozen=True)
class Problem:
    """Something the stance asks of the body that a body cannot do."""

    kind: str  # "number", "foot", "reach", "range" or "through": one check code each
    part: str
    message: str
    fields: tuple[str, ...]


@dataclass(frozen=True)
class Pose:
    """Joint centres in centimetres (wall at `x = 0`, floor at `y = 0`) and the stance they obey."""

    stance: Stance
    rear_heel: Point  # the back of the heel, on the floor
    rear_ankle: Point
    rear_knee: Point
    hip: Point
    shoulder: Point
    head: Point
    elbow: Point
    wrist: Point
    palm: Point  # the middle of the palm, on the wall
    front_knee: Point
    front_ankle: Point
    front_heel: Point


@dataclass(frozen=True)
class Solution:
    pose: Pose | None
    problems: tuple[Problem, ...]


def _deg(value: float) -> str:
    return f"{value:.0f}°"


def _cm(value: float) -> str:
    return f"{value:.0f} cm"


def _outside(value: float, low: float, high: float) -> bool:
    return not low <= value <= high


def solve(stance: Stance) -> Solution:
    """The pose of `stance`, or the first problems that make it impossible."""
    early = _inputs(stance)
    if early:
        return Solution(None, early)
    heel = Point(-stance.rear_heel_from_wall_cm, 0.0)
    ankle = heel.shifted(body.HEEL_TO_ANKLE, body.ANKLE_HEIGHT)
    # The straight rear leg continues the torso's line (hips neither piked nor sagging). A bend
    # turns the shin and the thigh half of it each: the knee drops forward, the ankle closes
    # and the hips sink along the leg's line instead of travelling toward the wall.
    half_bend = (180.0 - stance.rear_knee_angle_deg) / 2
    shin_tilt = stance.torso_lean_deg + half_bend
    problem = _rear_ankle(shin_tilt)
    if problem:
        return Solution(None, (problem,))
    knee = toward(ankle, body.SHANK, shin_tilt)
    hip = toward(knee, body.THIGH, stance.torso_lean_deg - half_bend)
    shoulder = toward(hip, body.TRUNK, stance.torso_lean_deg)
    front = _front_leg(stance, hip, shoulder)
    if isinstance(front, Problem):
        return Solution(None, (front,))
    arm = _arm(stance, shoulder)
    if isinstance(arm, Problem):
        return Solution(None, (arm,))
    front_knee, front_ankle = front
    elbow, wrist = arm
    pose = Pose(
        stance=stance,
        rear_heel=heel,
        rear_ankle=ankle,
        rear_knee=knee,
        hip=hip,
        shoulder=shoulder,
        head=toward(shoulder, body.HEAD_CENTRE, stance.torso_lean_deg),
        elbow=elbow,
        wrist=wrist,
        palm=Point(-body.PALM_HALF_THICKNESS, stance.hand_height_cm),
        front_knee=front_knee,
        front_ankle=front_ankle,
        front_heel=front_ankle.shifted(-body.HEEL_TO_ANKLE, -body.ANKLE_HEIGHT),
    )
    clash = _clearance(pose)
    return Solution(None if clash else pose, clash)


def _inputs(stance: Stance) -> tuple[Problem, ...]:
    """Values no pose can be built from: not a number, or a knee past its range."""
    problems = []
    for name in Stance.field_names():
        value = getattr(stance, name)
        if not math.isfinite(value):
            problems.append(
                Problem(
                    "number",
                    name,
                    f"stance field '{name}' must be a finite number, got {value}",
                    (name,),
                )
            )
    if problems:
        return tuple(problems)
    low, high = body.KNEE_ANGLE_RANGE
    for name, side in ((REAR_KNEE, "rear"), (FRONT_KNEE, "front")):
        angle = getattr(stance, name)
        if _outside(angle, low, high):
            message = (
                f"{side} knee angle {_deg(angle)} is past the knee's range"
                f" of {_deg(low)} to {_deg(high)} (180° is straight)"
            )
            problems.append(Problem("range", f"{side} knee", message, (name,)))
    if stance.rear_heel_from_wall_cm < body.FOOT_LENGTH:
        message = (
            f"rear foot goes through the wall: its heel is {_cm(stance.rear_heel_from_wall_cm)}"
            f" from the wall, the foot is {_cm(body.FOOT_LENGTH)} long"
        )
        problems.append(Problem("through", "rear foot", message, (HEEL,)))
    return tuple(problems)


def _rear_ankle(shin_tilt: float) -> Problem | None:
    low, high = body.ANKLE_TILT_RANGE
    if shin_tilt > high:
        message = (
            f"rear heel lifts off the floor: the pose tilts the rear shin {_deg(shin_tilt)}"
            f" over the foot, the ankle allows {_deg(high)}"
        )
        return Problem("foot", "rear heel", message, (LEAN, REAR_KNEE))
    if shin_tilt < low:
        message = (
            f"rear ankle bent past its range: the shin tilts {_deg(-shin_tilt)} back"
            f" over the foot, the ankle allows {_deg(-low)}"
        )
        return Problem("range", "rear ankle", message, (LEAN, REAR_KNEE))
    return None


def _front_leg(stance: Stance, hip: Point, shoulder: Point) -> tuple[Point, Point] | Problem:
    """The front knee and ankle: the leg hangs from the hip to a flat foot, knee forward."""
    fields = (FRONT_KNEE, REAR_KNEE, LEAN, HEEL)
    reach = law_of_cosines(body.THIGH, body.SHANK, stance.front_knee_angle_deg)
    drop = hip.y - body.ANKLE_HEIGHT
    if reach < drop:
        message = (
            f"front foot cannot reach the floor: at {_deg(stance.front_knee_angle_deg)}"
            f" the leg spans {_cm(reach)}, the hip is {_cm(drop)} above the ankle"
        )
        return Problem("foot", "front foot", message, fields)
    ankle = Point(hip.x + math.sqrt(reach * reach - drop * drop), body.ANKLE_HEIGHT)
    opening = math.degrees(
        math.acos((body.THIGH**2 + reach**2 - body.SHANK**2) / (2 * body.THIGH * reach))
    )
    knee = toward(hip, body.THIGH, tilt_of(hip, ankle) - opening)
    shin_tilt = tilt_of(ankle, knee)
    low, high = body.ANKLE_TILT_RANGE
    if shin_tilt > high:
        message = (
            f"front heel lifts off the floor: the pose tilts the front shin {_deg(shin_tilt)}"
            f" over the foot, the ankle allows {_deg(high)}"
        )
        return Problem("foot", "front heel", message, fields)
    if shin_tilt < low:
        message = (
            f"front ankle bent past its range: the shin tilts {_deg(-shin_tilt)} back"
            f" over the foot, the ankle allows {_deg(-low)}"
        )
        return Problem("range", "front ankle", message, fields)
    hip_angle = angle_at(hip, shoulder, knee)
    if hip_angle < body.HIP_ANGLE_MIN:
        message = (
            f"front hip bent past its range: torso and front thigh meet at {_deg(hip_angle)},"
            f" at least {_deg(body.HIP_ANGLE_MIN)}"
        )
        return Problem("range", "front hip", message, (LEAN, *fields))
    return knee, ankle


def _arm(stance: Stance, shoulder: Point) -> tuple[Point, Point] | Problem:
    """The elbow and wrist: the arm spans from the shoulder to the palm, elbow dropped."""
    wrist = Point(-body.WRIST_FROM_WALL, stance.hand_height_cm - body.WRIST_BELOW_PALM)
    span = (wrist - shoulder).length()
    longest = body.UPPER_ARM + body.FOREARM
    if span > longest:
        message = (
            f"hands do not reach the wall: the shoulder is {_cm(span)} from the wrist,"
            f" the arm reaches {_cm(longest)}"
        )
        return Problem("reach", "hands", message, (HANDS, HEEL, LEAN, REAR_KNEE))
    cosine = (body.UPPER_ARM**2 + body.FOREARM**2 - span**2) / (2 * body.UPPER_ARM * body.FOREARM)
    elbow_angle = math.degrees(math.acos(max(-1.0, min(1.0, cosine))))
    if elbow_angle < body.ELBOW_ANGLE_MIN:
        message = (
            f"elbow bent past its range: the shoulder is {_cm(span)} from the wrist,"
            f" the elbow closes to {_deg(elbow_angle)}, at least {_deg(body.ELBOW_ANGLE_MIN)}"
        )
        return Problem("range", "elbow", message, (HEEL, LEAN, HANDS, REAR_KNEE))
    opening = math.degrees(
        math.acos((body.UPPER_ARM**2 + span**2 - body.FOREARM**2) / (2 * body.UPPER_ARM * span))
    )
    elbow = toward(shoulder, body.UPPER_ARM, tilt_of(shoulder, wrist) + opening)
    return elbow, wrist


def _clearance(pose: Pose) -> tuple[Problem, ...]:
    """The first part that goes through the wall, and the first through the floor."""
    front = (FRONT_KNEE, HEEL, REAR_KNEE, LEAN)
    trunk = (LEAN, HEEL, REAR_KNEE)
    # What goes through: (what the message calls it, its centre, its radius, the fields to fix).
    parts: tuple[tuple[str, Point, float, tuple[str, ...]], ...] = (
        ("front foot goes", pose.front_heel.shifted(body.FOOT_LENGTH, 0.0), 0.0, front),
        ("front knee goes", pose.front_knee, body.KNEE_RADIUS, front),
        ("rear knee goes", pose.rear_knee, body.KNEE_RADIUS, (REAR_KNEE, *trunk)),
        ("hips go", pose.hip, body.HIP_RADIUS, trunk),
        ("shoulders go", pose.shoulder, body.SHOULDER_RADIUS, trunk),
        ("head goes", pose.head, body.HEAD_RADIUS, trunk),
        ("elbow goes", pose.elbow, body.ELBOW_RADIUS, (HANDS, *trunk)),
    )
    problems = []
    for subject, at, radius, fields in parts:
        if at.x + radius > 0:
            message = f"{subject} through the wall: {_cm(at.x + radius)} past it"
            problems.append(Problem("through", f"{subject} (wall)", message, fields))
            break
    floor = (*parts[1:], ("hands go", pose.palm, body.PALM_HALF_LENGTH, (HANDS,)))
    for subject, at, radius, fields in floor:
        if at.y - radius < 0:
            message = f"{subject} through the floor: {_cm(radius - at.y)} below it"
            problems.append(Problem("through", f"{subject} (floor)", message, fields))
            break
    return tuple(problems)
