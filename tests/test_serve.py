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
PUBLISHED = "Published the site to"
# The live-reload script MkDocs adds to each page it serves carries the site's version.
_EPOCH = re.compile(rb"livereload\((\d+), \d+\)")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Server:
    def __init__(self, project: Path, *extra: str, temp: Path | None = None) -> None:
        """`temp` becomes the server's temporary folder, where MkDocs makes the folder it serves;
        the build date is fixed there, so two builds of the same sources are the same bytes."""
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.log: list[str] = []
        self.temp = temp
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        if temp is not None:
            env |= {"TMPDIR": str(temp), "SOURCE_DATE_EPOCH": "1767225600"}
        command = [sys.executable, "-m", "mkdocs", "serve", *extra]
        self.process = subprocess.Popen(
            [*command, "-a", f"127.0.0.1:{self.port}"],
            cwd=project,
            env=env,
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

    def site(self) -> Path:
        """The folder MkDocs serves."""
        assert self.temp is not None
        (served,) = self.temp.glob("mkdocs_*")
        return served

    def staging(self) -> list[str]:
        assert self.temp is not None
        return sorted(p.name for p in self.temp.iterdir() if p.name.startswith(".build-"))

    def rebuilt(self, change: Callable[[], None]) -> bool:
        """Make `change`, wait for the rebuild it starts; whether that build was published."""
        # Our own line, not MkDocs' "Documentation built in N seconds": MkDocs drops a message
        # it logged before, so two rebuilds that take as long would look like one.
        published, failed = self.logged(PUBLISHED), self.logged("still served")
        change()
        self.wait_for(
            "the rebuild",
            lambda: self.logged(PUBLISHED) > published or self.logged("still served") > failed,
        )
        time.sleep(0.5)  # a second build may follow a change the watcher saw in two parts
        self.wait_for("the rebuild to settle", lambda: not self._building())
        return self.logged("still served") == failed

    def _building(self) -> bool:
        starts = [i for i, line in enumerate(self.log) if "Building documentation" in line]
        ends = [i for i, line in enumerate(self.log) if PUBLISHED in line or "still served" in line]
        return bool(starts) and (not ends or ends[-1] < starts[-1])

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
    running = Server(project, "--strict")
    try:
        running.wait_for("the first build", lambda: running.logged("Serving on") > 0)
        yield running
    finally:
        running.stop()


@pytest.fixture
def dirty_server(project: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    # Not --strict: MkDocs warns of every dirty build.
    running = Server(project, "--dirty", temp=tmp_path_factory.mktemp("temp"))
    try:
        running.wait_for("the first build", lambda: running.logged("Serving on") > 0)
        yield running
    finally:
        running.stop()


def snapshot(folder: Path) -> dict[str, bytes | None]:
    """Every file's bytes and every folder (None), by path below `folder`."""
    return {
        path.relative_to(folder).as_posix(): path.read_bytes() if path.is_file() else None
        for path in sorted(folder.rglob("*"))
    }


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


def edit(path: Path, old: str, new: str) -> Callable[[], None]:
    text = path.read_text(encoding="utf-8")
    assert old in text
    return lambda: path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_dirty_serve_never_serves_a_page_that_failed_and_a_revert_rebuilds(
    dirty_server: Server, project: Path
) -> None:
    site, page = dirty_server.site(), dirty_server.get(PAGE)
    good = snapshot(site)
    template = project / "templates" / "pages" / "exercise.html"
    source = template.read_text(encoding="utf-8")

    # Only the built-site checks see this: the template drops the tips' text.
    assert not dirty_server.rebuilt(
        edit(
            template,
            "<li>{{ tip | formatted(inline=True) }}</li>",
            "<li>{{ tip | formatted(inline=True) | upper }}</li>",
        )
    )
    assert dirty_server.logged("exercises/heel-press/index.html") >= 1
    assert dirty_server.logged("H102 tips[0] is missing") >= 1
    assert snapshot(site) == good
    assert body(dirty_server.get(PAGE)) == body(page)
    assert len(dirty_server.staging()) <= 1  # the folder the next rebuild starts from

    # The original bytes back: the page is the served one, and its findings went with the build.
    for _ in range(2):
        errors = dirty_server.logged("H102")
        assert dirty_server.rebuilt(lambda: template.write_text(source, encoding="utf-8"))
        assert dirty_server.logged("H102") == errors
        assert snapshot(site) == good


def test_dirty_serve_a_failed_hand_written_page_is_never_served(
    dirty_server: Server, project: Path
) -> None:
    site = dirty_server.site()
    good = snapshot(site)
    page = project / "docs" / "publishing.md"
    source = page.read_text(encoding="utf-8")

    assert not dirty_server.rebuilt(
        lambda: page.write_text(source + '\n<a href="nowhere/">Nowhere</a>\n', encoding="utf-8")
    )
    assert dirty_server.logged("H104") >= 1
    assert snapshot(site) == good
    assert b"Nowhere" not in dirty_server.get("publishing/")

    assert dirty_server.rebuilt(lambda: page.write_text(source, encoding="utf-8"))
    assert b"Nowhere" not in dirty_server.get("publishing/")
    assert (site / "publishing" / "index.html").read_bytes() == good["publishing/index.html"]


def test_dirty_serve_survives_an_unexpected_failure_and_drops_what_the_content_no_longer_makes(
    dirty_server: Server, project: Path
) -> None:
    site, page = dirty_server.site(), dirty_server.get(PAGE)
    good = snapshot(site)
    nginx = project / "templates" / "hosting" / "nginx-include.conf"
    template = nginx.read_text(encoding="utf-8")
    record = project / "content" / "heel-press.yaml"
    source = record.read_text(encoding="utf-8")
    aliased = source.replace("slug: heel-press\n", "slug: heel-press\naliases: [old-heel-press]\n")

    # Not a finding: a step of the build raises. The server still answers at once.
    nginx.write_text(template + "{{ no_such_value }}\n", encoding="utf-8")
    assert not dirty_server.rebuilt(lambda: record.write_text(aliased, encoding="utf-8"))
    assert dirty_server.logged("UndefinedError") >= 1
    assert dirty_server.logged("Traceback") == 0
    assert body(dirty_server.get(PAGE, timeout=5)) == body(page)
    assert snapshot(site) == good
    assert len(dirty_server.staging()) <= 1  # the folder the next rebuild starts from

    # Fixed, the alias is published with its redirect page.
    nginx.write_text(template, encoding="utf-8")
    assert dirty_server.rebuilt(lambda: record.write_text(aliased, encoding="utf-8"))
    assert (site / "exercises" / "old-heel-press" / "index.html").is_file()
    assert b"old-heel-press" in (site / "_redirects").read_bytes()

    # The alias gone from the record: its folder goes from the served site, and the site is
    # the first one again, byte for byte.
    assert dirty_server.rebuilt(lambda: record.write_text(source, encoding="utf-8"))
    assert not (site / "exercises" / "old-heel-press").exists()
    assert snapshot(site) == good


def test_dirty_serve_a_page_renamed_and_back_is_gone_from_the_served_site(
    dirty_server: Server, project: Path
) -> None:
    site = dirty_server.site()
    good = snapshot(site)
    content = project / "content"
    old, new = content / "heel-press.yaml", content / "wall-heel-press.yaml"
    source = old.read_text(encoding="utf-8")
    renamed = source.replace("slug: heel-press\n", "slug: wall-heel-press\naliases: [heel-press]\n")

    # The slug first, then the file's name: the first build fails, the second passes.
    assert not dirty_server.rebuilt(lambda: old.write_text(renamed, encoding="utf-8"))
    assert dirty_server.rebuilt(lambda: old.rename(new))
    assert b"Heel Press" in (site / "exercises" / "wall-heel-press" / "index.html").read_bytes()
    assert b"wall-heel-press/" in (site / "exercises" / "heel-press" / "index.html").read_bytes()

    assert not dirty_server.rebuilt(lambda: new.rename(old))
    assert dirty_server.rebuilt(lambda: old.write_text(source, encoding="utf-8"))
    assert not (site / "exercises" / "wall-heel-press").exists()
    assert snapshot(site) == good


def test_dirty_serve_an_alias_with_a_line_break_never_reaches_the_served_site(
    dirty_server: Server, project: Path
) -> None:
    site, page = dirty_server.site(), dirty_server.get(PAGE)
    good = snapshot(site)
    record = project / "content" / "heel-press.yaml"
    source = record.read_text(encoding="utf-8")
    broken = source.replace("slug: heel-press\n", 'slug: heel-press\naliases: ["old-slug\\n"]\n')

    assert not dirty_server.rebuilt(lambda: record.write_text(broken, encoding="utf-8"))
    assert body(dirty_server.get(PAGE, timeout=5)) == body(page)
    assert snapshot(site) == good
    assert dirty_server.rebuilt(lambda: record.write_text(source, encoding="utf-8"))
    assert snapshot(site) == good
