"""Reuse work across the rebuilds of one `mkdocs serve` session.

- `get` rereads a file only when its modification time or size changed.
- `remember` keeps values derived from unchanged inputs (a rendered page, a page's search words),
  keyed by those inputs; `sweep` forgets what the latest build did not ask for, so the cache
  never outgrows the content.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
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


class FileCache(Generic[T]):
    def __init__(self) -> None:
        self._entries: dict[Path, tuple[tuple[int, int], T]] = {}
        self._derived: dict[Hashable, Any] = {}
        self._asked: set[Hashable] = set()
        self.hits = 0
        self.misses = 0

    def get(self, path: Path, read: Callable[[Path], T]) -> T:
        """`read(path)`, or its earlier result if the file has not changed since."""
        try:
            status = path.stat()
        except OSError:
            return read(path)  # the reader reports a missing or unreadable file
        stamp = (status.st_mtime_ns, status.st_size)
        cached = self._entries.get(path)
        if cached is not None and cached[0] == stamp:
            self.hits += 1
            return cached[1]
        self.misses += 1
        value = read(path)
        self._entries[path] = (stamp, value)
        return value

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
