"""Reuse work across the rebuilds of one `mkdocs serve` session: a `Memo` that remembers.

- `files` rereads a file only when its modification time or size changed.
- `remember` keeps values derived from unchanged inputs (a rendered page, a page's search words),
  keyed by those inputs; `sweep` forgets the files and values the latest build did not ask for,
  so the cache never outgrows the content.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from pathlib import Path
from typing import Any, TypeVar

from ..memo import Mapper, in_order

T = TypeVar("T")


class FileCache:
    def __init__(self) -> None:
        self._entries: dict[Path, tuple[tuple[int, int], Any]] = {}
        self._derived: dict[Hashable, Any] = {}
        self._asked: set[Hashable] = set()
        self._read: set[Path] = set()

    def files(
        self, paths: Sequence[Path], read: Callable[[Path], T], map_: Mapper = in_order
    ) -> list[T]:
        """`read(path)` for every path; the files that changed are read through `map_` (which
        may read them in parallel)."""
        self._read.update(paths)
        stamps = [self._stamp(path) for path in paths]
        stale = [
            i
            for i, (path, stamp) in enumerate(zip(paths, stamps, strict=True))
            if stamp is None or path not in self._entries or self._entries[path][0] != stamp
        ]
        read_now = map_(read, [paths[i] for i in stale])
        fresh = dict(zip(stale, read_now, strict=True))
        for i, value in fresh.items():
            stamp = stamps[i]
            if stamp is not None:
                self._entries[paths[i]] = (stamp, value)
        return [fresh[i] if i in fresh else self._entries[p][1] for i, p in enumerate(paths)]

    @staticmethod
    def _stamp(path: Path) -> tuple[int, int] | None:
        try:
            status = path.stat()
        except OSError:
            return None  # the reader reports a missing or unreadable file
        return (status.st_mtime_ns, status.st_size)

    def remember(self, key: Hashable, compute: Callable[[], T]) -> T:
        self._asked.add(key)
        if key not in self._derived:
            self._derived[key] = compute()
        value: T = self._derived[key]
        return value

    def sweep(self) -> None:
        """Forget the files and derived values not asked for since the last sweep."""
        self._entries = {p: e for p, e in self._entries.items() if p in self._read}
        self._derived = {k: v for k, v in self._derived.items() if k in self._asked}
        self._asked, self._read = set(), set()
