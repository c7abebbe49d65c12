"""The benchmark's report: the machine, a table per size against the targets, a Markdown page for
`docs/` and an SVG plot of build time against the number of exercises (no script, no web font).
"""

from __future__ import annotations

import datetime
import math
import os
import platform
import statistics
from importlib import metadata
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

Row = dict[str, Any]

TARGETS = {
    "build_1000_s": 4.0,
    "speedup_1000": 10.0,
    "build_10000_s": 40.0,
    "peak_10000_mb": 1024.0,
    "ms_page_growth": 1.1,
    "served_1000_s": 1.0,
    "page_kb": 40.0,
    "search_query_kb": 300.0,
}


def machine() -> dict[str, str]:
    cpu = "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.is_file():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    memory = ""
    meminfo = Path("/proc/meminfo")
    if meminfo.is_file():
        kb = int(meminfo.read_text().split()[1])
        memory = f"{kb / 1024 / 1024:.0f} GB"
    system = platform.platform()
    release = Path("/etc/os-release")
    if release.is_file():
        for line in release.read_text().splitlines():
            if line.startswith("PRETTY_NAME="):
                system = line.split("=", 1)[1].strip('"')
    versions = ", ".join(
        f"{name} {metadata.version(name)}"
        for name in ("mkdocs", "mkdocs-material", "jinja2", "pyyaml", "fastjsonschema")
    )
    return {
        "CPU": f"{cpu}, {os.cpu_count()} cores",
        "Memory": memory,
        "System": system,
        "Python": platform.python_version(),
        "Packages": versions,
        "Run": datetime.date.today().isoformat(),
    }


def _kb(value: float | None) -> str:
    return "–" if value is None else f"{value / 1024:,.1f}"


def _mb(value: float | None) -> str:
    return "–" if value is None else f"{value / 1024 / 1024:,.0f}"


def _s(value: float | None, digits: int = 2) -> str:
    return "–" if value is None else f"{value:,.{digits}f}"


def table(rows: list[Row]) -> list[str]:
    """The results as a Markdown table, one row per number of exercises."""
    head = [
        "Exercises",
        "Pages",
        "Load s",
        "Check s",
        "Render s",
        "Build s",
        "ms/page",
        "Peak MB",
        "Site MB",
        "Largest page KB",
        "Search KB/query (max)",
        "Edit → served s",
        "Default build s",
        "Faster ×",
    ]
    lines = ["| " + " | ".join(head) + " |", "|" + "---:|" * len(head)]
    for r in rows:
        served = r.get("served") or []
        served_text = f"{statistics.median(served):.2f} (max {max(served):.2f})" if served else "–"
        default = r.get("default_s")
        lines.append(
            "| "
            + " | ".join(
                [
                    f"{r['n']:,}",
                    f"{r['pages']:,}",
                    _s(r["load_s"]),
                    _s(r["check_s"]),
                    _s(r["render_s"]),
                    _s(r["build_s"]),
                    _s(r["ms_per_page"]),
                    _mb(r["peak_bytes"]),
                    _mb(r["site_bytes"]),
                    _kb(r["largest_page_bytes"]),
                    _kb(r.get("search_query_max")),
                    served_text,
                    _s(default, 1) if default else "not run",
                    f"{default / r['build_s']:.1f}" if default else "–",
                ]
            )
            + " |"
        )
    return lines


