"""The muscle map: a body seen from the front and from the back, with a region for each muscle.

The body is drawn once by the project, the same for every record: limbs are tapered bands along
an axis, and each muscle is an outline placed on one of them in the limb's own coordinates
(`t` along the axis from 0 to 1, `u` across it from -1 on the inner side to 1 on the outer), then
mirrored to the other side. Only the classes say which regions the record names (`primary`,
`secondary`); colours and line weights are the site stylesheet's, as for the stance figure, so
the map follows light, dark and print.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from markupsafe import Markup

from ...model import Exercise, Vocabulary
from .body import Point
from .svg import element, num, smooth_outline

TITLE_ID = "muscle-map-title"
DESC_ID = "muscle-map-desc"
VIEW_WIDTH = 100.0
GAP = 10.0
HEIGHT = 236.0
MIDDLE = VIEW_WIDTH / 2


@dataclass(frozen=True)
class Limb:
    """A band along `start → end` whose half width is `widths` at each fraction of its length
    (straight between them)."""

    start: Point
    end: Point
    widths: tuple[tuple[float, float], ...]
    caps: bool = True

    def half_width(self, t: float) -> float:
        stops = self.widths
        if t <= stops[0][0]:
            return stops[0][1]
        for (t0, w0), (t1, w1) in itertools.pairwise(stops):
            if t <= t1:
                return w0 + (w1 - w0) * (t - t0) / (t1 - t0)
        return stops[-1][1]

    def at(self, t: float, u: float) -> Point:
        axis = self.end - self.start
        across = Point(axis.y, -axis.x).scaled(1 / axis.length())  # away from the middle
        return self.start + axis.scaled(t) + across.scaled(u * self.half_width(t))

    def outline(self) -> list[Point]:
        stops = [t for t, _ in self.widths]
        axis = self.end - self.start
        ahead = axis.scaled(1 / axis.length())
        side = [self.at(t, 1) for t in stops]
        other = [self.at(t, -1) for t in reversed(stops)]
        if not self.caps:
            return [*side, *other]
        end_cap = self.end + ahead.scaled(self.half_width(1) * 0.9)
        start_cap = self.start - ahead.scaled(self.half_width(0) * 0.9)
        return [*side, end_cap, *other, start_cap]


# The figure's right half (x > MIDDLE in the front view); the left half is its mirror image.
NECK = Limb(Point(50, 19), Point(50, 35), ((0, 5.5), (1, 7)), caps=False)
TORSO = Limb(
    Point(50, 32),
    Point(50, 122),
    ((0, 7), (0.025, 17), (0.07, 23), (0.18, 19), (0.6, 14.5), (0.8, 19), (1, 18.5)),
    caps=False,
)
UPPER_ARM = Limb(Point(72.5, 39), Point(79, 80), ((0, 7), (0.4, 6.5), (1, 5)))
FOREARM = Limb(Point(79, 80), Point(83.5, 114), ((0, 5.2), (0.3, 5.6), (1, 3.5)))
HAND = Limb(Point(83.5, 114), Point(85, 128), ((0, 3.4), (0.5, 4.4), (1, 3)))
THIGH = Limb(Point(60, 108), Point(58.5, 162), ((0, 10.5), (0.3, 10), (1, 6.3)))
SHIN = Limb(Point(58.5, 162), Point(56.5, 206), ((0, 6), (0.3, 7), (1, 3.4)))
FOOT = Limb(Point(56.5, 205), Point(57.5, 215), ((0, 3.4), (1, 4.2)))
HEAD = (Point(50, 12.5), 9.5, 11.5)  # centre, half width, half height
LIMBS = (NECK, TORSO, UPPER_ARM, FOREARM, HAND, THIGH, SHIN, FOOT)

Shape = tuple[Limb, tuple[tuple[float, float], ...]]


@dataclass(frozen=True)
class Region:
    """Where a muscle shows: its outlines on the right half of each view."""

    front: tuple[Shape, ...] = ()
    back: tuple[Shape, ...] = ()


def _on(limb: Limb, *controls: tuple[float, float]) -> Shape:
    return limb, controls


# Muscles that wrap a limb show the same outline from the front and from the back.
_SHOULDER_CAP = _on(
    UPPER_ARM, (-0.14, -0.6), (-0.16, 0.4), (0.1, 1.08), (0.38, 0.75), (0.42, 0), (0.2, -0.9)
)
_FOREARM_WRAP = _on(
    FOREARM, (0.05, -0.8), (0.05, 0.8), (0.4, 0.92), (0.9, 0.6), (0.9, -0.6), (0.4, -0.92)
)

REGIONS: dict[str, Region] = {
    # Deep before superficial, as in the body: a later region is drawn over an earlier one.
    "neck-muscles": Region(
        front=(_on(NECK, (0.05, 0.9), (0.3, 1), (0.95, 0.3), (1, 0.05), (0.8, 0.1), (0.2, 0.55)),),
        back=(_on(NECK, (0, 0.12), (0, 0.7), (0.7, 0.65), (0.75, 0.12)),),
    ),
    "trapezius": Region(
        front=(_on(TORSO, (-0.03, 0.3), (-0.02, 0.85), (0.05, 0.92), (0.05, 0.55), (0.02, 0.3)),),
        back=(
            _on(
                TORSO,
                (-0.12, 0.05),
                (-0.05, 0.3),
                (0.0, 0.8),
                (0.08, 0.9),
                (0.2, 0.35),
                (0.25, 0.05),
            ),
        ),
    ),
    "middle-back": Region(
        back=(
            _on(
                TORSO,
                (0.23, 0.05),
                (0.23, 0.3),
                (0.14, 0.7),
                (0.27, 0.75),
                (0.44, 0.3),
                (0.46, 0.05),
            ),
        ),
    ),
    "lats": Region(
        back=(
            _on(TORSO, (0.31, 0.82), (0.24, 1), (0.5, 0.98), (0.68, 0.7), (0.6, 0.3), (0.5, 0.4)),
        ),
    ),
    "lower-back": Region(
        back=(_on(TORSO, (0.5, 0.04), (0.52, 0.3), (0.64, 0.35), (0.78, 0.45), (0.8, 0.04)),),
    ),
    "pectorals": Region(
        front=(
            _on(
                TORSO,
                (0.07, 0.06),
                (0.06, 0.55),
                (0.1, 0.88),
                (0.25, 0.92),
                (0.33, 0.6),
                (0.34, 0.06),
            ),
        ),
    ),
    "serratus-anterior": Region(
        front=(_on(TORSO, (0.31, 0.8), (0.32, 0.99), (0.47, 1), (0.45, 0.78)),),
    ),
    "abdominals": Region(
        front=(_on(TORSO, (0.37, 0.04), (0.37, 0.42), (0.55, 0.46), (0.8, 0.38), (0.85, 0.04)),),
    ),
    "obliques": Region(
        front=(_on(TORSO, (0.48, 0.54), (0.46, 0.96), (0.62, 0.99), (0.78, 0.92), (0.8, 0.54)),),
    ),
    "deltoids": Region(
        front=(_SHOULDER_CAP,),
        back=(_SHOULDER_CAP,),
    ),
    "biceps": Region(
        front=(
            _on(
                UPPER_ARM,
                (0.38, -0.2),
                (0.4, 0.45),
                (0.7, 0.55),
                (0.9, 0.15),
                (0.88, -0.45),
                (0.6, -0.75),
            ),
        ),
    ),
    "brachialis": Region(
        front=(_on(UPPER_ARM, (0.6, 0.68), (0.62, 0.98), (0.95, 0.92), (0.92, 0.62)),),
    ),
    "triceps": Region(
        back=(
            _on(
                UPPER_ARM,
                (0.36, -0.6),
                (0.36, 0.7),
                (0.6, 0.92),
                (0.92, 0.4),
                (0.92, -0.3),
                (0.6, -0.82),
            ),
        ),
    ),
    "forearms": Region(
        front=(_FOREARM_WRAP,),
        back=(_FOREARM_WRAP,),
    ),
    "hip-abductors": Region(
        front=(_on(THIGH, (-0.02, 0.62), (-0.02, 0.97), (0.3, 1), (0.32, 0.76)),),
        back=(_on(THIGH, (-0.32, 0.15), (-0.3, 0.82), (-0.08, 0.9), (-0.12, 0.45)),),
    ),
    "glutes": Region(
        back=(
            _on(
                THIGH,
                (-0.2, -0.95),
                (-0.24, 0.5),
                (-0.05, 0.88),
                (0.2, 0.62),
                (0.22, -0.3),
                (0.12, -0.95),
            ),
        ),
    ),
    "adductors": Region(
        front=(
            _on(THIGH, (0.02, -0.45), (0.05, -0.97), (0.5, -0.92), (0.55, -0.62), (0.3, -0.45)),
        ),
        back=(_on(THIGH, (0.2, -0.62), (0.22, -0.98), (0.55, -0.93), (0.5, -0.72)),),
    ),
    "quadriceps": Region(
        front=(
            _on(
                THIGH,
                (0.08, 0.1),
                (0.1, 0.55),
                (0.4, 0.9),
                (0.86, 0.7),
                (0.94, 0.1),
                (0.8, -0.45),
                (0.35, -0.4),
            ),
        ),
    ),
    "hamstrings": Region(
        back=(
            _on(
                THIGH,
                (0.24, -0.3),
                (0.26, 0.7),
                (0.6, 0.78),
                (0.93, 0.3),
                (0.93, -0.4),
                (0.6, -0.7),
            ),
        ),
    ),
    "soleus": Region(
        back=(
            _on(
                SHIN,
                (0.4, -0.9),
                (0.5, -1.02),
                (0.8, -0.75),
                (0.86, 0),
                (0.8, 0.75),
                (0.5, 1.02),
                (0.4, 0.9),
                (0.58, 0),
            ),
        ),
    ),
    "gastrocnemius": Region(
        back=(
            _on(
                SHIN,
                (0.05, -0.75),
                (0.05, 0.75),
                (0.3, 0.98),
                (0.56, 0.5),
                (0.58, -0.5),
                (0.3, -0.98),
            ),
        ),
    ),
    "achilles-tendon": Region(
        back=(_on(SHIN, (0.8, -0.3), (0.8, 0.3), (1.03, 0.42), (1.03, -0.42)),),
    ),
}
"""Every muscle the map can show, by vocabulary id."""

FROM_IMPORTS = frozenset({"serratus-anterior", "brachialis"})
"""Muscles drawn before the vocabulary has them: the ids under which the wger import adds
wger's muscles that match none of our terms, so that the region is there when the term
arrives. (wger's external obliques, which it names only in Latin, match the alias of our
`obliques`.)"""


@dataclass(frozen=True)
class MuscleMap:
    """The map of one record: its SVG and the names its text alternative gives."""

    svg: Markup
    primary: tuple[str, ...]
    secondary: tuple[str, ...]
    not_drawn: tuple[str, ...]


def _mirror(p: Point) -> Point:
    return Point(2 * MIDDLE - p.x, p.y)


def _both_sides(controls: Sequence[Point], dx: float) -> str:
    sides = (controls, [_mirror(p) for p in controls])
    return "".join(smooth_outline([p.shifted(dx, 0) for p in side]) for side in sides)


def _ellipse_controls(centre: Point, rx: float, ry: float) -> list[Point]:
    # The curve passes through the middles of the octagon's sides: push its corners out so
    # that those middles lie on the ellipse.
    out = 1 / math.cos(math.pi / 8)
    return [
        centre.shifted(rx * out * math.cos(k * math.pi / 4), ry * out * math.sin(k * math.pi / 4))
        for k in range(8)
    ]


def _clockwise(controls: list[Point]) -> list[Point]:
    # One winding for every piece: under the nonzero fill rule, overlapping pieces then fill
    # as one shape instead of cancelling into a hole.
    area = sum(
        a.x * b.y - b.x * a.y for a, b in zip(controls, controls[1:] + controls[:1], strict=True)
    )
    return controls if area > 0 else controls[::-1]


def _whole(limb: Limb) -> list[Point]:
    """Both halves of a limb on the middle line (neck, torso) as one piece."""
    stops = [t for t, _ in limb.widths]
    right = [limb.at(t, 1) for t in stops]
    left = [_mirror(p) for p in reversed(right)]
    return [*right, right[-1], left[0], *left]  # the bottom squared off


def _body(dx: float) -> Markup:
    """The body's outline as one path of overlapping pieces. The stylesheet paints its stroke
    under its fill (`paint-order`), so the lines where pieces overlap are covered and the body
    reads as one shape."""
    pieces = [_ellipse_controls(*HEAD)]
    for limb in LIMBS:
        if limb.start.x == MIDDLE:
            pieces.append(_whole(limb))
        else:
            outline = limb.outline()
            pieces += [outline, [_mirror(p) for p in outline]]
    d = "".join(smooth_outline([p.shifted(dx, 0) for p in _clockwise(c)]) for c in pieces)
    return element("path", class_="body", d=d)


def _regions(view: str, dx: float, classes: dict[str, str]) -> list[Markup]:
    drawn = []
    for muscle, region in REGIONS.items():
        shapes: tuple[Shape, ...] = getattr(region, view)
        if not shapes:
            continue
        d = "".join(
            _both_sides([limb.at(t, u) for t, u in controls], dx) for limb, controls in shapes
        )
        marked = classes.get(muscle)
        class_ = f"region {marked}" if marked else "region"
        drawn.append(element("path", class_=class_, d=d, data_muscle=muscle))
    return drawn


def _names(ids: Iterable[str], vocabulary: Vocabulary) -> tuple[str, ...]:
    return tuple(vocabulary.muscles[m].name for m in ids if m in vocabulary.muscles)


def _sentence(names: Sequence[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def describe(primary: Sequence[str], secondary: Sequence[str], not_drawn: Sequence[str]) -> str:
    """The map's description: which muscles it shows, and how."""
    parts = ["A body seen from the front and from the back."]
    if primary:
        verb = "is" if len(primary) == 1 else "are"
        parts.append(f"{_sentence(primary)} {verb} in the accent colour (primary).")
    if secondary:
        verb = "is" if len(secondary) == 1 else "are"
        parts.append(f"{_sentence(secondary)} {verb} in a lighter shade (secondary).")
    if not_drawn:
        verb = "is" if len(not_drawn) == 1 else "are"
        parts.append(f"{_sentence(not_drawn)} {verb} not drawn.")
    return " ".join(parts)


