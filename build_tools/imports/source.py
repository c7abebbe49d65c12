"""What every importer reads its source into, and the located errors of a bad source file.

JSON is parsed with the C parser; only when an item has the wrong shape is the file parsed again
with positions (`json.scanner`'s Python scanner, whose object and array parsers are wrapped to
note where each container starts), so that an error names the item's line and column.
"""

from __future__ import annotations

import json
import json.decoder
import json.scanner
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..diagnostics import Location, escaped

JsonPath = tuple[str | int, ...]


@dataclass(frozen=True)
class Problem:
    """A bad input: where it is and what is wrong, printed `file:line:col: message`."""

    location: Location
    message: str

    def __str__(self) -> str:
        return f"{self.location}: {escaped(self.message)}"


class BadInput(Exception):
    """Raised inside a reader for one item; the reader turns it into a `Problem`."""

    def __init__(self, at: JsonPath, message: str) -> None:
        super().__init__(message)
        self.at = at
        self.message = message


@dataclass(frozen=True)
class SourceTerm:
    """A muscle, piece of equipment or category as the source names it: its own key (stable
    across runs) and its names, most specific first."""

    key: str
    names: tuple[str, ...]


@dataclass
class SourceExercise:
    """One exercise as a source gives it, before it is mapped onto the record format. Texts are
    already in the record's text format (see `text.py`)."""

    source: str
    id: str
    name: str
    location: Location
    other_names: list[str] = field(default_factory=list)
    category: SourceTerm | None = None
    level: str | None = None
    equipment: list[SourceTerm] = field(default_factory=list)
    primary: list[SourceTerm] = field(default_factory=list)
    secondary: list[SourceTerm] = field(default_factory=list)
    description: list[str] = field(default_factory=list)
    instructions: list[str] = field(default_factory=list)
    tips: list[str] = field(default_factory=list)
    summary: str = ""
    """The description's first sentence, verbatim, where it has one (`text.first_sentence`)."""
    credit: dict[str, Any] | None = None
    group: str | None = None
    """The source's variation group: exercises sharing one link to each other."""
    media: dict[str, int] = field(default_factory=dict)
    """Media not imported, by kind ("images", "videos"): counted for the summary."""
    traits: dict[str, str] = field(default_factory=dict)
    """Further facts that may tell two same-named exercises apart (force, mechanic)."""


def json_files(path: Path) -> list[Path]:
    """The file itself, or every `*.json` directly in the folder, in name order."""
    if path.is_dir():
        return sorted(p for p in path.iterdir() if p.suffix == ".json" and p.is_file())
    return [path]


def read_json(path: Path, shown: str) -> tuple[Any, str] | Problem:
    """The parsed file and its text, or where it stops being JSON."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        return Problem(Location(shown), f"not UTF-8 text (byte {error.start})")
    try:
        return json.loads(text), text
    except json.JSONDecodeError as error:
        return Problem(Location(shown, error.lineno, error.colno), f"not JSON: {error.msg}")
    except RecursionError:
        return Problem(Location(shown), "not readable JSON: nested too deep")


class _Placed:
    """A parsed JSON container with the offset where it starts."""

    offset: int


class _PlacedDict(dict[str, Any], _Placed):
    pass


class _PlacedList(list[Any], _Placed):
    pass


def _placing_decoder() -> json.JSONDecoder:
    decoder = json.JSONDecoder()
    # The pure-Python parsers of the standard library, which typeshed does not declare.
    parse_object: Callable[..., tuple[dict[str, Any], int]] = json.decoder.JSONObject  # type: ignore[attr-defined]
    parse_array: Callable[..., tuple[list[Any], int]] = json.decoder.JSONArray  # type: ignore[attr-defined]

    def placed_object(s_and_end: tuple[str, int], *args: Any) -> tuple[dict[str, Any], int]:
        value, end = parse_object(s_and_end, *args)
        placed = _PlacedDict(value)
        placed.offset = s_and_end[1] - 1
        return placed, end

    def placed_array(s_and_end: tuple[str, int], *args: Any) -> tuple[list[Any], int]:
        value, end = parse_array(s_and_end, *args)
        placed = _PlacedList(value)
        placed.offset = s_and_end[1] - 1
        return placed, end

    decoder.parse_object = placed_object  # type: ignore[attr-defined]
    decoder.parse_array = placed_array  # type: ignore[attr-defined]
    decoder.scan_once = json.scanner.py_make_scanner(decoder)  # type: ignore[attr-defined]
    return decoder


def locate(text: str, shown: str, at: JsonPath) -> Location:
    """Where the container at `at` (or the nearest one holding it) starts in the file."""
    try:
        data = _placing_decoder().decode(text)
    except (ValueError, RecursionError):
        return Location(shown)
    offset = getattr(data, "offset", 0)
    for step in at:
        try:
            data = data[step]
        except (KeyError, IndexError, TypeError):
            break
        if isinstance(data, _Placed):
            offset = data.offset
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return Location(shown, line, column)


def path_text(at: JsonPath) -> str:
    """`[12].translations[0].name`: a JSON path as the errors print it."""
    return "".join(f"[{step}]" if isinstance(step, int) else f".{step}" for step in at).lstrip(".")


class Reader:
    """Typed access to one parsed JSON file: each accessor raises `BadInput` at its path."""

    def __init__(self, at: JsonPath = ()) -> None:
        self.at = at

    @staticmethod
    def mapping(value: Any, at: JsonPath) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise BadInput(at, f"expected an object, got {_kind(value)}")
        return value

    @staticmethod
    def items(value: Any, at: JsonPath) -> Iterator[tuple[JsonPath, Any]]:
        if not isinstance(value, list):
            raise BadInput(at, f"expected a list, got {_kind(value)}")
        for index, item in enumerate(value):
            yield (*at, index), item

    @staticmethod
    def text(data: dict[str, Any], key: str, at: JsonPath, *, required: bool = True) -> str | None:
        if key not in data or data[key] is None:
            if required:
                raise BadInput(at, f"missing field '{key}'")
            return None
        value = data[key]
        if not isinstance(value, str):
            raise BadInput((*at, key), f"'{key}' should be a string, got {_kind(value)}")
        return value

    @staticmethod
    def texts(data: dict[str, Any], key: str, at: JsonPath) -> list[str]:
        value = data.get(key)
        if value is None:
            return []
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise BadInput((*at, key), f"'{key}' should be a list of strings")
        return list(value)


def _kind(value: Any) -> str:
    names = {dict: "an object", list: "a list", str: "a string", bool: "true or false"}
    if value is None:
        return "null"
    if isinstance(value, int | float) and not isinstance(value, bool):
        return "a number"
    return names.get(type(value), type(value).__name__)
