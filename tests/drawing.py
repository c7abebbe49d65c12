"""Reads the stance drawings back out of a built page, as geometry tests need them.

The SVG is parsed as XML (it must be well formed), and path data is turned back into absolute
points, so tests measure the drawing itself rather than trusting any number written beside it.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

_SVG = re.compile(r'<figure class="stance-view" data-stance="([^"]+)">\s*(<svg .*?</svg>)', re.S)
_TOKEN = re.compile(r"[MLQZmlqz]|-?(?:\d+\.?\d*|\.\d+)")
_ARITY = {"m": 2, "l": 2, "q": 4, "z": 0}

Point = tuple[float, float]


def path_points(d: str) -> list[Point]:
    """Every point a path names (ends and controls), absolute, in order; the first is `M`'s."""
    tokens = _TOKEN.findall(d)
    points: list[Point] = []
    x = y = 0.0
    start = (0.0, 0.0)
    i = 0
    while i < len(tokens):
        command = tokens[i]
        i += 1
        arity = _ARITY[command.lower()]
        if arity == 0:
            x, y = start
            continue
        while i < len(tokens) and not tokens[i].isalpha():
            values = [float(v) for v in tokens[i : i + arity]]
            i += arity
            relative = command.islower()
            pairs = list(zip(values[0::2], values[1::2], strict=True))
            absolute = [(px + x, py + y) if relative else (px, py) for px, py in pairs]
            points.extend(absolute)
            x, y = absolute[-1]
            if command in "Mm":
                start = absolute[0]
    return points


@dataclass(frozen=True)
class Drawing:
    """One stance drawing: its markup and the parts tests look for."""

    key: str
    markup: str
    svg: etree._Element

    def one(self, css_class: str, tag: str = "*") -> etree._Element:
        found = self.svg.xpath(f".//{tag}[contains(concat(' ', @class, ' '), ' {css_class} ')]")
        assert len(found) == 1, (css_class, len(found))
        return found[0]

    @property
    def wall_x(self) -> float:
        wall = self.one("wall", "line")
        assert wall.get("x1") == wall.get("x2")
        return float(wall.get("x1"))

    @property
    def floor_y(self) -> float:
        floor = self.one("floor", "line")
        assert floor.get("y1") == floor.get("y2")
        return float(floor.get("y1"))

    def outline(self, css_class: str) -> list[Point]:
        return path_points(self.one(css_class, "path").get("d"))

    @property
    def rear_leg_axis(self) -> list[Point]:
        """The rear ankle, knee and hip, as the drawing marks them."""
        text = self.one("rear-leg-axis", "polyline").get("points")
        return [(float(x), float(y)) for x, y in (pair.split(",") for pair in text.split())]

    @property
    def rear_knee_angle(self) -> float:
        ankle, knee, hip = self.rear_leg_axis
        a = math.atan2(ankle[1] - knee[1], ankle[0] - knee[0])
        b = math.atan2(hip[1] - knee[1], hip[0] - knee[0])
        angle = abs(math.degrees(a - b)) % 360
        return 360 - angle if angle > 180 else angle


def drawings(page: Path) -> dict[str, Drawing]:
    """The stance drawings of a built page, by the variation (or `setup`) they show."""
    found = {}
    for key, markup in _SVG.findall(page.read_text(encoding="utf-8")):
        found[key] = Drawing(key, markup, etree.fromstring(markup))
    return found
