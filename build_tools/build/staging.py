"""Safe rebuilds: a build writes into a staging folder beside the output folder, which replaces
the output only when everything passed. A failed build leaves the previous site as it was.

The staging folder sits in the same parent as the output, so the swap is two renames on one
file system, not a copy; the window in which neither folder exists is that of one rename.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

STAGING_PREFIX = ".build-"


def stage(site_dir: Path, *, keep: bool = False) -> Path:
    """A fresh staging folder for a build of `site_dir`; with `keep` (a `--dirty` build, which
    rewrites only changed pages), it starts as a copy of the current site whose files are hard
    links to the published ones: the build must unshare a file before writing it (mirror.py)."""
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(
        tempfile.mkdtemp(prefix=f"{STAGING_PREFIX}{site_dir.name}-", dir=site_dir.parent)
    )
    # mkdtemp makes the folder private; the published site must keep the usual permissions.
    mode = site_dir.stat().st_mode & 0o7777 if site_dir.is_dir() else 0o755
    os.chmod(staging, mode)
    if keep and site_dir.is_dir():
        shutil.copytree(site_dir, staging, dirs_exist_ok=True, symlinks=True, copy_function=os.link)
    return staging


def publish(staging: Path, site_dir: Path, *, spare: bool = False) -> Path | None:
    """Put the staged build in the place of `site_dir`, then delete the previous site; with
    `spare`, the previous site is kept and returned instead (mirror.py makes it the next dirty
    build's staging folder: deleting and copying a tree of many folders costs most of an edit)."""
    previous: Path | None = None
    if site_dir.exists():
        previous = Path(
            tempfile.mkdtemp(prefix=f"{STAGING_PREFIX}{site_dir.name}-old-", dir=site_dir.parent)
        )
        os.rmdir(previous)  # only the unique name is needed
        site_dir.rename(previous)
    staging.rename(site_dir)
    if previous is not None and not spare:
        shutil.rmtree(previous, ignore_errors=True)
        return None
    return previous


def discard(staging: Path) -> None:
    """Delete a staged build that failed; the published site is not touched."""
    shutil.rmtree(staging, ignore_errors=True)


def remove(path: Path) -> None:
    """Delete a folder the build made, if it is there."""
    shutil.rmtree(path, ignore_errors=True)
