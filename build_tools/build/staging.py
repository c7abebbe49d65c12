"""Safe rebuilds: a build writes into a staging folder beside the output folder, which replaces
the output only when everything passed. A failed build leaves the previous site as it was.

The staging folder sits in the same parent as the output, so the swap is a rename on one file
system, not a copy. On Linux the two folders are exchanged in one step, so there is never a
moment without a complete site; elsewhere the swap is two renames.

A build holds a lock on its staging folder for its whole life. A build that was killed leaves its
folder behind unlocked, and the next build removes it; the folder of a build still running is
locked, and is left alone.
"""

from __future__ import annotations

import ctypes
import errno
import fcntl
import os
import secrets
import shutil
import sys
import tempfile
import time
from pathlib import Path

STAGING_PREFIX = ".build-"
_PENDING = f"{STAGING_PREFIX}.new-"
"""A folder not yet locked: made under this name, locked, then renamed, so that a folder under a
build's own name is never seen unlocked while its build is alive."""
_PENDING_AGE = 600
"""Seconds after which a pending folder can only be that of a build killed as it made it."""

_held: dict[Path, int] = {}
"""The open folder (and so the lock) that each staging folder of this process holds."""


class WriteFailed(Exception):
    """The build could not write a folder it had to (read-only, full, not allowed); the message
    says which folder and what failed."""


def describe(error: OSError) -> str:
    """What failed, as one line: the system's reason and the path it failed on."""
    reason = error.strerror or str(error)
    paths = [str(p) for p in (error.filename, error.filename2) if p is not None]
    return f"{reason}: {' -> '.join(paths)}" if paths else reason


def failure(error: BaseException, site_dir: Path) -> str | None:
    """The one-line reason when a build failed writing its files (exit 2: the tool, not the
    content); None when it failed for another reason."""
    if isinstance(error, WriteFailed):
        return str(error)
    if isinstance(error, OSError):
        where = "" if error.filename else f" (writing beside {site_dir})"
        return f"the build could not write its files: {describe(error)}{where}"
    return None


def stage(site_dir: Path, *, keep: bool = False) -> Path:
    """A fresh staging folder for a build of `site_dir`; with `keep` (a `--dirty` build, which
    rewrites only changed pages), it starts as a copy of the current site whose files are hard
    links to the published ones: the build must unshare a file before writing it (mirror.py).
    Folders left by killed builds of `site_dir` are removed first."""
    prefix = f"{STAGING_PREFIX}{site_dir.name}-"
    staging: Path | None = None
    try:
        site_dir.parent.mkdir(parents=True, exist_ok=True)
        _restore(site_dir)
        sweep(site_dir.parent, prefix)
        staging = _locked_folder(site_dir.parent, prefix)
        # mkdtemp makes the folder private; the published site must keep the usual permissions.
        mode = site_dir.stat().st_mode & 0o7777 if site_dir.is_dir() else 0o755
        os.chmod(staging, mode)
        if keep and site_dir.is_dir():
            shutil.copytree(
                site_dir, staging, dirs_exist_ok=True, symlinks=True, copy_function=os.link
            )
    except OSError as error:
        if staging is not None:
            discard(staging)
        where = f"cannot make the staging folder beside {site_dir}"
        raise WriteFailed(f"{where}: {describe(error)}") from None
    return staging


def scratch(parent: Path, name: str) -> Path:
    """A locked working folder of the build in `parent` (delete it with `discard`); those that
    killed builds left are removed first."""
    prefix = f"{STAGING_PREFIX}{name}-"
    try:
        sweep(parent, prefix)
        return _locked_folder(parent, prefix)
    except OSError as error:
        raise WriteFailed(f"cannot make a working folder in {parent}: {describe(error)}") from None


def publish(staging: Path, site_dir: Path, *, spare: bool = False) -> Path | None:
    """Put the staged build in the place of `site_dir`, then delete the previous site; with
    `spare`, the previous site is kept, locked like a staging folder, and returned instead
    (mirror.py makes it the next dirty build's staging folder: deleting and copying a tree of
    many folders costs most of an edit). When the swap fails, `site_dir` is as it was and the
    staged build is where it was."""
    previous: Path | None = None
    try:
        if not os.path.lexists(site_dir):
            staging.rename(site_dir)
        elif _exchange(staging, site_dir):
            previous = staging  # the name now holds the previous site
        else:
            previous = _two_renames(staging, site_dir)
    except OSError as error:
        where = f"cannot put the new site in the place of {site_dir}"
        raise WriteFailed(f"{where}: {describe(error)}") from None
    _release(staging)
    if previous is not None and spare:
        _adopt(previous)
        return previous
    if previous is not None:
        shutil.rmtree(previous, ignore_errors=True)
    return None


