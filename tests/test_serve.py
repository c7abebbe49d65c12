"""`mkdocs serve`: a bad edit prints its findings and the last good site stays served; fixing
the edit rebuilds and reloads the page. A real server on 127.0.0.1, with bounded waits."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

PAGE = "exercises/heel-press/"
WAIT = 30.0
# The live-reload script MkDocs adds to each page it serves carries the site's version.
_EPOCH = re.compile(rb"livereload\((\d+), \d+\)")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Server:
    def __init__(self, project: Path) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.log: list[str] = []
        self.process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--strict", "-a", f"127.0.0.1:{self.port}"],
            cwd=project,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.log.append(line.rstrip("\n"))

    def get(self, path: str, timeout: float = 10.0) -> bytes:
        with urllib.request.urlopen(self.url + path, timeout=timeout) as response:
            assert response.status == 200
            return response.read()

    def wait_for(self, what: str, ready: Callable[[], bool]) -> None:
        deadline = time.monotonic() + WAIT
        while not ready():
            assert self.process.poll() is None, "\n".join(self.log)
            assert time.monotonic() < deadline, f"{what}:\n" + "\n".join(self.log)
            time.sleep(0.2)

    def logged(self, text: str) -> int:
        return sum(text in line for line in self.log)

    def stop(self) -> None:
        # Interrupted, MkDocs shuts down cleanly and deletes its temporary site folder.
        self.process.send_signal(signal.SIGINT)
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)
        self.reader.join(timeout=10)
        assert self.process.stdout is not None
        self.process.stdout.close()


@pytest.fixture
def server(project: Path) -> Iterator[Server]:
    running = Server(project)
    try:
        running.wait_for("the first build", lambda: running.logged("Serving on") > 0)
        yield running
    finally:
        running.stop()


def epoch(page: bytes) -> int:
    found = _EPOCH.search(page)
    assert found is not None
    return int(found.group(1))


def body(page: bytes) -> bytes:
    """The page without the live-reload script, which carries the version number."""
    return _EPOCH.sub(b"", page)


def test_a_bad_edit_keeps_the_last_good_site_and_a_fix_reloads(
    server: Server, project: Path
) -> None:
    good = server.get(PAGE)
    record = project / "content" / "heel-press.yaml"
    source = record.read_text(encoding="utf-8")

    record.write_text(source.replace("level: beginner", "level: begginer"), encoding="utf-8")
    finding = (
        "content/heel-press.yaml:6:8: C201 level 'begginer' is not in the levels vocabulary"
        " (did you mean 'beginner'?)"
    )
    server.wait_for("the finding", lambda: server.logged("still served") >= 1)
    assert server.logged(finding) >= 1
    failed = server.logged("still served")
    during = server.get(PAGE)  # answered at once: the server is not stuck
    assert body(during) == body(good)

    fixed = source.replace("A standing calf stretch", "A standing wall calf stretch")
    record.write_text(fixed, encoding="utf-8")
    # What a browser's live-reload script asks: it returns once a newer site is ready.
    newer = int(server.get(f"livereload/{epoch(during)}/1", timeout=WAIT))
    assert newer > epoch(during)
    after = server.get(PAGE)
    assert b"A standing wall calf stretch" in after
    assert server.logged("still served") == failed  # the fixed build passed
