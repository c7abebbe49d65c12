"""The benchmark still runs from one command (a smoke test: it asserts what it measured exists,
never how fast anything was)."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

from .bench import __main__ as bench
from .bench import report


def test_the_benchmark_runs_and_reports(tmp_path: Path, capsys) -> None:
    out = tmp_path / "results.json"
    docs = tmp_path / "docs"
    code = bench.main(
        [
            "--sizes", "3",
            "--repeat", "1",
            "--serve-sizes", "",
            "--default-max", "3",
            "--json", str(out),
            "--docs", str(docs),
        ]
    )  # fmt: skip
    assert code == 0
    (row,) = json.loads(out.read_text())["rows"]
    assert row["n"] == 3
    assert row["pages"] > 3
    assert row["build_s"] > 0
    assert row["default_s"] > 0
    assert row["largest_page_bytes"] > 0
    printed = capsys.readouterr().out
    assert "| 3 |" in printed
    assert "no page over 40 KB of HTML" in printed
    page = (docs / "index.md").read_text()
    assert "## Machine" in page
    assert "![Build time against the number of exercises](build-time.svg)" in page
    svg = ET.fromstring((docs / "build-time.svg").read_text())
    assert svg.tag == "{http://www.w3.org/2000/svg}svg"


def test_the_plot_draws_both_builds() -> None:
    rows = [
        {"n": 1, "build_s": 0.7, "default_s": 0.5},
        {"n": 100, "build_s": 1.1, "default_s": 1.5},
        {"n": 1000, "build_s": 3.0, "default_s": 33.0},
        {"n": 10000, "build_s": 25.0},
    ]
    svg = ET.fromstring(report.svg_plot(rows))
    paths = svg.findall("{http://www.w3.org/2000/svg}path")
    assert len(paths) == 2
    assert len(svg.findall("{http://www.w3.org/2000/svg}circle")) == 7
