"""The same site from ProperDocs, the maintained fork of MkDocs 1.x: same pages, same content."""

from __future__ import annotations

import gzip
import os
import re
import subprocess
import sys
from pathlib import Path

from .conftest import ROOT, BuiltSite

GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def _files(site: Path) -> dict[str, bytes]:
    found = {}
    for path in sorted(site.rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            if path.suffix == ".gz":
                data = gzip.decompress(data)  # the archive header carries a timestamp
            found[path.relative_to(site).as_posix()] = GENERATOR.sub(b"", data)
    return found


def test_properdocs_builds_the_same_site(built_site: BuiltSite, tmp_path: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "properdocs", "build", "--strict", "--site-dir", str(tmp_path)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "WARNING" not in done.stderr
    ours, theirs = _files(built_site.path), _files(tmp_path)
    assert sorted(ours) == sorted(theirs)
    assert "exercises/heel-press/index.html" in theirs
    differing = [name for name in ours if ours[name] != theirs[name]]
    assert differing == []
    page = (tmp_path / "exercises/heel-press/index.html").read_text()
    assert 'content="mkdocs-ProperDocs' in page
