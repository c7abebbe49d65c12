"""Diagnostics as text for people, as GitHub annotations, or as JSON for other tools."""

from __future__ import annotations

import json
from collections.abc import Sequence

from .diagnostics import Diagnostic, escaped

FORMATS = ("text", "github", "json")


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    # A file name is no message, so no Diagnostic guards it: a control character in it must
    # not reach the log either.
    return _escape_data(escaped(text)).replace(":", "%3A").replace(",", "%2C")


def github_annotation(diagnostic: Diagnostic) -> str:
    """A workflow command that shows the finding on its line of the pull request's diff."""
    loc = diagnostic.location
    level = {"error": "error", "warning": "warning", "note": "notice"}[diagnostic.severity.value]
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


def as_json(diagnostics: Sequence[Diagnostic]) -> str:
    return json.dumps(
        [
            {
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
            for d in diagnostics
        ],
        indent=2,
    )


def render(diagnostics: Sequence[Diagnostic], output_format: str) -> str:
    """Everything `check` prints on standard output, in one of `FORMATS`."""
    if output_format == "json":
        return as_json(diagnostics) + "\n"
    if output_format == "github":
        lines = [github_annotation(d) for d in diagnostics]
    else:
        lines = [d.format() for d in diagnostics]
    return "".join(line + "\n" for line in lines)
