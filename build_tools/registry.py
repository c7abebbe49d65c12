"""The registry of checks: every check has a permanent code, a title and a severity.

A check is a pure function over the loaded content that yields `Finding`s; the registry stamps
each with the check's code and severity, so a code is written in exactly one place.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from .diagnostics import Diagnostic, Location, Note, Severity

CODE_PATTERN = re.compile(r"^[YSCTH][0-9]{3}$")


@dataclass(frozen=True)
class Finding:
    location: Location
    message: str
    notes: tuple[Note, ...] = field(default=())


CheckFunction = Callable[..., Iterable[Finding]]


@dataclass(frozen=True)
class Check:
    code: str
    title: str
    severity: Severity
    function: CheckFunction

    @property
    def doc(self) -> str:
        return inspect.getdoc(self.function) or ""

    def run(self, *args: object) -> Iterator[Diagnostic]:
        for finding in self.function(*args):
            yield Diagnostic(
                self.code, finding.message, finding.location, self.severity, finding.notes
            )


RECORD_CHECKS: dict[str, Check] = {}


def record_check(
    code: str, title: str, severity: Severity = Severity.ERROR
) -> Callable[[CheckFunction], CheckFunction]:
    """Register a check over loaded content (`Content`, `Vocabulary`)."""

    def register(function: CheckFunction) -> CheckFunction:
        if not CODE_PATTERN.match(code):
            raise ValueError(f"check code {code!r} does not match {CODE_PATTERN.pattern}")
        if code in RECORD_CHECKS:
            raise ValueError(f"check code {code} is registered twice")
        RECORD_CHECKS[code] = Check(code, title, severity, function)
        return function

    return register
