"""Diagnostics as text for people, as GitHub annotations, or as JSON for other tools."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from .diagnostics import Diagnostic, escaped

if TYPE_CHECKING:
    from .checks.waivers import Waived

FORMATS = ("text", "github", "json")


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    # A file name is no message, so no Diagnostic guards it: a control character in it must
    # not reach the log either.
    return _escape_data(escaped(text)).replace(":", "%3A").replace(",", "%2C")


def github_annotation(diagnostic: Diagnostic, level: str = "") -> str:
    """A workflow command that shows the finding on its line of the pull request's diff."""
    loc = diagnostic.location
    kinds = {"error": "error", "warning": "warning", "note": "notice"}
    level = level or kinds[diagnostic.severity.value]
    properties = ",".join(
        [
            f"file={_escape_property(loc.path)}",
            f"line={loc.line}",
            f"col={loc.column}",
            f"title={_escape_property(diagnostic.code)}",
        ]
    )
    notes = "".join(f"\n{note}" for note in diagnostic.notes)
    return f"::{level} {properties}::{_escape_data(diagnostic.message + notes)}"


def _json(d: Diagnostic) -> dict[str, Any]:
    return {
        "code": d.code,
        "severity": d.severity.value,
        "message": d.message,
        "path": d.location.path,
        "line": d.location.line,
        "column": d.location.column,
        "notes": [
            {
                "path": n.location.path,
                "line": n.location.line,
                "column": n.location.column,
                "message": n.message,
            }
            for n in d.notes
        ],
    }


def _waived_json(waived: Waived) -> dict[str, Any]:
    where = waived.waiver
    by = {"path": where.path, "line": where.line, "column": where.column}
    return {**_json(waived.diagnostic), "waived": {**by, "reason": escaped(waived.reason)}}


def as_json(diagnostics: Sequence[Diagnostic], waived: Sequence[Waived] = ()) -> str:
    return json.dumps([*map(_json, diagnostics), *map(_waived_json, waived)], indent=2)


def render(
    diagnostics: Sequence[Diagnostic], output_format: str, waived: Sequence[Waived] = ()
) -> str:
    """Everything `check` prints on standard output, in one of `FORMATS`; `waived` findings
    (`check --show-waived`) after the others, each with its waiver (a notice on GitHub, where
    it marks no line as failing)."""
    if output_format == "json":
        return as_json(diagnostics, waived) + "\n"
    if output_format == "github":
        lines = [github_annotation(d) for d in diagnostics]
        lines += [github_annotation(w.as_note(), "notice") for w in waived]
    else:
        lines = [d.format() for d in diagnostics] + [w.format() for w in waived]
    return "".join(line + "\n" for line in lines)
