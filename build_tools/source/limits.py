"""Bounds that no real record comes near, so that no file can make the loader run out of time or
memory: each is a finding where a file goes past it, and that file yields no model.

The values are the one table that the loader and the catalogue (Y010) both read. The largest
record of the free-exercise-db (873 exercises) has 24 steps and its longest text is 744
characters; Heel Press, the longest record here, is 7 kB, its lists and mappings 4 deep: each
bound is many times that.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Limit:
    value: int
    what: str
    """The bound as the catalogue words it, with `{value}` where the number goes."""

    def __str__(self) -> str:
        return self.what.format(value=self.value)


FILE_BYTES = Limit(1_000_000, "a file of at most {value:,} bytes")
DEPTH = Limit(16, "lists and mappings nested at most {value} deep")
ITEMS = Limit(1_000, "at most {value:,} items in a list, or fields in a mapping")
TEXT_CHARS = Limit(10_000, "at most {value:,} characters in one text, id or key")

LOCK_BYTES = Limit(256_000_000, "an anchor lock of at most {value:,} bytes")
"""The lock is plain lines, one per published deep link, and grows with the site: a site of
a hundred thousand exercises stays well inside this."""

LIMITS = (FILE_BYTES, DEPTH, ITEMS, TEXT_CHARS, LOCK_BYTES)


@dataclass(frozen=True)
class Excess:
    """A place where parsed data goes past a limit: its field path, and what is wrong there."""

    at: tuple[str | int, ...]
    problem: str
    key: str | None = None
    """The key of the mapping at `at` that is too long, when that is the problem."""


def excesses(data: Any, text_length: int | None = None) -> list[Excess]:
    """Every place `data` goes past DEPTH, ITEMS or TEXT_CHARS. A collection past a limit is not
    looked into, so one list of 100,000 entries is one finding. Parsed from a text of
    `text_length` characters no longer than TEXT_CHARS, no string in it can be too long, and
    strings are not looked at."""
    strings = text_length is None or text_length > TEXT_CHARS.value
    found: list[Excess] = []
    stack: list[tuple[tuple[str | int, ...], Any, int]] = [((), data, 0)]
    while stack:
        at, value, depth = stack.pop()
        if isinstance(value, str):
            if len(value) > TEXT_CHARS.value:
                found.append(Excess(at, f"is {_too_long(len(value))}"))
        elif not isinstance(value, (list, dict)):
            continue  # a whole document that is one number, date or true/false
        elif depth >= DEPTH.value:
            found.append(Excess(at, f"is nested too deep (at most {DEPTH.value} levels)"))
        elif len(value) > ITEMS.value:
            kind = "items" if isinstance(value, list) else "fields"
            found.append(
                Excess(at, f"has too many {kind} ({len(value):,}, at most {ITEMS.value:,})")
            )
        elif isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, (list, dict)) or (strings and isinstance(item, str)):
                    stack.append(((*at, index), item, depth + 1))
        else:
            for key, item in value.items():
                if strings and isinstance(key, str) and len(key) > TEXT_CHARS.value:
                    found.append(Excess(at, f"has a key that is {_too_long(len(key))}", key))
                elif isinstance(item, (list, dict)) or (strings and isinstance(item, str)):
                    stack.append(((*at, key), item, depth + 1))
    return found


def _too_long(size: int) -> str:
    return f"too long ({size:,} characters, at most {TEXT_CHARS.value:,})"