def verdicts(rows: list[Row]) -> list[str]:
    """Each target, what was measured, and whether it was met."""
    by_n = {r["n"]: r for r in rows}
    found: list[str] = []

    def say(target: str, measured: str, ok: bool | None) -> None:
        mark = {True: "met", False: "NOT met", None: "not measured"}[ok]
        found.append(f"- {target}: {measured} ({mark})")

    small, large = by_n.get(1000), by_n.get(10000)
    if small:
        say("build of 1,000 in at most 4 s", f"{small['build_s']:.2f} s", small["build_s"] <= 4)
        if small.get("default_s"):
            speedup = small["default_s"] / small["build_s"]
            say("at least 10× the default build", f"{speedup:.1f}×", speedup >= 10)
        served = small.get("served") or []
        say(
            "an edit served within 1 s at 1,000",
            f"median {statistics.median(served):.2f} s, max {max(served):.2f} s" if served else "–",
            max(served) <= 1 if served else None,
        )
    else:
        say("build of 1,000 in at most 4 s", "–", None)
    if large:
        say("build of 10,000 in at most 40 s", f"{large['build_s']:.1f} s", large["build_s"] <= 40)
        peak = large["peak_bytes"] / 1024 / 1024
        say("within 1 GB of memory at 10,000", f"{peak:,.0f} MB", peak <= 1024)
        if small:
            growth = large["ms_per_page"] / small["ms_per_page"]
            say(
                "ms per page at 10,000 at most 1.1× that at 1,000",
                f"{large['ms_per_page']:.2f} vs {small['ms_per_page']:.2f} ms ({growth:.2f}×)",
                growth <= 1.1,
            )
    else:
        say("build of 10,000 in at most 40 s (run with --with-10000)", "–", None)
    largest = max(rows, key=lambda r: r["largest_page_bytes"])
    say(
        "no page over 40 KB of HTML",
        f"largest {largest['largest_page_bytes'] / 1024:.1f} KB ({largest['largest_page']})",
        largest["largest_page_bytes"] <= 40 * 1024,
    )
    searched = [r for r in rows if r.get("search_query_max") is not None]
    if searched:
        top = max(searched, key=lambda r: r["n"])
        say(
            f"at most 300 KB of search data per query at {top['n']:,}",
            f"max {top['search_query_max'] / 1024:.1f} KB gzip over {top['search_queries']} "
            f"queries typed letter by letter; largest single file "
            f"{top['search_largest_file_bytes'] / 1024:.1f} KB",
            top["search_query_max"] <= 300 * 1024,
        )
    return found