def muscle_map(exercise: Exercise, vocabulary: Vocabulary) -> MuscleMap | None:
    """The record's muscle map; None when it names no muscle (a draft may not yet)."""
    named = (*exercise.primary_muscles, *exercise.secondary_muscles)
    if not named:
        return None
    classes = {m: "secondary" for m in exercise.secondary_muscles}
    classes.update({m: "primary" for m in exercise.primary_muscles})
    primary = _names((m for m in exercise.primary_muscles if m in REGIONS), vocabulary)
    secondary = _names(
        (m for m in exercise.secondary_muscles if m in REGIONS and classes[m] == "secondary"),
        vocabulary,
    )
    not_drawn = _names(dict.fromkeys(m for m in named if m not in REGIONS), vocabulary)
    views = []
    for number, (view, label) in enumerate((("front", "Front"), ("back", "Back"))):
        dx = number * (VIEW_WIDTH + GAP)
        views.append(
            element(
                "g",
                _body(dx),
                *_regions(view, dx, classes),
                element("text", label, x=dx + MIDDLE, y=HEIGHT - 4, text_anchor="middle"),
                class_=f"view {view}",
            )
        )
    svg = element(
        "svg",
        element("title", f"Muscles worked by {exercise.name}", id=TITLE_ID),
        element("desc", describe(primary, secondary, not_drawn), id=DESC_ID),
        *views,
        class_="muscle-map-drawing",
        viewBox=f"0 0 {num(2 * VIEW_WIDTH + GAP)} {num(HEIGHT)}",
        role="img",
        aria_labelledby=f"{TITLE_ID} {DESC_ID}",
        font_size=9,
    )
    return MuscleMap(svg, primary, secondary, not_drawn)
