"""A build cleans up after itself, even killed: its check worker dies with it, the next build
removes the staging folder it left (never that of a build still running), and the swap never
leaves a moment without a complete site."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from build_tools.build import staging

from .bench.corpus import load_corpus, write_project

KILL_RECORDS = 200
"""Enough records that the build is still rendering when the worker has been forked."""


def leftovers(parent: Path) -> list[str]:
    return sorted(p.name for p in parent.iterdir() if p.name.startswith(staging.STAGING_PREFIX))


def stage_and_die(site: Path) -> None:
    """Stage a build of `site` in another process that ends without cleaning up, as a killed
    build does."""
    code = (
        "import os, sys\nfrom pathlib import Path\nfrom build_tools.build import staging\n"
        "staging.stage(Path(sys.argv[1]))\nos._exit(0)\n"
    )
    subprocess.run([sys.executable, "-c", code, str(site)], check=True)


def test_the_next_build_removes_a_killed_builds_staging_folder(tmp_path: Path) -> None:
    site = tmp_path / "site"
    stage_and_die(site)
    (stale,) = leftovers(tmp_path)
    assert stale.startswith(".build-site-")
    mine = staging.stage(site)
    assert leftovers(tmp_path) == [mine.name]
    staging.discard(mine)
    assert leftovers(tmp_path) == []


def test_a_running_builds_staging_folder_is_left_alone(tmp_path: Path) -> None:
    site = tmp_path / "site"
    running = staging.stage(site)
    (running / "index.html").write_text("half written")
    other = staging.stage(site)
    assert (running / "index.html").read_text() == "half written"
    staging.discard(other)
    staging.publish(running, site)
    assert (site / "index.html").read_text() == "half written"
    assert leftovers(tmp_path) == []


def test_a_site_left_aside_by_a_kill_mid_swap_is_put_back(tmp_path: Path) -> None:
    # Where folders cannot be exchanged, the swap is two renames; a kill between them leaves the
    # previous site under its old name.
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("previous")
    site.rename(tmp_path / ".build-site-old-abc123")
    staged = staging.stage(site)
    assert (site / "index.html").read_text() == "previous"
    assert leftovers(tmp_path) == [staged.name]
    staging.discard(staged)


def test_the_swap_never_leaves_a_moment_without_a_site(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("build 0")
    missing: list[str] = []
    done = threading.Event()

    def watch() -> None:
        while not done.is_set():
            try:
                text = (site / "index.html").read_text()
            except FileNotFoundError:
                missing.append("no site/index.html")
            else:
                if not text.startswith("build "):
                    missing.append(f"an incomplete page: {text!r}")

    watcher = threading.Thread(target=watch)
    watcher.start()
    try:
        for n in range(1, 300):
            staged = staging.stage(site)
            (staged / "index.html").write_text(f"build {n}")
            staging.publish(staged, site)
    finally:
        done.set()
        watcher.join()
    assert missing == []
    assert (site / "index.html").read_text() == "build 299"
    assert leftovers(tmp_path) == []


def test_a_swap_that_fails_leaves_both_folders(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("previous")
    staged = staging.stage(site)
    (staged / "index.html").write_text("new")
    # The exchange cannot cross file systems: a bind mount stands for any swap the system refuses.
    if subprocess.run(["mount", "--bind", site, site], check=False).returncode != 0:
        pytest.skip("needs root to bind-mount a folder")
    try:
        with pytest.raises(staging.WriteFailed, match=f"in the place of {site}: "):
            staging.publish(staged, site)
        assert (site / "index.html").read_text() == "previous"
        assert (staged / "index.html").read_text() == "new"
    finally:
        subprocess.run(["umount", site], check=True)
        staging.discard(staged)


def children(pid: int) -> list[int]:
    """The live processes whose parent is `pid` (a zombie is dead: no one reaps an orphan's)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        state, parent = stat.rsplit(")", 1)[1].split()[:2]
        if int(parent) == pid and state != "Z":
            found.append(int(entry.name))
    return found


def alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_a_killed_build_leaves_no_worker_and_the_next_build_cleans_up(tmp_path: Path) -> None:
    project = write_project(tmp_path / "project", KILL_RECORDS, load_corpus())
    site = project / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)]
    build = subprocess.Popen(
        command, cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    try:
        # MkDocs copies the theme's files into the staging folder after `on_files`, where the
        # build forks its worker, and the worker lives until the last page is written.
        deadline = time.monotonic() + 120
        while not any((project / name / "assets").exists() for name in leftovers(project)):
            assert build.poll() is None, "the build ended before it wrote anything"
            assert time.monotonic() < deadline, "the build wrote nothing"
            time.sleep(0.01)
        workers = children(build.pid)
        assert workers, "no worker was forked"
        build.send_signal(signal.SIGKILL)
        build.wait()
    finally:
        if build.poll() is None:
            build.kill()
            build.wait()
        assert build.stderr is not None
        build.stderr.close()
    (stale,) = leftovers(project)
    deadline = time.monotonic() + 5
    while any(map(alive, workers)) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(map(alive, workers)), f"the worker outlived the build: {workers}"

    # A few records are enough for the next build.
    for record in sorted((project / "content").glob("*.yaml"))[3:]:
        record.unlink()
    done = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert leftovers(project) == []
    assert (site / "index.html").is_file()
    assert not (project / stale).exists()


def test_where_folders_cannot_be_exchanged_the_swap_is_two_renames(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(staging, "_exchange", lambda first, second: False)
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("previous")
    staged = staging.stage(site)
    (staged / "index.html").write_text("new")
    staging.publish(staged, site)
    assert (site / "index.html").read_text() == "new"
    assert leftovers(tmp_path) == []

    staged = staging.stage(site)
    (staged / "index.html").write_text("newer")
    renamed = []

    def refuse_the_second(self: Path, target: Path) -> Path:
        if self == staged:
            raise OSError(errno.EACCES, "Permission denied")
        renamed.append(self)
        os.rename(self, target)
        return Path(target)

    monkeypatch.setattr(Path, "rename", refuse_the_second)
    with pytest.raises(staging.WriteFailed, match="Permission denied"):
        staging.publish(staged, site)
    monkeypatch.undo()
    assert len(renamed) == 2  # stepped aside, then back
    assert (site / "index.html").read_text() == "new"
    assert (staged / "index.html").read_text() == "newer"
    staging.discard(staged)
    assert leftovers(tmp_path) == []
