"""A dirty build's staging folder starts as the published site with every file hard-linked to it
(`staging.stage(keep=True)`): a copy that costs no bytes, so an edit stays quick at any size.

A linked file is the published file: MkDocs and our writers truncate a file and write it where it
is, which would change the served site before anything is checked. So before the generator
writes, `unshare` gives its own inode to every file that may be written; only the files the
build leaves as they are stay linked. Once everything is written, `prune` deletes what the build
no longer makes (a renamed page, the redirect page of an old alias), as a clean build would.

A fresh copy still makes (and the swap deletes) one folder per page, which costs more than the
rest of an edit at a thousand pages: `mkdocs serve` keeps the previous site aside instead, and
`resync` relinks the few files in which it differs from the site.
"""

from __future__ import annotations

import os
import shutil
import stat
from collections.abc import Iterable, Set
from pathlib import Path


def files(folder: Path) -> list[str]:
    """The path below `folder` of each file in it."""
    return list(_inodes(str(folder)))


def unshare(staging: Path, mirrored: Iterable[str], *, kept: Set[str], rewritten: Set[str]) -> None:
    """Before anything writes into `staging`, whose files `mirrored` are linked to the site's:
    the files in `kept` (which no step writes) stay linked; those in `rewritten` (which their
    writer makes anew) are unlinked; any other file gets a copy of its own, as some step may yet
    write it in place."""
    for uri in mirrored:
        if uri in kept:
            continue
        path = os.path.join(staging, uri)
        status = os.lstat(path)
        if status.st_nlink < 2 or stat.S_ISLNK(status.st_mode):
            continue  # already its own (a symlink is replaced, never written through)
        if uri in rewritten:
            os.unlink(path)
        else:
            own = f"{path}.unshared"
            shutil.copy2(path, own)  # keeps the modification time: the page's facts stay valid
            os.replace(own, path)


def prune(staging: Path, published: Path, mirrored: Iterable[str], made: Set[str]) -> list[str]:
    """After the build wrote into `staging`: delete each file copied from `published` (one of
    `mirrored`) that the build neither made (`made`) nor wrote, and the folders that leaves empty;
    the paths deleted."""
    gone = []
    for uri in mirrored:
        if uri in made:
            continue
        path = os.path.join(staging, uri)
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


def _inodes(folder: str, prefix: str = "") -> dict[str, tuple[int, bool]]:
    """Each file below `folder` by path: its inode and whether it is a symlink, as the folder
    listing gives them (no call per file)."""
    found: dict[str, tuple[int, bool]] = {}
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                found |= _inodes(entry.path, f"{prefix}{entry.name}/")
            else:
                found[prefix + entry.name] = (entry.inode(), entry.is_symlink())
    return found


def resync(spare: Path, site: Path) -> list[str]:
    """Make `spare`, an older linked copy of `site` (or a failed build's staging folder), a
    linked copy of `site` again: a file that is not `site`'s own is linked anew, one `site` no
    longer has goes. Far fewer folders are made and deleted than by a fresh copy. The paths of
    the files of `site`."""
    theirs, ours = _inodes(str(site)), _inodes(str(spare))
    emptied = set()
    for uri in ours:
        if uri not in theirs:
            os.unlink(spare / uri)
            emptied.add((spare / uri).parent)
    for uri, (inode, symlink) in theirs.items():
        if ours.get(uri) == (inode, False) and not symlink:
            continue
        source, target = site / uri, spare / uri
        if uri in ours:
            os.unlink(target)
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
        if symlink:
            os.symlink(os.readlink(source), target)
        else:
            os.link(source, target)
    for folder in sorted(emptied, key=lambda f: len(f.parts), reverse=True):
        while folder != spare and folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
            folder = folder.parent
    return list(theirs)
