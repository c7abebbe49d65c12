"""Tombstones: the exercises the site withdrew, one `content/tombstones/<slug>.yaml` each.

A tombstone is the record of a decision: the page at `exercises/<slug>/` is gone on purpose,
for a reason, perhaps replaced by another. The anchor lock keeps its links, and the site answers
them with a page that says so (`site/tombstones.py`), so removal is never an accident.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..addresses import exercise_url
from ..diagnostics import Diagnostic, Location
from .files import list_records, read_text
from .identifiers import is_id
from .schema import validate
from .yaml_nodes import SourceMap, parse_yaml

TOMBSTONES_DIR = "tombstones"
TOMBSTONE_SCHEMA = "tombstone.schema.json"


@dataclass(frozen=True)
class Tombstone:
    slug: str
    """The withdrawn page's slug: the file's name."""
    name: str
    withdrawn: str
    """The date, `YYYY-MM-DD`."""
    reason: str
    replaced_by: str | None
    source: SourceMap = field(compare=False, repr=False)

    @property
    def url(self) -> str:
        return exercise_url(self.slug)


def _dates_as_text(data: Any) -> Any:
    # An unquoted `2025-03-01` is a date to YAML; the schema and the page want its text.
    if isinstance(data, dict):
        return {
            key: value.isoformat() if isinstance(value, datetime.date) else value
            for key, value in data.items()
        }
    return data


def load_tombstone(path: Path, shown: str, inside: Path) -> Tombstone | list[Diagnostic]:
    text = read_text(path, shown, inside)
    if isinstance(text, Diagnostic):
        return [text]
    stem = path.name.removesuffix(".yaml")
    if not is_id(stem):
        message = (
            f"the file name {stem!r} must be kebab-case (lowercase letters and digits joined"
            " by single hyphens): it is the slug of the withdrawn page"
        )
        return [Diagnostic("S105", message, Location(shown))]
    parsed = parse_yaml(text, shown)
    if parsed.diagnostics:
        return list(parsed.diagnostics)
    data = _dates_as_text(parsed.data)
    problems = validate(data, parsed.source, TOMBSTONE_SCHEMA)
    if problems or not isinstance(data, dict):
        return problems
    return Tombstone(
        stem,
        data["name"],
        data["withdrawn"],
        data["reason"],
        data.get("replaced_by"),
        parsed.source,
    )


def load_tombstones(
    content_dir: Path, shown_folder: str
) -> tuple[tuple[Tombstone, ...], list[Diagnostic]]:
    """Every tombstone, in name order, and what was wrong with the files that are none.
    `shown_folder` is the content folder as diagnostics print it."""
    folder = content_dir / TOMBSTONES_DIR
    found: list[Tombstone] = []
    problems: list[Diagnostic] = []
    if not folder.is_dir():
        return (), problems
    prefix = f"{shown_folder}/{TOMBSTONES_DIR}" if shown_folder != "." else TOMBSTONES_DIR
    for path in list_records(folder).records:
        loaded = load_tombstone(path, f"{prefix}/{path.name}", content_dir)
        if isinstance(loaded, Tombstone):
            found.append(loaded)
        else:
            problems.extend(loaded)
    return tuple(found), problems
