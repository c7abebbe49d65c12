"""Half the work on another core: the same results, in the same order, and failures told."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from build_tools.source.load import load_content
from build_tools.speed.cache import FileCache
from build_tools.speed.forked import MIN_ITEMS, ForkFailed, forked_map

from .bench.corpus import load_corpus, write_project


def test_forked_map_gives_what_map_gives_in_order() -> None:
    items = list(range(200))
    assert forked_map(lambda n: n * n, items) == [n * n for n in items]


def test_the_second_half_runs_in_another_process() -> None:
    pids = forked_map(lambda _: os.getpid(), range(MIN_ITEMS))
    assert pids[0] == os.getpid()
    assert pids[-1] != os.getpid()
    assert forked_map(lambda _: os.getpid(), range(MIN_ITEMS - 1)) == [os.getpid()] * (
        MIN_ITEMS - 1
    )


def test_a_failure_in_the_other_half_is_raised_with_its_traceback() -> None:
    def fail_late(n: int) -> int:
        if n == 150:
            raise ValueError("record 150 is unreadable")
        return n

    with pytest.raises(ForkFailed, match="record 150 is unreadable"):
        forked_map(fail_late, range(200))


def test_records_read_on_two_cores_are_the_records_read_on_one(tmp_path: Path) -> None:
    project = write_project(tmp_path, 100, load_corpus())
    serial = load_content(project / "content", project)
    parallel = load_content(project / "content", project, map_=forked_map)
    assert parallel == serial
    assert [e.slug for e in parallel.exercises] == sorted(e.slug for e in serial.exercises)


def test_the_cache_reads_only_what_changed(tmp_path: Path) -> None:
    files = [tmp_path / f"{n}.txt" for n in range(3)]
    for path in files:
        path.write_text(path.stem)
    cache = FileCache()
    read: list[str] = []

    def reader(path: Path) -> str:
        read.append(path.name)
        return path.read_text()

    assert cache.files(files, reader) == ["0", "1", "2"]
    files[1].write_text("one, longer")
    assert cache.files(files, reader) == ["0", "one, longer", "2"]
    assert read == ["0.txt", "1.txt", "2.txt", "1.txt"]


HALF_THAT_HANGS = """
import os, sys, time
from build_tools.speed.forked import forked_map

parent = os.getpid()

def work(n):
    if os.getpid() != parent and n == 100:
        print(os.getpid(), flush=True)
        time.sleep(600)
    return n

forked_map(work, range(200))
"""


def test_the_forked_half_dies_with_its_parent() -> None:
    from .test_build_cleanup import alive

    parent = subprocess.Popen(
        [sys.executable, "-c", HALF_THAT_HANGS], stdout=subprocess.PIPE, text=True
    )
    try:
        assert parent.stdout is not None
        child = int(parent.stdout.readline())
        assert alive(child)
        parent.send_signal(signal.SIGKILL)
        parent.wait()
        parent.stdout.close()
        deadline = time.monotonic() + 5
        while alive(child) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not alive(child), f"the forked half outlived its parent: {child}"
    finally:
        parent.kill()
        parent.wait()
