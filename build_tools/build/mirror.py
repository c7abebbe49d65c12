"""A dirty build's staging folder starts as the published site with every file hard-linked to it
(`staging.stage(keep=True)`): a copy that costs no bytes, so an edit stays quick at any size.

A linked file is the published file: MkDocs and our writers truncate a file and write it where it
is, which would change the served site before anything is checked. So before the generator
writes, `unshare` gives its own inode to every file that may be written; only the files the
build leaves as they are stay linked. Once everything is written, `prune` deletes what the build
no longer makes (a renamed page, the redirect page of an old alias), as a clean build would.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator, Set
from pathlib import Path


def _files(folder: Path) -> Iterator[tuple[str, str]]:
    """Each file below `folder`: its path below it (with `/`) and its path on disk."""
    for parent, _, names in os.walk(folder):
        below = os.path.relpath(parent, folder).replace(os.sep, "/")
        prefix = "" if below == "." else below + "/"
        for name in names:
            yield prefix + name, os.path.join(parent, name)


def unshare(staging: Path, *, kept: Set[str], rewritten: Set[str]) -> None:
    """Before anything writes into `staging`: the files in `kept` (which no step writes) stay
    linked; those in `rewritten` (which their writer makes anew) are unlinked; any other file gets
    a copy of its own, as some step may yet write it in place."""
    for uri, path in _files(staging):
        if uri in kept:
            continue
        status = os.lstat(path)
        if status.st_nlink < 2 or os.path.islink(path):
            continue  # already its own (a symlink is replaced, never written through)
        if uri in rewritten:
            os.unlink(path)
        else:
            own = f"{path}.unshared"
            shutil.copy2(path, own)  # keeps the modification time: the page's facts stay valid
            os.replace(own, path)


def prune(staging: Path, published: Path, made: Set[str]) -> list[str]:
    """After the build wrote into `staging`: delete each file copied from `published` that the
    build neither made (`made`) nor wrote, and the folders that leaves empty; the paths deleted."""
    gone = []
    for uri, path in _files(staging):
        if uri in made:
            continue
        try:
            before, now = os.lstat(published / uri), os.lstat(path)
        except FileNotFoundError:
            continue  # new in this build
        if (before.st_mtime_ns, before.st_size) == (now.st_mtime_ns, now.st_size):
            os.unlink(path)
            gone.append(uri)
    for uri in gone:
        folder = (staging / uri).parent
        while folder != staging and folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
            folder = folder.parent
    return gone
