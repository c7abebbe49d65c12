"""Problems as values: a location in a file, a code, a message.

Every stage (loading, schema, checks, built-site checks) returns diagnostics instead of raising,
so that one run reports every problem and each face (command line, MkDocs) decides what to do.
"""

from __future__ import annotations

import enum
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

# What must never reach a terminal or a log raw: C0 controls (newline, tab, ESC, NUL…), DEL,
# C1 controls, the Unicode line and paragraph separators (each would break a finding's line),
# and the bidirectional controls (they reorder what the reader sees of the rest of the line).
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}

LIMIT = 60
"""How many characters of a value a message shows at most."""


def _escape_one(character: str) -> str:
    named = _NAMED.get(character)
    if named is not None:
        return named
    code = ord(character)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def escaped(text: str) -> str:
    """The text with every control character written as a visible escape (`\\n`, `\\x1b`):
    a message stays one line and no escape sequence reaches the terminal. Idempotent."""
    return _UNSAFE.sub(lambda m: _escape_one(m.group(0)), text) if _UNSAFE.search(text) else text


def shown(value: str, limit: int = LIMIT, *, keep_end: bool = False, cut: str = "…") -> str:
    """A record's value as a message shows it: escaped (a backslash too, so that `\\n` in a
    message always means a newline in the value) and, past `limit` characters, shortened to
    `limit` with `cut` where the rest was; `keep_end` keeps the end instead of the start."""
    # Each character shows as one or more: past `limit + 1` of them, the rest is cut anyway.
    part = value[-(limit + 1) :] if keep_end else value[: limit + 1]
    pieces = ["\\\\" if c == "\\" else _escape_one(c) if _UNSAFE.match(c) else c for c in part]
    if sum(map(len, pieces)) <= limit:
        return "".join(pieces)
    room = limit - len(cut)
    kept: list[str] = []
    for piece in reversed(pieces) if keep_end else pieces:
        room -= len(piece)
        if room < 0:
            break  # a whole escape or none: half of one would read as something else
        kept.append(piece)
    if keep_end:
        return cut + "".join(reversed(kept))
    return "".join(kept) + cut


def quoted(value: str, limit: int = LIMIT, *, keep_end: bool = False, cut: str = "…") -> str:
    """`'value'`, as `shown`: how every message quotes a value it takes from a record."""
    return f"'{shown(value, limit, keep_end=keep_end, cut=cut)}'"


@dataclass(frozen=True, order=True)
class Location:
    """A 1-based line and column in a file; `path` is POSIX, relative to the project."""

    path: str
    line: int = 1
    column: int = 1

    def __str__(self) -> str:
        return f"{escaped(self.path)}:{self.line}:{self.column}"


class Severity(enum.Enum):
    ERROR = "error"
    WARNING = "warning"
    NOTE = "note"
    """Never fails a run, `--strict` or not: what is said of a draft, which nothing publishes."""


@dataclass(frozen=True)
class Note:
    """A related place, printed indented under its diagnostic."""

    location: Location
    message: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "message", escaped(self.message))  # see Diagnostic

    def __str__(self) -> str:
        return f"    note: {self.location}: {self.message}"


@dataclass(frozen=True)
class Diagnostic:
    code: str
    message: str
    location: Location
    severity: Severity = Severity.ERROR
    notes: tuple[Note, ...] = field(default=())

    def __post_init__(self) -> None:
        # The last guard, whichever code made the message: every format (text, GitHub, JSON,
        # MkDocs' log) shows one line per finding and no control character of a record.
        object.__setattr__(self, "message", escaped(self.message))

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
        if self.severity is Severity.NOTE:
            return self
        return Diagnostic(self.code, self.message, self.location, Severity.ERROR, self.notes)

    def as_note(self) -> Diagnostic:
        """The same finding, told but never failing a run."""
        return Diagnostic(self.code, self.message, self.location, Severity.NOTE, self.notes)


def sorted_diagnostics(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    return sorted(diagnostics, key=Diagnostic.sort_key)


def escalated(diagnostics: Iterable[Diagnostic], strict: bool) -> list[Diagnostic]:
    """The diagnostics as a build shows them: under `strict`, every warning is an error."""
    return [d.escalated() if strict else d for d in diagnostics]


def has_errors(diagnostics: Iterable[Diagnostic]) -> bool:
    return any(d.is_error for d in diagnostics)


def summary(diagnostics: Iterable[Diagnostic], waived: int = 0) -> str:
    """One line such as `3 problems (2 errors, 1 warning) in 2 files`, with `; 2 waived` when
    the records waive some findings; notes (on drafts) are counted after it: `no problems
    found; 4 notes on drafts`."""
    everything = list(diagnostics)
    found = [d for d in everything if d.severity is not Severity.NOTE]
    notes = len(everything) - len(found)
    more = f"; {waived} waived" if waived else ""
    more += f"; {notes} note{'s' if notes != 1 else ''} on drafts" if notes else ""
    if not found:
        return f"no problems found{more}"
    kinds = Counter(d.severity for d in found)
    files = len({d.location.path for d in found})
    parts = []
    for severity, word in ((Severity.ERROR, "error"), (Severity.WARNING, "warning")):
        if kinds[severity]:
            parts.append(f"{kinds[severity]} {word}{'s' if kinds[severity] != 1 else ''}")
    noun = "problem" if len(found) == 1 else "problems"
    where = f"in {files} file{'s' if files != 1 else ''}"
    return f"{len(found)} {noun} ({', '.join(parts)}) {where}{more}"
