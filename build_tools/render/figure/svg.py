"""A very small SVG writer: numbers, escaped text, elements and smooth outlines.

Every number reaches the markup through `num`, which accepts only real numbers: a record's value
can never be pasted into the drawing's geometry as text. Text (a variation's name in the title)
and attribute values go through `markupsafe.escape`.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable, Sequence
from numbers import Real

from markupsafe import Markup, escape

from .body import Point

Attribute = str | float | int | None


def num(value: float) -> str:
    """A coordinate to one decimal, as short as SVG allows: `12`, `3.5`, `-.4`."""
    # The annotation is what callers mean; the test is for a value that breaks it at run time.
    # mypy takes `isinstance(value, Real)` to be impossible for a float: the stubs cannot say
    # that float is registered as a `numbers.Real`.
    if type(value) not in (int, float) and (
        isinstance(value, bool) or not isinstance(value, Real)  # type: ignore[unreachable]
    ):
        raise TypeError(f"not a number: {value!r}")
    if not math.isfinite(value):
        raise TypeError(f"not a finite number: {value!r}")
    return _tenths(round(value * 10))


@functools.lru_cache(maxsize=8192)  # a drawing reuses a few hundred small numbers many times
def _tenths(count: int) -> str:
    """`25` tenths → `2.5`, `-4` → `-.4`, `30` → `3`."""
    sign = "-" if count < 0 else ""
    whole, tenth = divmod(abs(count), 10)
    if not tenth:
        return f"{sign}{whole}"
    return f"{sign}{whole or ''}.{tenth}"


def element(tag: str, /, *children: str | Markup, **attributes: Attribute) -> Markup:
    """`<tag a="…">children</tag>`; a trailing `_` in a name is dropped (`class_`), `_` → `-`."""
    parts = [tag]
    for name, value in attributes.items():
        if value is None:
            continue
        key = name.rstrip("_").replace("_", "-")
        text = value if isinstance(value, str) else num(value)
        parts.append(f'{key}="{escape(text)}"')
    head = " ".join(parts)
    if not children:
        return Markup(f"<{head}/>")
    body = "".join(str(escape(child)) for child in children)
    return Markup(f"<{head}>{body}</{tag}>")


def points(pairs: Iterable[Point]) -> str:
    """`x,y x,y …` for `points=` attributes."""
    return " ".join(f"{num(p.x)},{num(p.y)}" for p in pairs)


Tenths = tuple[int, int]


def _on_grid(p: Point) -> Tenths:
    """A point in whole tenths: the path is written from these, so rounding never drifts."""
    return round(p.x * 10), round(p.y * 10)


class _PathWriter:
    """Relative path commands measured between points already rounded to the grid."""

    def __init__(self, start: Tenths) -> None:
        self.at = start
        self.parts = [f"M{_tenths(start[0])} {_tenths(start[1])}"]

    def _delta(self, p: Tenths) -> str:
        dx, dy = _tenths(p[0] - self.at[0]), _tenths(p[1] - self.at[1])
        return f"{dx}{dy}" if dy.startswith("-") else f"{dx} {dy}"

    def line(self, p: Tenths) -> None:
        if p != self.at:
            self.parts.append("l" + self._delta(p))
            self.at = p

    def curve(self, control: Tenths, p: Tenths) -> None:
        self.parts.append(f"q{self._delta(control)} {self._delta(p)}")
        self.at = p

    def text(self, close: bool) -> str:
        return "".join(self.parts) + ("z" if close else "")


def smooth_outline(controls: Sequence[Point], *, closed: bool = True) -> str:
    """Path data of a quadratic B-spline over `controls`.

    The curve passes through the middle of each pair of neighbouring controls and is pulled toward
    the controls themselves, so a list of points around a limb becomes a rounded outline. A point
    given twice is a corner the curve passes through; two doubled points make a straight edge.
    A closed outline whose first control is doubled starts exactly there.
    """
    n = len(controls)
    if n < 3:
        raise ValueError("an outline needs at least three points")
    grid = [_on_grid(p) for p in controls]
    if closed:
        mids = [_on_grid(_mid(controls[i], controls[(i + 1) % n])) for i in range(n)]
        writer = _PathWriter(mids[0])
        for i in range(1, n + 1):
            _segment(writer, grid[i % n], mids[i % n])
        return writer.text(close=True)
    writer = _PathWriter(grid[0])
    for i in range(1, n - 1):
        end = _on_grid(_mid(controls[i], controls[i + 1])) if i < n - 2 else grid[-1]
        _segment(writer, grid[i], end)
    return writer.text(close=False)


def _mid(a: Point, b: Point) -> Point:
    return Point((a.x + b.x) / 2, (a.y + b.y) / 2)


def _segment(writer: _PathWriter, control: Tenths, end: Tenths) -> None:
    if control in (writer.at, end):
        writer.line(control)
        writer.line(end)
    else:
        writer.curve(control, end)
