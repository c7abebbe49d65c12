"""`python -m tests.bench`: build N generated exercises our way and the default way, and print
what it cost. One command; 10,000 exercises behind `--with-10000`.

    python -m tests.bench                      # N = 1, 100, 1,000
    python -m tests.bench --with-10000         # and 10,000 (a few minutes)
    python -m tests.bench --docs docs/benchmark  # also write the docs page and the plot
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml

from . import measure, report
from .corpus import find_corpus, load_corpus, write_project
from .markdown_site import write_markdown_project

QUERIES_PER_SIZE = 12


def queries(records: list[dict[str, Any]]) -> list[str]:
    """What readers type: names as written and as remembered, questions, a typo, single words."""
    by_slug = {r["slug"]: r for r in records}
    found = ["pull ups", "pullups", "Pull-Ups", "pulups", "squat", "press", "stretch"]
    for slug in ("barbell-squat", "dumbbell-bench-press", "pullups", "farmers-walk"):
        if slug in by_slug:
            record = by_slug[slug]
            found += [record["name"], record["faq"][0]["question"], record["faq"][-1]["question"]]
    first = records[0]
    found += [first["name"], first["faq"][0]["question"], "dumbell bench pres"]
    return list(dict.fromkeys(found))


def measure_size(
    n: int, corpus: list[dict[str, Any]], args: argparse.Namespace, work: Path
) -> dict:
    print(f"\n== {n:,} exercises", flush=True)
    project = write_project(work / f"ours-{n}", n, corpus)
    records = [
        yaml.load(p.read_text(), Loader=yaml.CSafeLoader)
        for p in sorted((project / "content").glob("*.yaml"))
    ]
    stages = measure.stages(project)
    print(
        f"   stages: load {stages['load']:.2f} s, check {stages['check']:.2f} s, "
        f"render {stages['render']:.2f} s",
        flush=True,
    )
    builds = []
    for attempt in range(args.repeat):
        # A fresh folder each time, none deleted before the end: ext4 allocates inodes slowly
        # for a while after many were deleted (`recently_deleted` in the kernel's profile), which
        # would time the benchmark's own clean-up rather than the build.
        site = work / f"site-{n}-{attempt + 1}"
        run = measure.mkdocs_build(project, site)
        if run.returncode != 0:
            sys.exit(f"the build of {n} exercises failed:\n{run.output[-4000:]}")
        builds.append(run)
        print(
            f"   build {attempt + 1}: {run.seconds:.2f} s, peak {run.peak_bytes / 2**20:.0f} MB",
            flush=True,
        )
    best = min(builds, key=lambda r: r.seconds)
    site = work / f"site-{n}-{builds.index(best) + 1}"
    # One more build, verbose: the plugin logs how long each of its phases took.
    told = measure.mkdocs_build(project, work / f"site-{n}-phases", verbose=True)
    phases = measure.phases(told.output)
    if phases.get("pages") is not None:
        print(
            f"   phases: records {phases['records']:.2f} s, pages {phases['pages']:.2f} s, "
            f"search {phases['search']:.2f} s, page checks after the last page "
            f"{phases['checks_after']:.2f} s, site checks {phases['site_checks']:.2f} s",
            flush=True,
        )
    stats = measure.site_stats(site)
    row: dict[str, Any] = {
        "n": n,
        "pages": stats.pages,
        "load_s": stages["load"],
        "check_s": stages["check"],
        "render_s": stages["render"],
        "build_s": best.seconds,
        "builds_s": [r.seconds for r in builds],
        "ms_per_page": best.seconds * 1000 / stats.pages,
        "peak_bytes": max(r.peak_bytes for r in builds),
        "site_bytes": stats.bytes,
        "largest_page": stats.largest_page,
        "largest_page_bytes": stats.largest_page_bytes,
        "search_index_bytes": stats.search_bytes,
        "search_files": stats.search_files,
        "phases": phases,
    }
    sessions = measure.search_sessions(site, queries(records))
    if sessions:
        worst = max(sessions, key=lambda s: s["gzip"])
        row.update(
            search_query_max=worst["gzip"],
            search_query_max_text=worst["query"],
            search_query_median=statistics.median(s["gzip"] for s in sessions),
            search_queries=len(sessions),
        )
        name, size = measure.largest_search_file(site)
        row.update(search_largest_file=name, search_largest_file_bytes=size)
        print(
            f"   search: max {worst['gzip'] / 1024:.1f} KB gzip per query ({worst['query']!r}), "
            f"largest file {name} {size / 1024:.1f} KB",
            flush=True,
        )
    if n in args.serve_sizes:
        slug = "pullups" if (project / "content" / "pullups.yaml").exists() else records[0]["slug"]
        served = measure.serve_edit_times(project, slug, args.edits)
        row.update(served=served.seconds, rebuilds=served.rebuilds)
        print(
            f"   edit → served: {', '.join(f'{t:.2f}' for t in served.seconds)} s "
            f"(rebuilds {', '.join(f'{t:.2f}' for t in served.rebuilds)} s)",
            flush=True,
        )
    if n <= args.default_max:
        default = write_markdown_project(project / "content", work / f"default-{n}")
        run = measure.mkdocs_build(default, work / f"default-site-{n}", strict=False)
        if run.returncode != 0:
            sys.exit(f"the default build of {n} exercises failed:\n{run.output[-4000:]}")
        theme_index = measure.theme_search_index(work / f"default-site-{n}")
        default_stats = measure.site_stats(work / f"default-site-{n}")
        row.update(
            default_s=run.seconds,
            default_peak_bytes=run.peak_bytes,
            default_site_bytes=default_stats.bytes,
            default_largest_page_bytes=default_stats.largest_page_bytes,
        )
        if theme_index:
            row.update(default_search_bytes=theme_index[0], default_search_gzip=theme_index[1])
        print(
            f"   default build: {run.seconds:.1f} s ({run.seconds / best.seconds:.1f}× ours), "
            f"peak {run.peak_bytes / 2**20:.0f} MB",
            flush=True,
        )
    print(f"   load average: {os.getloadavg()[0]:.2f}", flush=True)
    return row


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.bench", description=__doc__)
    parser.add_argument("--sizes", default="1,100,1000", help="numbers of exercises (comma list)")
    parser.add_argument("--with-10000", action="store_true", help="also 10,000 exercises")
    parser.add_argument("--repeat", type=int, default=2, help="full builds per size (best kept)")
    parser.add_argument("--edits", type=int, default=5, help="edits timed under mkdocs serve")
    parser.add_argument("--serve-sizes", default="1000", help="sizes to time mkdocs serve at")
    parser.add_argument(
        "--default-max",
        type=int,
        default=1000,
        help="largest size built the default way (its sidebar makes it grow as N²)",
    )
    parser.add_argument("--corpus", type=Path, default=None, help="free-exercise-db JSON")
    parser.add_argument("--json", type=Path, default=None, help="write the results here")
    parser.add_argument("--docs", type=Path, default=None, help="write the docs page here")
    parser.add_argument("--keep", type=Path, default=None, help="build here and keep it")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s]
    if args.with_10000 and 10000 not in sizes:
        sizes.append(10000)
    args.serve_sizes = {int(s) for s in args.serve_sizes.split(",") if s}
    path = args.corpus or find_corpus()
    if path is None:
        print("no corpus: set FREE_EXERCISE_DB; using the committed sample", file=sys.stderr)
    corpus = load_corpus(path)
    about = report.machine()
    print("\n".join(f"{k}: {v}" for k, v in about.items()), flush=True)
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-") as temporary:
        work = args.keep or Path(temporary)
        for n in sizes:
            rows.append(measure_size(n, corpus, args, work))
    print()
    print("\n".join(report.table(rows)))
    print()
    print("\n".join(report.verdicts(rows)))
    if args.json:
        args.json.write_text(json.dumps({"machine": about, "rows": rows}, indent=1))
    if args.docs:
        report.write_docs(args.docs, rows, about, report.notes(rows, args.default_max))
    return 0


if __name__ == "__main__":
    sys.exit(main())