def discard(staging: Path) -> None:
    """Delete a staged build that failed; the published site is not touched."""
    shutil.rmtree(staging, ignore_errors=True)
    _release(staging)


def remove(path: Path) -> None:
    """Delete a folder the build made, if it is there."""
    shutil.rmtree(path, ignore_errors=True)


def sweep(parent: Path, prefix: str) -> list[Path]:
    """Remove the folders named `prefix…` in `parent` that no live build holds: those of builds
    that were killed. The removed folders."""
    removed = []
    now = time.time()
    for entry in sorted(parent.iterdir()):
        name = entry.name
        pending = name.startswith(_PENDING)
        if not (pending or name.startswith(prefix)) or entry.is_symlink() or not entry.is_dir():
            continue
        if pending and now - entry.stat().st_mtime < _PENDING_AGE:
            continue  # perhaps a build that is locking it right now
        try:
            held = os.open(entry, os.O_RDONLY | os.O_DIRECTORY)
        except OSError:
            continue  # gone meanwhile, or not ours to open
        try:
            fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(held)  # a build that is running holds it
            continue
        try:
            shutil.rmtree(entry, ignore_errors=True)
        finally:
            os.close(held)
        removed.append(entry)
    return removed


def _locked_folder(parent: Path, prefix: str) -> Path:
    made = Path(tempfile.mkdtemp(prefix=_PENDING, dir=parent))
    held = os.open(made, os.O_RDONLY | os.O_DIRECTORY)
    try:
        fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)
        # A rename onto an empty folder would replace it: the name must not exist yet.
        while (folder := parent / f"{prefix}{secrets.token_hex(6)}").exists():
            pass
        made.rename(folder)
    except BaseException:
        os.close(held)
        shutil.rmtree(made, ignore_errors=True)
        raise
    _held[folder] = held
    return folder


def _adopt(folder: Path) -> None:
    """Lock a folder this build goes on using (a spare), as its own staging folders are."""
    held = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(held)
        raise
    _held[folder] = held


def _release(folder: Path) -> None:
    held = _held.pop(folder, None)
    if held is not None:
        os.close(held)


def _restore(site_dir: Path) -> None:
    """A build killed between the two renames of `_two_renames` left the previous site under
    its old name and none in its place: it goes back."""
    if os.path.lexists(site_dir):
        return
    for old in sorted(site_dir.parent.glob(f"{STAGING_PREFIX}{site_dir.name}-old-*")):
        old.rename(site_dir)
        return


_AT_FDCWD = -100
_RENAME_EXCHANGE = 2
_NOT_SUPPORTED = {errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP}


def _exchange(first: Path, second: Path) -> bool:
    """Swap two folders in one step (Linux's `renameat2`); False where the system cannot."""
    if not sys.platform.startswith("linux"):
        return False
    renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    if renameat2 is None:
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p]
    renameat2.argtypes += [ctypes.c_uint]
    names = os.fsencode(first), os.fsencode(second)
    if renameat2(_AT_FDCWD, names[0], _AT_FDCWD, names[1], _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in _NOT_SUPPORTED:
        return False
    raise OSError(code, os.strerror(code))  # the caller names the folders


def _two_renames(staging: Path, site_dir: Path) -> Path:
    """The swap where folders cannot be exchanged: the previous site steps aside under a name
    `_restore` knows, then the staged one takes its place. Where the previous site went."""
    previous = Path(
        tempfile.mkdtemp(prefix=f"{STAGING_PREFIX}{site_dir.name}-old-", dir=site_dir.parent)
    )
    os.rmdir(previous)  # only the unique name is needed
    site_dir.rename(previous)
    try:
        staging.rename(site_dir)
    except OSError:
        previous.rename(site_dir)
        raise
    return previous
