"""When each record was first published and last changed, for the feed: from git, read once.

One `git log` over the records' folder gives every file's commits, newest first: a file's first
commit seen is its last change, its last one seen is when it was added (`git log -1 -- <file>`
and its first commit, for all files at once). A record changed since
its last commit (`git diff HEAD`), or not committed at all, is dated by its file's time instead,
and so is every record outside a git checkout (a copy of the project, an unpacked archive): the
build says so, as those dates are only as good as the file system's.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from .api import Dates

MERGES = "--diff-merges=first-parent"
"""A merge counts as a change of what it brought into the branch: that is when the page
changed for its readers."""
FROM_FILE_TIMES = (
    "feed.json: {count} of the records dated by their file's time, not their git history"
)


@dataclass(frozen=True)
class History:
    dates: Mapping[Path, Dates]
    """By the record's resolved path."""
    from_file_times: int = 0
    """How many of them git could not date."""

    @property
    def note(self) -> str | None:
        if not self.from_file_times:
            return None
        return FROM_FILE_TIMES.format(count=self.from_file_times)


def _git(folder: Path, *args: str) -> str | None:
    try:
        done = subprocess.run(
            ["git", "-C", str(folder), *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            check=False,
        )
    except OSError:  # no git on this machine
        return None
    return done.stdout if done.returncode == 0 else None


def _committed(folder: Path) -> tuple[dict[str, datetime], dict[str, datetime], set[str]] | None:
    """Per file below `folder` (by path relative to it): its last change and its first commit,
    and the files changed since the last commit; None outside a git checkout."""
    log = _git(
        folder,
        "log",
        "--format=%x00%cI",
        "--name-only",
        "--no-renames",
        "--relative",
        MERGES,
        "--",
        ".",
    )
    if log is None:
        return None
    changed: dict[str, datetime] = {}
    added: dict[str, datetime] = {}
    for chunk in log.split("\0")[1:]:
        stamp, *names = chunk.strip("\n").split("\n")
        moment = datetime.fromisoformat(stamp)
        for name in filter(None, names):
            changed.setdefault(name, moment)
            added[name] = moment  # the log runs newest first: the last one seen is the first
    diff = _git(folder, "diff", "--name-only", "--relative", "HEAD", "--", ".")
    dirty = set(filter(None, (diff or "").splitlines()))
    return changed, added, dirty


def _file_time(path: Path) -> datetime:
    """The file's time, no later than `SOURCE_DATE_EPOCH` when that is set: a reproducible
    build (reproducible-builds.org's convention) gives the same feed for the same sources,
    whenever their files were written."""
    moment = path.stat().st_mtime
    clamp = os.environ.get("SOURCE_DATE_EPOCH", "")
    if clamp.isdigit():
        moment = min(moment, int(clamp))
    return datetime.fromtimestamp(moment, tz=UTC).replace(microsecond=0)


def record_history(folder: Path, paths: Iterable[Path]) -> History:
    """The dates of the records at `paths`, all below `folder`."""
    committed = _committed(folder)
    dates: dict[Path, Dates] = {}
    guessed = 0
    base = folder.resolve()
    for path in paths:
        full = path.resolve()
        name = full.relative_to(base).as_posix() if full.is_relative_to(base) else ""
        if committed is not None and name in committed[0]:
            changed, added, dirty = committed
            modified = max(changed[name], _file_time(full)) if name in dirty else changed[name]
            dates[full] = Dates(added[name], modified)
            continue
        moment = _file_time(full)
        dates[full] = Dates(moment, moment)
        guessed += 1
    return History(dates, guessed)
