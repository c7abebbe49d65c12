"""Measurements the benchmark takes: a command's wall time and peak memory, a built site's sizes,
the search data a query downloads, and the time from saving an edit to `mkdocs serve` serving it.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEARCH_BYTES = Path(__file__).resolve().parent / "search_bytes.js"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_bytes: int
    returncode: int
    output: str


def _tree_rss(pid: int) -> int:
    """The resident memory of a process and all its descendants now, in bytes (0 once gone).
    Pages a forked child shares with its parent count twice: an upper bound."""
    total = 0
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) * 1024
        with open(f"/proc/{pid}/task/{pid}/children", encoding="ascii") as children:
            kids = [int(k) for k in children.read().split()]
    except (FileNotFoundError, ProcessLookupError, ValueError):
        return total
    return total + sum(_tree_rss(kid) for kid in kids)


def run_measured(command: list[str], cwd: Path) -> Run:
    """Run `command`; its wall time, and the peak resident memory of its process and the
    processes it starts (the build forks a worker for its checks), summed."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=cwd, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    assert process.stdout is not None
    peak = [0]
    finished = threading.Event()

    def sample() -> None:
        while not finished.wait(0.02):
            peak[0] = max(peak[0], _tree_rss(process.pid))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    with process.stdout:
        output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)  # the largest single process's own peak
    seconds = time.perf_counter() - start
    finished.set()
    sampler.join()
    process.returncode = os.waitstatus_to_exitcode(status)
    return Run(seconds, max(peak[0], usage.ru_maxrss * 1024), process.returncode, output)


def mkdocs_build(project: Path, site: Path, *, strict: bool = True, verbose: bool = False) -> Run:
    shutil.rmtree(site, ignore_errors=True)
    command = [sys.executable, "-m", "mkdocs", "build", "-v" if verbose else "-q"]
    command += ["--site-dir", str(site), *(["--strict"] if strict else [])]
    return run_measured(command, project)


_PHASES = {
    "total": r"Documentation built in ([0-9.]+) seconds",
    "records": r"Records loaded, checked and rendered in ([0-9.]+) s",
    "search": r"Search index and redirect pages written in ([0-9.]+) s",
    "checks_after": r"Page checks done ([0-9.]+) s after the last page",
    "site_checks": r"Host files and site checks in ([0-9.]+) s",
    "worker_pages": r"Pages checked: ([0-9]+) by the worker",
    "build_pages": r"by the worker, ([0-9]+) by the build",
}


def phases(output: str) -> dict[str, float]:
    """Where a build's time went, from what the plugin logs under `mkdocs build -v`."""
    found = {}
    for name, pattern in _PHASES.items():
        match = re.search(pattern, output)
        if match:
            found[name] = float(match.group(1))
    if {"total", "records", "search", "checks_after", "site_checks"} <= found.keys():
        others = ("records", "search", "checks_after", "site_checks")
        found["pages"] = found["total"] - sum(found[k] for k in others)
    return found


@dataclass(frozen=True)
class SiteStats:
    pages: int
    bytes: int
    largest_page: str
    largest_page_bytes: int
    search_bytes: int
    search_files: int


def site_stats(site: Path) -> SiteStats:
    pages = [p for p in site.rglob("*.html") if "assets" not in p.relative_to(site).parts]
    largest = max(pages, key=lambda p: p.stat().st_size)
    search = (
        [p for p in (site / "search").rglob("*") if p.is_file()]
        if (site / "search").is_dir()
        else []
    )
    return SiteStats(
        pages=sum(1 for p in pages if p.name == "index.html"),
        bytes=sum(p.stat().st_size for p in site.rglob("*") if p.is_file()),
        largest_page=largest.relative_to(site).as_posix(),
        largest_page_bytes=largest.stat().st_size,
        search_bytes=sum(p.stat().st_size for p in search),
        search_files=len(search),
    )


def gzip_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), 6))


def largest_search_file(site: Path) -> tuple[str, int]:
    """The biggest single file a query can fetch from our index (gzip bytes)."""
    files = [p for p in (site / "search").rglob("*.json")]
    biggest = max(files, key=gzip_size)
    return biggest.relative_to(site).as_posix(), gzip_size(biggest)


def theme_search_index(site: Path) -> tuple[int, int] | None:
    """The theme's single search index (bytes, gzip bytes), if the site has one."""
    index = site / "search" / "search_index.json"
    return (index.stat().st_size, gzip_size(index)) if index.is_file() else None


def search_sessions(site: Path, queries: list[str]) -> list[dict]:
    """Per query, typed letter by letter in a fresh page: the files fetched, raw and gzip."""
    node = shutil.which("node")
    if node is None:
        return []
    done = subprocess.run(
        [node, str(SEARCH_BYTES), str(site), *queries],
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
    )
    return [json.loads(line) for line in done.stdout.splitlines()]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode()
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


@dataclass(frozen=True)
class Served:
    seconds: list[float]
    """From saving each edit to the new page being served."""
    rebuilds: list[float]
    """How long each rebuild took, as `mkdocs serve` logged it."""


def serve_edit_times(project: Path, slug: str, edits: int = 5, *, dirty: bool = True) -> Served:
    """Seconds from saving a one-record edit to `mkdocs serve` serving the new page, per edit."""
    port = _free_port()
    command = [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"]
    log = project / "serve.log"
    with log.open("w") as output:
        server = subprocess.Popen(
            [*command, "--dirty"] if dirty else command,
            cwd=project,
            env=ENV,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    url = f"http://127.0.0.1:{port}/exercises/{slug}/"
    record = project / "content" / f"{slug}.yaml"
    original = record.read_text(encoding="utf-8")
    times = []
    try:
        deadline = time.monotonic() + 900
        while _get(url) is None:
            if server.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("mkdocs serve did not start")
            time.sleep(0.1)
        time.sleep(1.5)
        for n in range(edits):
            token = f"Edited for the benchmark {n} {time.time_ns()}"
            text = re.sub(r"^summary: .*$", f"summary: {token}.", original, count=1, flags=re.M)
            start = time.perf_counter()
            record.write_text(text, encoding="utf-8")
            while token not in (_get(url) or ""):
                if time.perf_counter() - start > 120:
                    raise RuntimeError("the edit was never served")
                time.sleep(0.01)
            times.append(time.perf_counter() - start)
            time.sleep(1.2)  # let the watcher settle, as an editor would between saves
    finally:
        record.write_text(original, encoding="utf-8")
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(30)
    built = [float(s) for s in re.findall(r"built in ([0-9.]+) seconds", log.read_text())]
    return Served(times, built[1 : 1 + edits])  # the first is the initial build


def stages(project: Path) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, "-m", "tests.bench.stages", str(project)],
        cwd=ROOT,
        env=ENV,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"measuring the stages failed:\n{done.stdout}{done.stderr}")
    return json.loads(done.stdout)
