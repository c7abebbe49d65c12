"""How long `python -m build_tools check` takes, and where the time goes. Prints numbers only.

    .venv/bin/python benchmarks/check_time.py [--runs 10] [--records 1 100 1000]

For each record count, a scratch project holds that many copies of the Heel Press record
(each with its own slug and name). Reported: the whole command (a fresh Python process, as an
editor runs it), then, in one process, loading + record checks + rendering per record, and
the built-site checks on a site built from the real project.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from build_tools.build.pipeline import Project, run  # noqa: E402
from build_tools.checks.run import check_built_site, check_content  # noqa: E402
from build_tools.site.reader import read_site  # noqa: E402
from build_tools.source.load import load_content  # noqa: E402


def scratch_project(folder: Path, records: int) -> Path:
    shutil.copytree(ROOT / "templates", folder / "templates")
    (folder / "content" / "vocabulary").mkdir(parents=True)
    shutil.copy(ROOT / "content/vocabulary/terms.yaml", folder / "content/vocabulary/terms.yaml")
    source = (ROOT / "content/heel-press.yaml").read_text(encoding="utf-8")
    for number in range(records):
        slug = "heel-press" if number == 0 else f"heel-press-{number}"
        text = source.replace("slug: heel-press", f"slug: {slug}")
        (folder / "content" / f"{slug}.yaml").write_text(text, encoding="utf-8")
    return folder


def timed(function: Callable[[], object], runs: int) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times), statistics.median(times)


def command(project: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "build_tools", "check", "--root", str(project)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def measure(records: int, runs: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        project = scratch_project(Path(folder), records)
        cmd = timed(lambda: command(project), runs)
        content = load_content(project / "content", project)
        load = timed(lambda: load_content(project / "content", project), 3)
        checks = timed(lambda: check_content(content), 3)
        whole = timed(lambda: run(Project.at(project)), 3)
    print(
        f"  {records:5d} records: command {cmd[0]:.3f} / {cmd[1]:.3f}"
        f" | in process: load {load[0] / records * 1000:.2f} ms/record,"
        f" record checks {checks[0] / records * 1000:.2f} ms/record,"
        f" load+check+render {whole[0]:.3f} s"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--records", type=int, nargs="+", default=[1, 100, 1000])
    args = parser.parse_args()
    print(f"python -m build_tools check, {args.runs} runs each (min / median seconds)")
    for records in args.records:
        measure(records, args.runs)
    with tempfile.TemporaryDirectory() as folder:
        site_dir = Path(folder) / "site"
        subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "-q", "--site-dir", str(site_dir)],
            cwd=ROOT,
            check=True,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )
        content = load_content(ROOT / "content", ROOT)
        pages = {"heel-press": "exercises/heel-press/index.html"}

        def site_checks() -> None:
            url = "https://exercises.example.org/"
            assert check_built_site(site_dir, "site", content, pages, url) == []

        count = len(read_site(site_dir, "site", pages).pages)
        best, median = timed(site_checks, args.runs)
        print(f"built-site checks on the real site ({count} pages): {best:.3f} / {median:.3f} s")


if __name__ == "__main__":
    main()