def svg_plot(rows: list[Row], width: int = 640, height: int = 400) -> str:
    """Build time against the number of exercises, ours beside the default build, log-log."""
    left, right, top, bottom = 70, 30, 40, 60
    ours = [(r["n"], r["build_s"]) for r in rows]
    default = [(r["n"], r["default_s"]) for r in rows if r.get("default_s")]
    xs = [n for n, _ in ours]
    ys = [t for _, t in ours + default]
    # Log scales with a margin around the points, so no label leaves the plot.
    x0, x1 = math.log10(min(xs)) - 0.15, math.log10(max(xs)) + 0.15
    y0 = math.floor(math.log10(min(ys)))
    y1 = math.ceil(math.log10(max(ys)))
    y1 = y1 if y1 > y0 else y0 + 1

    def x(n: float) -> float:
        return left + (math.log10(n) - x0) / (x1 - x0) * (width - left - right)

    def y(t: float) -> float:
        return height - bottom - (math.log10(t) - y0) / (y1 - y0) * (height - top - bottom)

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" '
        'aria-labelledby="plot-title plot-desc" font-family="sans-serif" font-size="12">',
        '<title id="plot-title">Build time against the number of exercises</title>',
        '<desc id="plot-desc">Seconds for a full build, log scales: this site beside '
        "the same pages built as Markdown with a default MkDocs and Material configuration.</desc>",
        f'<rect x="0" y="0" width="{width}" height="{height}" fill="#fff"/>',
    ]
    for power in range(y0, y1 + 1):
        t = 10**power
        parts.append(
            f'<line x1="{left}" x2="{width - right}" y1="{y(t):.1f}" y2="{y(t):.1f}" '
            'stroke="#ddd"/>'
        )
        parts.append(
            f'<text x="{left - 8}" y="{y(t) + 4:.1f}" text-anchor="end" fill="#333">{t:g} s</text>'
        )
    for n in xs:
        parts.append(
            f'<line x1="{x(n):.1f}" x2="{x(n):.1f}" y1="{top}" y2="{height - bottom}" '
            'stroke="#eee"/>'
        )
        parts.append(
            f'<text x="{x(n):.1f}" y="{height - bottom + 18}" text-anchor="middle" '
            f'fill="#333">{n:,}</text>'
        )
    parts.append(
        f'<text x="{(left + width - right) / 2}" y="{height - 15}" text-anchor="middle" '
        'fill="#333">exercises</text>'
    )
    other = {"ours": dict(default), "default": dict(ours)}
    for points, colour, side in ((ours, "#00796b", "ours"), (default, "#e64a19", "default")):
        if not points:
            continue
        path = " ".join(
            f"{'M' if i == 0 else 'L'}{x(n):.1f},{y(t):.1f}" for i, (n, t) in enumerate(points)
        )
        parts.append(f'<path d="{path}" fill="none" stroke="{colour}" stroke-width="2"/>')
        for n, t in points:
            # The higher of the two values at this size is labelled above its point.
            above = t >= other[side].get(n, 0)
            parts.append(f'<circle cx="{x(n):.1f}" cy="{y(t):.1f}" r="4" fill="{colour}"/>')
            parts.append(
                f'<text x="{x(n):.1f}" y="{y(t) + (-9 if above else 18):.1f}" '
                f'text-anchor="middle" fill="{colour}">{t:.1f} s</text>'
            )
    legend = top - 22
    parts.append(f'<rect x="{left}" y="{legend - 4}" width="14" height="4" fill="#00796b"/>')
    parts.append(f'<text x="{left + 20}" y="{legend + 2}" fill="#333">this site</text>')
    parts.append(f'<rect x="{left + 100}" y="{legend - 4}" width="14" height="4" fill="#e64a19"/>')
    parts.append(
        f'<text x="{left + 120}" y="{legend + 2}" fill="#333">'
        f"{escape('default MkDocs + Material (Markdown pages, every page in the nav)')}</text>"
    )
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def notes(rows: list[Row], default_max: int) -> list[str]:
    """What the numbers leave unsaid: comparisons, what was not run and why, what dominates."""
    found = [
        f"- Builds of {r['n']:,}: {', '.join(f'{s:.2f}' for s in r['builds_s'])} s; the table "
        "shows the best, as the machine is shared with other work."
        for r in rows
        if len(r.get("builds_s", ())) > 1 and r["n"] >= 1000
    ]
    compared = [r for r in rows if r.get("default_s")]
    for r in [max(compared, key=lambda r: r["n"])] if compared else []:
        if r.get("default_search_gzip") and r.get("search_query_max") is not None:
            found.append(
                f"- Search at {r['n']:,}: the theme's search downloads its whole index, "
                f"{r['default_search_bytes'] / 2**20:.1f} MB "
                f"({r['default_search_gzip'] / 1024:,.0f} KB gzip), before the first result; "
                f"this site's search downloaded at most {r['search_query_max'] / 1024:.0f} KB "
                "for a whole query."
            )
        if r.get("default_largest_page_bytes"):
            found.append(
                f"- Page size at {r['n']:,}: the default build's largest page is "
                f"{r['default_largest_page_bytes'] / 1024:,.0f} KB, because its sidebar lists "
                f"every page; this site's largest is {r['largest_page_bytes'] / 1024:.0f} KB."
            )
    for r in rows:
        if r.get("rebuilds"):
            found.append(
                f"- Edit → served at {r['n']:,}: each rebuild took "
                f"{statistics.median(r['rebuilds']):.2f} s (median, as `mkdocs serve` logs it); "
                "the rest is MkDocs' file watcher, which looks for changes every 0.5 s, and its "
                "0.1 s wait for further changes."
            )
    found.append(
        "- Each build writes into a fresh folder on the machine's disk (ext4), and no earlier "
        "site is deleted before the measurements end: for some seconds after many files are "
        "deleted, ext4 creates files several times slower (`recently_deleted` leads a kernel "
        "profile of file creation), which would time the clean-up, not the build."
    )
    skipped = [r["n"] for r in rows if r["n"] > default_max]
    if skipped:
        found.append(
            f"- The default build was not run at {', '.join(f'{n:,}' for n in skipped)} "
            "exercises: every page's sidebar lists every page, so its time and output grow with "
            "the square of the number of pages (`--default-max` runs it anyway)."
        )
    return found


