"""A folder that says no, or a full disk, gives one clear line and exit code 2 (the tool failed,
not the content), never a traceback; the previous site stays byte for byte. A read-only
`.cache/` only costs the compiled templates.

Root is not stopped by `chmod`, so read-only folders are read-only mounts and a full disk is a
small tmpfs: each is unmounted when its test ends.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from .conftest import copy_project
from .test_build_cleanup import leftovers
from .test_safe_rebuild import snapshot

FACES = ("mkdocs", "zensical")


def build(project: Path, face: str) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict`, or `python -m build_tools build --with <generator>` (a face
    such as "zensical" or "mkdocs via python -m build_tools"), into `site/`."""
    if face == "mkdocs":
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", "site"]
    else:
        generator = face.split()[0]
        command = [sys.executable, "-m", "build_tools", "build", "--with", generator, "-d", "site"]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(command, cwd=project, env=env, capture_output=True, text=True)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The project, built once with each face."""
    projects = {}
    for face in FACES:
        project = copy_project(tmp_path_factory.mktemp(f"built-{face}"))
        done = build(project, face)
        assert done.returncode == 0, done.stdout + done.stderr
        projects[face] = project
    return projects


class Mounts:
    def __init__(self) -> None:
        self.points: list[Path] = []

    def mount(self, *args: str | Path) -> None:
        done = subprocess.run(["mount", *map(str, args)], capture_output=True, text=True)
        if done.returncode != 0:
            pytest.skip(f"cannot mount here (needs root): {done.stderr.strip()}")
        self.points.append(Path(args[-1]))

    def read_only(self, folder: Path) -> None:
        """`folder` (already a mount point, or bound onto itself) becomes read-only."""
        if folder not in self.points:
            self.mount("--bind", folder, folder)
        done = subprocess.run(["mount", "-o", "remount,bind,ro", str(folder)], check=False)
        assert done.returncode == 0


@pytest.fixture
def mounts() -> Iterator[Mounts]:
    made = Mounts()
    try:
        yield made
    finally:
        for point in reversed(made.points):
            subprocess.run(["umount", "-l", str(point)], check=False)


def tmpfs_copy(project: Path, folder: Path, mounts: Mounts, size: str = "16m") -> Path:
    """A copy of `project` (and its site) on a tmpfs of its own."""
    folder.mkdir()
    mounts.mount("-t", "tmpfs", "-o", f"size={size}", "tmpfs", folder)
    copied = folder / "project"
    shutil.copytree(project, copied, symlinks=True)
    return copied


def fill(folder: Path) -> None:
    """Leave no free byte on the disk of `folder`."""
    with open(folder / "filler", "wb", buffering=0) as filler:
        for chunk in (1 << 20, 1 << 12, 1):
            try:
                while True:
                    filler.write(b"\0" * chunk)
            except OSError:
                pass


def assert_tool_failed(done: subprocess.CompletedProcess[str], *expected: str) -> None:
    output = done.stdout + done.stderr
    assert done.returncode == 2, output
    assert "Traceback" not in output, output
    (line,) = [line for line in output.splitlines() if "is left as it was" in line]
    for part in expected:
        assert part in line, line


def copy(built: dict[str, Path], face: str, tmp_path: Path) -> Path:
    project = tmp_path / "project"
    shutil.copytree(built[face], project, symlinks=True)
    return project


@pytest.mark.parametrize("face", FACES)
def test_a_read_only_site_folder(
    built: dict[str, Path], face: str, tmp_path: Path, mounts: Mounts
) -> None:
    project = copy(built, face, tmp_path)
    site = project / "site"
    before = snapshot(site)
    mounts.read_only(site)
    done = build(project, face)
    assert_tool_failed(done, f"cannot put the new site in the place of {site}", "busy")
    assert snapshot(site) == before
    assert leftovers(project) == []


@pytest.mark.parametrize("face", FACES)
def test_a_read_only_project(
    built: dict[str, Path], face: str, tmp_path: Path, mounts: Mounts
) -> None:
    project = tmpfs_copy(built[face], tmp_path / "disk", mounts)
    site = project / "site"
    before = snapshot(site)
    mounts.read_only(tmp_path / "disk")
    done = build(project, face)
    assert_tool_failed(
        done, f"cannot make the staging folder beside {site}", "Read-only file system"
    )
    assert snapshot(site) == before


def test_a_read_only_cache_builds_without_it(
    built: dict[str, Path], tmp_path: Path, mounts: Mounts
) -> None:
    project = copy(built, "mkdocs", tmp_path)
    cache = project / ".cache"
    shutil.rmtree(cache, ignore_errors=True)
    (cache / "templates").mkdir(parents=True)
    mounts.read_only(cache)
    (project / "site" / "stale.html").write_text("from the build before")
    done = build(project, "mkdocs")
    assert done.returncode == 0, done.stdout + done.stderr
    assert not (project / "site" / "stale.html").exists()
    assert (project / "site" / "exercises" / "heel-press" / "index.html").is_file()
    assert list((cache / "templates").iterdir()) == []


@pytest.mark.parametrize("face", FACES)
def test_a_full_disk(built: dict[str, Path], face: str, tmp_path: Path, mounts: Mounts) -> None:
    project = tmpfs_copy(built[face], tmp_path / "disk", mounts)
    site = project / "site"
    before = snapshot(site)
    fill(tmp_path / "disk")
    done = build(project, face)
    assert_tool_failed(done, "No space left on device", str(project))
    assert "writing beside" not in done.stdout + done.stderr  # the folder it failed in is named
    assert snapshot(site) == before
    assert leftovers(project) == []


def test_the_command_line_passes_on_mkdocs_failing_as_the_tool(
    built: dict[str, Path], tmp_path: Path, mounts: Mounts
) -> None:
    project = copy(built, "mkdocs", tmp_path)
    site = project / "site"
    before = snapshot(site)
    mounts.read_only(site)
    done = build(project, "mkdocs via python -m build_tools")
    assert_tool_failed(done, f"cannot put the new site in the place of {site}")
    assert snapshot(site) == before
