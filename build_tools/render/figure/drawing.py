"""A pose → an inline SVG: wall, floor, the figure, its stretched muscle and its cues.

Colours are not written here: every element carries a class that the site's stylesheet paints
with the theme's colours, so the drawing follows light, dark and print. Elements that tests and
readers look for are named: `wall`, `floor`, `body` (its outline starts at the rear heel's
contact with the floor), `hand`, `rear-leg-axis` (ankle, knee, hip), `muscle`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup

from . import body, shapes
from .body import Point
from .kinematics import Pose
from .svg import element, num, points, smooth_outline

FONT = 8.5  # label size in centimetres of the drawing; CSS never rescales it
_CHAR = 0.52 * FONT  # a label's average letter width, to keep labels inside the frame
HATCH = 4.0


@dataclass(frozen=True)
class Frame:
    """The part of the side view every figure of a set shows, in centimetres."""

    left: float
    right: float
    bottom: float
    top: float

    @property
    def width(self) -> float:
        return self.right - self.left

    @property
    def height(self) -> float:
        return self.top - self.bottom

    def svg(self, p: Point) -> Point:
        """World (y up, wall at 0) → SVG user units (y down, origin top left)."""
        return Point(p.x - self.left, self.top - p.y)


HIPS_LABEL = ("hips", "square")  # two short lines keep it inside the heel's reach
HEEL_LABEL = ("rear heel down",)


def hands_label(height_cm: float) -> str:
    """Where the palms are on the reference body, in the words coaches use."""
    fraction = height_cm / body.HEIGHT_CM
    for limit, words in ((0.66, "waist"), (0.78, "chest"), (0.88, "shoulder"), (1.0, "head")):
        if fraction < limit:
            return f"hands at {words} height"
    return "hands overhead"


def frame_for(poses: Sequence[Pose]) -> Frame:
    """One frame for a set of poses, so figures side by side share a scale and a wall."""
    hips_left = min(p.hip.x - 14 - max(map(len, HIPS_LABEL)) * _CHAR for p in poses)
    left = min(min(p.rear_heel.x for p in poses) - 5, hips_left - 2)
    top = _hands_label_y(poses) + FONT
    return Frame(math.floor(left), math.ceil(HATCH + 2), -(HATCH + FONT + 4), math.ceil(top))


def _hands_label_y(poses: Sequence[Pose]) -> float:
    return max(max(p.head.y + body.HEAD_RADIUS for p in poses) + FONT, 0.0)


def _path(frame: Frame, controls: Sequence[Point], class_: str, **extra: str) -> Markup:
    outline = smooth_outline([frame.svg(p) for p in controls])
    return element("path", class_=class_, d=outline, **extra)


def _ground(frame: Frame) -> list[Markup]:
    """The wall and the floor as lines, with hatching on their far side."""
    corner = frame.svg(Point(0, 0))
    wall_x, floor_y = corner.x, corner.y
    hatch = []
    y = floor_y - 4
    while y > 4:
        hatch.append(f"M{num(wall_x)} {num(y)}l{num(HATCH)}-{num(HATCH)}")
        y -= 6
    x = wall_x - 4
    while x > 4:
        hatch.append(f"M{num(x)} {num(floor_y + HATCH)}l{num(HATCH)}-{num(HATCH)}")
        x -= 6
    return [
        element("path", class_="hatch", d="".join(hatch)),
        element("line", class_="wall", x1=wall_x, y1=0, x2=wall_x, y2=floor_y),
        element("line", class_="floor", x1=0, y1=floor_y, x2=wall_x, y2=floor_y),
    ]


def _knee_arc(frame: Frame, pose: Pose) -> list[Markup]:
    """The rear knee's angle, marked behind the knee with its value from the record."""
    knee = pose.rear_knee
    radius = 9.0
    to_ankle = (pose.rear_ankle - knee).scaled(1 / (pose.rear_ankle - knee).length())
    to_hip = (pose.hip - knee).scaled(1 / (pose.hip - knee).length())
    behind = shapes.Bone.between(pose.rear_ankle, knee).across.scaled(-1)
    start, end = frame.svg(knee + to_ankle.scaled(radius)), frame.svg(knee + to_hip.scaled(radius))
    middle = frame.svg(knee + behind.scaled(radius))
    centre = frame.svg(knee)
    # Sweep the way that passes behind the knee (SVG's y runs down, so clockwise is positive).
    a, m = start - centre, middle - centre
    sweep = 1 if a.x * m.y - a.y * m.x > 0 else 0
    arc = (
        f"M{num(start.x)} {num(start.y)}"
        f"A{num(radius)} {num(radius)} 0 0 {sweep} {num(end.x)} {num(end.y)}"
    )
    label = frame.svg((knee + behind.scaled(radius + 1.5)).shifted(0.0, -FONT * 0.35))
    angle = pose.stance.rear_knee_angle_deg
    return [
        element("path", class_="angle", d=arc),
        element("text", num(angle) + "°", x=label.x, y=label.y, text_anchor="end"),
    ]


