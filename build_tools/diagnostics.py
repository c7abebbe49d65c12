"""Problems as values: a location in a file, a code, a message.

Every stage (loading, schema, checks, built-site checks) returns diagnostics instead of raising,
so that one run reports every problem and each face (command line, MkDocs) decides what to do.
"""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass(frozen=True, order=True)
class Location:
    """A 1-based line and column in a file; `path` is POSIX, relative to the project."""

    path: str
    line: int = 1
    column: int = 1

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"


class Severity(enum.Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Note:
    """A related place, printed indented under its diagnostic."""

    location: Location
    message: str

    def __str__(self) -> str:
        return f"    note: {self.location}: {self.message}"


@dataclass(frozen=True)
class Diagnostic:
    code: str
    message: str
    location: Location
    severity: Severity = Severity.ERROR
    notes: tuple[Note, ...] = field(default=())

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def sort_key(self) -> tuple[str, int, int, str]:
        loc = self.location
        return (loc.path, loc.line, loc.column, self.code)

    def format(self) -> str:
        """`path:line:col: CODE message`, then one line per note."""
        head = f"{self.location}: {self.code} {self.message}"
        return "\n".join([head, *(str(note) for note in self.notes)])

    def escalated(self) -> Diagnostic:
        """The same finding as an error (what `--strict` does to warnings)."""
        return Diagnostic(self.code, self.message, self.location, Severity.ERROR, self.notes)


def sorted_diagnostics(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    return sorted(diagnostics, key=Diagnostic.sort_key)


def escalated(diagnostics: Iterable[Diagnostic], strict: bool) -> list[Diagnostic]:
    """The diagnostics as a build shows them: under `strict`, every warning is an error."""
    return [d.escalated() if strict else d for d in diagnostics]


def has_errors(diagnostics: Iterable[Diagnostic]) -> bool:
    return any(d.is_error for d in diagnostics)


def summary(diagnostics: Iterable[Diagnostic]) -> str:
    """One line such as `3 problems (2 errors, 1 warning) in 2 files`."""
    found = list(diagnostics)
    if not found:
        return "no problems found"
    kinds = Counter(d.severity for d in found)
    files = len({d.location.path for d in found})
    parts = []
    for severity, word in ((Severity.ERROR, "error"), (Severity.WARNING, "warning")):
        if kinds[severity]:
            parts.append(f"{kinds[severity]} {word}{'s' if kinds[severity] != 1 else ''}")
    noun = "problem" if len(found) == 1 else "problems"
    return f"{len(found)} {noun} ({', '.join(parts)}) in {files} file{'s' if files != 1 else ''}"