def page(rows: list[Row], about: dict[str, str], notes: list[str]) -> str:
    """The `docs/` page: what was measured, on what, the table, the plot and the targets."""
    lines = [
        "# Build benchmark",
        "",
        "How long the site takes to build as the number of exercises grows, measured with",
        "`make bench` (`python -m tests.bench`). The records are generated from the public-domain",
        "free-exercise-db corpus (real names, muscles, equipment and steps; generated description,",
        "tips and FAQ; varied names past its 873 exercises) and pass every check. The same records",
        "are also built the obvious way, as Markdown pages with a default MkDocs + Material",
        "configuration, for comparison.",
        "",
        "Search is the site's own index, written from the records at build time and cut into",
        "small files by word prefix (`build_tools/search_index.py`): the theme's single index",
        "would be 3.8 MB gzip at 10,000 exercises, and Pagefind's post-build indexing alone",
        "(23 s and 3 GB at 10,000) would exceed the build's budget.",
        "",
        "## Machine",
        "",
        *(f"- {key}: {value}" for key, value in about.items()),
        "",
        "## Results",
        "",
        *table(rows),
        "",
        "- *Load*, *Check*, *Render*: our stages alone, in one process (render includes the",
        "  browse pages and the search index).",
        "- *Build*: the whole `mkdocs build --strict`, from the command line: checks, pages,",
        "  theme, search index. *ms/page* divides it by the pages written; *Peak MB* is the peak",
        "  resident memory of the build and the worker it forks for its checks, summed (pages",
        "  the two share count twice).",
        "- *Search KB/query*: what a reader's browser downloads (gzip) while typing a query letter",
        "  by letter, the largest over the queries tried.",
        "- *Edit → served*: from saving a one-record edit to `mkdocs serve --dirty` serving the",
        "  new page (median and max of several edits).",
        "",
        "![Build time against the number of exercises](build-time.svg)",
        "",
        *time_spent(rows),
        "## Targets",
        "",
        *verdicts(rows),
        "",
    ]
    if notes:
        lines += ["## Notes", "", *notes, ""]
    return "\n".join(lines)


def time_spent(rows: list[Row]) -> list[str]:
    """How a build spends its time, from the phases the plugin logs (`mkdocs build -v`)."""
    lines = [
        "## Where a build spends its time",
        "",
        "A build runs on both cores. It reads half the records in a forked process, then forks",
        "a worker that runs the record checks while the build renders the pages; the worker then",
        "parses and checks each page as MkDocs writes it, and when it falls behind the build checks",
        "the next page itself. Every check runs on every build: nothing is switched off for speed.",
        "",
    ]
    for r in rows:
        p = r.get("phases") or {}
        if "pages" not in p:
            continue
        lines.append(
            f"- {r['n']:,} exercise{'s' if r['n'] != 1 else ''}, {p['total']:.2f} s inside "
            f"MkDocs: records loaded, checked and rendered, and the browse pages and search "
            f"entries made, {p['records']:.2f} s; pages rendered, written and checked "
            f"{p['pages']:.2f} s ({p.get('worker_pages', 0):,.0f} checked by the worker, "
            f"{p.get('build_pages', 0):,.0f} by the build); search index and redirect pages "
            f"{p['search']:.2f} s; the worker's last pages {p['checks_after']:.2f} s; host files "
            f"and the checks across pages {p['site_checks']:.2f} s. The rest of *Build s* is "
            "starting Python and MkDocs."
        )
    return [*lines, ""]


def write_docs(folder: Path, rows: list[Row], about: dict[str, str], notes: list[str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "index.md").write_text(page(rows, about, notes), encoding="utf-8")
    (folder / "build-time.svg").write_text(svg_plot(rows), encoding="utf-8")