def _labels(frame: Frame, pose: Pose) -> Markup:
    """Short cues, each with a leader line from the text toward what it names."""
    leaders: list[str] = []
    texts: list[Markup] = []

    def label(
        lines: Sequence[str], at: Point, anchor: str | None, start: Point, end: Point
    ) -> None:
        a, b = frame.svg(start), frame.svg(end)
        leaders.append(f"M{num(a.x)} {num(a.y)}L{num(b.x)} {num(b.y)}")
        for number, line in enumerate(lines):
            where = frame.svg(at.shifted(0, -number * FONT * 1.1))
            texts.append(element("text", line, x=where.x, y=where.y, text_anchor=anchor))

    heel = pose.rear_heel
    below = -(HATCH + FONT)
    label(
        HEEL_LABEL,
        Point(heel.x - 2, below),
        None,
        heel.shifted(2, -HATCH - 1),
        heel.shifted(2, -0.5),
    )
    hip = pose.hip
    label(HIPS_LABEL, hip.shifted(-14, FONT * 0.2), "end", hip.shifted(-13, 0), hip.shifted(-8, 0))
    fingers = Point(-body.PALM_HALF_THICKNESS * 2, pose.palm.y + body.PALM_HALF_LENGTH)
    y = _hands_label_y([pose])
    words = (hands_label(pose.stance.hand_height_cm),)
    label(words, Point(-4, y), "end", Point(fingers.x, y - FONT * 0.9), fingers.shifted(0, 1))
    leader = element("path", class_="leader", d="".join(leaders))
    return element("g", leader, *texts, class_="labels")


def draw(
    frame: Frame,
    pose: Pose,
    *,
    key: str,
    title: str,
    description: str,
    muscles: Sequence[str],
) -> Markup:
    """The figure of one pose; `key` makes its element ids unique on the page."""
    near = shapes.rear_bones(pose)
    arm = shapes.arm_bones(pose)
    axis = [frame.svg(p) for p in (pose.rear_ankle, pose.rear_knee, pose.hip)]
    highlighted = [
        _path(frame, shapes.place(near, shapes.MUSCLES[m]), "muscle", **{"data-muscle": m})
        for m in shapes.MUSCLES  # deep to superficial: the soleus lies under the gastrocnemius
        if m in muscles
    ]
    content = [
        element("title", title, id=f"{key}-title"),
        element("desc", description, id=f"{key}-desc"),
        *_ground(frame),
        _path(frame, shapes.place(shapes.front_bones(pose), shapes.FAR_LEG), "far front-leg"),
        _path(frame, shapes.place(near, shapes.NEAR_BODY), "body"),
        *highlighted,
        _path(frame, shapes.place(arm, shapes.ARM), "arm"),
        _path(frame, shapes.place(arm, shapes.HAND), "hand"),
        element("polyline", class_="rear-leg-axis", points=points(axis)),
        *_knee_arc(frame, pose),
        _labels(frame, pose),
    ]
    return element(
        "svg",
        *content,
        class_="stance-drawing",
        viewBox=f"0 0 {num(frame.width)} {num(frame.height)}",
        role="img",
        aria_labelledby=f"{key}-title {key}-desc",
        font_size=FONT,
    )
