"""Reuse work across the rebuilds of one `mkdocs serve` session.

- `get` rereads a file only when its modification time or size changed.
- `remember` keeps values derived from unchanged inputs (a rendered page, a page's search words),
  keyed by those inputs; `sweep` forgets what the latest build did not ask for, so the cache
  never outgrows the content.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from pathlib import Path
from typing import Any, Generic, TypeVar

T = TypeVar("T")
V = TypeVar("V")


class Same:
    """A key part equal only to the very same object (for values that cannot be hashed, such as
    the vocabulary): holding it keeps the object alive, so its identity is never reused."""

    def __init__(self, value: object) -> None:
        self.value = value

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Same) and other.value is self.value

    def __hash__(self) -> int:
        return id(self.value)


Mapper = Callable[[Callable[[Path], Any], Sequence[Path]], list[Any]]
"""Applies a reader to paths, in order, perhaps in parallel."""


def _map(read: Callable[[Path], T], paths: Sequence[Path]) -> list[T]:
    return [read(path) for path in paths]


class FileCache(Generic[T]):
    def __init__(self) -> None:
        self._entries: dict[Path, tuple[tuple[int, int], T]] = {}
        self._derived: dict[Hashable, Any] = {}
        self._asked: set[Hashable] = set()
        self.hits = 0
        self.misses = 0

    def get(self, path: Path, read: Callable[[Path], T]) -> T:
        """`read(path)`, or its earlier result if the file has not changed since."""
        return self.get_all([path], read)[0]

    def get_all(
        self,
        paths: Sequence[Path],
        read: Callable[[Path], T],
        map_: Mapper | None = None,
    ) -> list[T]:
        """`get` for every path; the files that changed are read through `map_` (which may
        read them in parallel), or one after the other."""
        stamps = [self._stamp(path) for path in paths]
        stale = [
            i
            for i, (path, stamp) in enumerate(zip(paths, stamps, strict=True))
            if stamp is None or path not in self._entries or self._entries[path][0] != stamp
        ]
        read_now = (map_ or _map)(read, [paths[i] for i in stale])
        fresh = dict(zip(stale, read_now, strict=True))
        for i, value in fresh.items():
            if stamps[i] is not None:
                self._entries[paths[i]] = (stamps[i], value)
        self.hits += len(paths) - len(stale)
        self.misses += len(stale)
        return [fresh[i] if i in fresh else self._entries[p][1] for i, p in enumerate(paths)]

    @staticmethod
    def _stamp(path: Path) -> tuple[int, int] | None:
        try:
            status = path.stat()
        except OSError:
            return None  # the reader reports a missing or unreadable file
        return (status.st_mtime_ns, status.st_size)

    def keep_only(self, paths: Iterable[Path]) -> None:
        """Forget files that are gone."""
        keep = set(paths)
        for path in [p for p in self._entries if p not in keep]:
            del self._entries[path]

    def remember(self, key: Hashable, compute: Callable[[], V]) -> V:
        """`compute()`, once per distinct `key` (which must hold every input of the value)."""
        self._asked.add(key)
        if key not in self._derived:
            self._derived[key] = compute()
        return self._derived[key]

    def sweep(self) -> None:
        """Forget derived values that were not asked for since the last sweep."""
        self._derived = {k: v for k, v in self._derived.items() if k in self._asked}
        self._asked = set()
