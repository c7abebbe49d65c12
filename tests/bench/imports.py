"""`python -m tests.bench.imports`: import all of free-exercise-db and a wger export (built from
wger's fixtures, `tests/bench/wger_export.py`) into fresh copies of the project, and print how
long each import took, the findings of `check` per code, and how long the imported project's
build took (`python -m build_tools build --root … -d …`).

    python -m tests.bench.imports                       # both corpora
    python -m tests.bench.imports --docs docs/benchmark  # also write docs/benchmark/imports.md

Nothing imported is kept: the projects live in a temporary folder (`--keep DIR` keeps them).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from . import report
from .corpus import ROOT, find_corpus
from .wger_export import exercise_infos, repository, write_pages


@dataclass
class Row:
    corpus: str
    exercises: int = 0
    import_s: float = 0.0
    import_output: str = ""
    check_s: float = 0.0
    findings: Counter[str] = field(default_factory=Counter)
    build_s: float = 0.0
    build_status: int = 0
    build_tail: str = ""


def _env() -> dict[str, str]:
    # The worktree's own build_tools, whatever the venv's editable install points at.
    path = os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p)
    return {**os.environ, "PYTHONPATH": path, "NO_MKDOCS_2_WARNING": "1"}


def _run(command: list[str], cwd: Path) -> tuple[float, subprocess.CompletedProcess[str]]:
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, env=_env(), capture_output=True, text=True, check=False)
    return time.perf_counter() - start, done


def fresh_project(dest: Path) -> Path:
    """The project's templates, docs, configuration, vocabulary and Heel Press: no other
    record."""
    for name in ("templates", "docs"):
        shutil.copytree(ROOT / name, dest / name)
    shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    (dest / "content" / "vocabulary").mkdir(parents=True)
    for name in ("heel-press.yaml", "anchors.lock", "vocabulary/terms.yaml"):
        if (ROOT / "content" / name).exists():
            shutil.copy(ROOT / "content" / name, dest / "content" / name)
    return dest


def measure(corpus: str, source: Path, work: Path) -> Row:
    row = Row(corpus)
    project = fresh_project(work / corpus)
    python = sys.executable
    row.import_s, done = _run(
        [python, "-m", "build_tools", "import", corpus, str(source), "--root", str(project)],
        project,
    )
    row.import_output = done.stdout + done.stderr
    if done.returncode != 0:
        sys.exit(f"the import of {corpus} failed:\n{row.import_output[-4000:]}")
    row.exercises = len(list((project / "content").glob("*.yaml"))) - 1
    row.check_s, done = _run(
        [python, "-m", "build_tools", "check", "--root", str(project)], project
    )
    row.findings = Counter(re.findall(r"^\S+:\d+:\d+: ([A-Z]\d{3}) ", done.stdout, re.MULTILINE))
    row.build_s, done = _run(
        [python, "-m", "build_tools", "build", "--root", str(project), "-d", str(work / "site")],
        project,
    )
    row.build_status = done.returncode
    row.build_tail = "\n".join((done.stdout + done.stderr).strip().splitlines()[-3:])
    return row


def lines(rows: list[Row]) -> list[str]:
    out = [
        "| Corpus | Records | Import s | Check s | Build s | Build | Findings by code |",
        "|---|---:|---:|---:|---:|---|---|",
    ]
    for row in rows:
        codes = ", ".join(f"{code} {n:,}" for code, n in sorted(row.findings.items())) or "none"
        status = "passed" if row.build_status == 0 else f"failed ({row.build_status})"
        out.append(
            f"| {row.corpus} | {row.exercises:,} | {row.import_s:.2f} | {row.check_s:.2f} |"
            f" {row.build_s:.2f} | {status} | {codes} |"
        )
    return out


def write_docs(folder: Path, rows: list[Row], about: dict[str, str]) -> Path:
    page = folder / "imports.md"
    text = [
        "# Import benchmark",
        "",
        "How long `python -m build_tools import` takes on the two open corpora, measured with",
        "`python -m tests.bench.imports`, what `check` finds in the imported records, and how long",
        "the imported project's build takes. Every imported record is a draft: the corpora lack",
        "sections the site requires.",
        "",
        "## Machine",
        "",
        *(f"- {k}: {v}" for k, v in about.items()),
        "",
        "## Results",
        "",
        *lines(rows),
        "",
    ]
    page.write_text("\n".join(text), encoding="utf-8")
    return page


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.bench.imports", description=__doc__)
    parser.add_argument("--corpus", type=Path, default=None, help="free-exercise-db JSON")
    parser.add_argument("--docs", type=Path, default=None, help="write imports.md here")
    parser.add_argument("--keep", type=Path, default=None, help="work here and keep it")
    args = parser.parse_args(argv)
    corpus = args.corpus or find_corpus()
    if corpus is None:
        print("no free-exercise-db corpus: set FREE_EXERCISE_DB", file=sys.stderr)
        return 2
    about = report.machine()
    print("\n".join(f"{k}: {v}" for k, v in about.items()), flush=True)
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-imports-") as temporary:
        work = args.keep or Path(temporary)
        pages = work / "wger-pages"
        write_pages(exercise_infos(repository()), pages)
        for name, source in (("free-exercise-db", corpus), ("wger", pages)):
            row = measure(name, source, work)
            print(f"\n== {name}: {row.exercises:,} records", flush=True)
            print(
                f"   import {row.import_s:.2f} s, check {row.check_s:.2f} s,"
                f" build {row.build_s:.2f} s (exit {row.build_status})",
                flush=True,
            )
            print("   " + "\n   ".join(row.import_output.strip().splitlines()[:3]), flush=True)
            rows.append(row)
            shutil.rmtree(work / "site", ignore_errors=True)
    print()
    print("\n".join(lines(rows)))
    if args.docs:
        print(f"wrote {write_docs(args.docs, rows, about)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
