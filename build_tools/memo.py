"""What a build may reuse from an earlier one. The core asks a `Memo`; `Fresh`, the default,
keeps nothing, so every stage runs without the speed machinery (`speed/` keeps values between
the rebuilds of `mkdocs serve`).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from pathlib import Path
from typing import Any, Protocol, TypeVar

T = TypeVar("T")

Mapper = Callable[[Callable[[Path], Any], Sequence[Path]], list[Any]]
"""Applies a reader to paths, in order, perhaps in parallel."""


def in_order(read: Callable[[Path], T], paths: Sequence[Path]) -> list[T]:
    return [read(path) for path in paths]


class Same:
    """A key part equal only to the very same object (for values that cannot be hashed, such as
    the vocabulary): holding it keeps the object alive, so its identity is never reused."""

    def __init__(self, value: object) -> None:
        self.value = value

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Same) and other.value is self.value

    def __hash__(self) -> int:
        return id(self.value)


class Memo(Protocol):
    def files(
        self, paths: Sequence[Path], read: Callable[[Path], T], map_: Mapper = in_order
    ) -> list[T]:
        """`read(path)` for every path, or what an earlier call read from the unchanged file."""
        ...

    def remember(self, key: Hashable, compute: Callable[[], T]) -> T:
        """`compute()`, or an earlier value for the same `key` (which holds every input)."""
        ...


class Fresh:
    """Keeps nothing: every file is read and every value computed."""

    def files(
        self, paths: Sequence[Path], read: Callable[[Path], T], map_: Mapper = in_order
    ) -> list[T]:
        return list(map_(read, paths))

    def remember(self, key: Hashable, compute: Callable[[], T]) -> T:
        return compute()


FRESH = Fresh()
