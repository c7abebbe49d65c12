"""Size and speed of the stance figure, printed as numbers (run: .venv/bin/python benchmarks/...).

Measures the Heel Press record as committed: the bytes of each drawing and of the pair (raw and
gzipped, as a server sends them), and the time to solve a pose, draw the pair, run the pose
checks on a clean record, and blame the field of an impossible one.
"""

from __future__ import annotations

import dataclasses
import gzip
import sys
import timeit
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from build_tools.checks import pose  # noqa: E402
from build_tools.render.figure import solve, stance_figures  # noqa: E402
from build_tools.render.figure.blame import culprit  # noqa: E402
from build_tools.source.load import load_content  # noqa: E402


def _best(function: object, number: int) -> float:
    """Seconds per call, the best of five rounds (the machine is shared)."""
    return min(timeit.repeat(function, number=number, repeat=5)) / number  # type: ignore[arg-type]


def main() -> None:
    content = load_content(ROOT / "content", ROOT)
    assert content.vocabulary is not None
    vocabulary = content.vocabulary
    exercise = next(e for e in content.exercises if e.slug == "heel-press")
    assert exercise.stance is not None
    figures = stance_figures(exercise, vocabulary)
    pair = "".join(str(f.svg) for f in figures)
    for figure in figures:
        print(f"svg {figure.id}: {len(str(figure.svg).encode())} bytes")
    print(f"svg pair: {len(pair.encode())} bytes, {len(gzip.compress(pair.encode()))} gzipped")

    print(f"solve one pose: {_best(lambda: solve(exercise.stance), 2000) * 1e6:.0f} µs")
    draw = _best(lambda: stance_figures(exercise, vocabulary), 200)
    print(f"solve and draw the pair: {draw * 1e3:.2f} ms")

    def checks() -> None:
        fresh = dataclasses.replace(exercise)  # a new copy: the checks' cache starts empty
        fresh_content = dataclasses.replace(content, exercises=(fresh,))
        for check in (pose.finite_numbers, pose.feet_on_the_floor, pose.joints_within_range):
            list(check(fresh_content, vocabulary))

    print(f"pose checks, clean record: {_best(checks, 200) * 1e3:.2f} ms")
    impossible = dataclasses.replace(exercise.stance, hand_height_cm=60)
    (problem,) = solve(impossible).problems
    print(
        f"blame one impossible pose: {_best(lambda: culprit(impossible, problem), 5) * 1e3:.1f} ms"
    )


if __name__ == "__main__":
    main()
