"""Which codes a project reports, and how hard each counts: `[tool.exercise-reference.checks]` in
the project's `pyproject.toml`, read the way ruff reads its rule selection.

    [tool.exercise-reference.checks]
    select = ["C", "H"]              # codes or prefixes; without it, every code
    ignore = ["C403"]                # W codes are reported whatever `select` says
    severity = { C3 = "warning" }    # re-grade: "error" or "warning"

    [tool.exercise-reference.checks.per-path."content/imported/*.yaml"]
    ignore = ["C301"]
    severity = { C302 = "warning" }

The most specific selector decides: a code beats its prefix, a longer prefix a shorter one, and
`ignore` beats `select` when both are as specific. Per-path settings come after the global ones:
a matching pattern's `ignore` drops a finding whatever `select` says, and its `severity` beats the
global one. Some codes no configuration changes (`FIXED`): a file that cannot be read or fails the
schema yields no record at all, and a record with a term the vocabulary lacks or a stance the
figure cannot draw yields no page, so their findings must stop the build.

A project without the table gets every code at its own severity. The configuration's own problems
are findings (W1xx) located in `pyproject.toml`: tomllib keeps no positions, so `_Positions`
scans the text that tomllib has accepted for where each key and value starts.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from collections.abc import Iterable
from contextlib import suppress
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..diagnostics import Diagnostic, Location, Severity, quoted
from .registry import RULES, describe

CONFIG_FILE = "pyproject.toml"
TABLE = ("tool", "exercise-reference", "checks")
"""Where the settings are in `pyproject.toml`."""
SETTINGS = ("select", "ignore", "severity", "per-path")
PATH_SETTINGS = ("ignore", "severity")

FIXED = {
    "Y": "a file that cannot be read yields no record, so its finding always stops the build",
    "S": "a record that fails the schema is not loaded, so its finding always stops the build",
    "T": "a page that fails to render is not built, so its finding always stops the build",
    "C201": "a page cannot show a term the vocabulary lacks, so its finding always stops the build",
    "C6": "the figure cannot draw a stance no body can take, so its finding always stops the build",
    "W1": "a problem in this configuration is always reported as an error",
}
"""Codes, by prefix, that no configuration ignores or re-grades, and why."""
UNSELECTED = "W"
"""Codes reported whatever `select` says, unless ignored: a project that selects only some
checks still hears of its waivers that waive nothing."""

_SELECTOR = re.compile(r"[A-Z][0-9]{0,3}")
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")

Key = tuple[str | int, ...]


def fixed(code: str) -> str | None:
    """Why no configuration changes `code`; None for a code it may select, ignore or re-grade."""
    return next((why for prefix, why in FIXED.items() if code.startswith(prefix)), None)


def near_code(text: str, codes: Iterable[str]) -> str | None:
    """The code `text` most likely misspells: two characters swapped (`C320` for `C302`), then
    one character wrong, then what difflib finds closest."""
    known = list(codes)
    for alike in (
        lambda c: sorted(c) == sorted(text),
        lambda c: len(c) == len(text) and sum(a != b for a, b in zip(c, text, strict=True)) == 1,
    ):
        found = [code for code in known if alike(code)]
        if found:
            return found[0]
    near = difflib.get_close_matches(text, known, n=1)
    return near[0] if near else None


def _matches(selector: str, code: str) -> bool:
    return code.startswith(selector)


@dataclass(frozen=True)
class PathRules:
    """The settings of one `per-path` pattern."""

    pattern: str
    matcher: re.Pattern[str]
    ignore: tuple[str, ...] = ()
    severity: tuple[tuple[str, Severity], ...] = ()


@dataclass(frozen=True)
class Selection:
    """A project's choice of codes, and what was wrong with the configuration it came from."""

    select: tuple[str, ...] = ("",)
    """Selectors of the codes reported; the empty prefix, every code."""
    ignore: tuple[str, ...] = ()
    severity: tuple[tuple[str, Severity], ...] = ()
    per_path: tuple[PathRules, ...] = ()
    problems: tuple[Diagnostic, ...] = field(default=())
    """The configuration's own findings (W1xx), in file order."""

    def verdict(self, code: str, path: str) -> tuple[bool, Severity | None]:
        """Whether a finding of `code` in the file at `path` is reported, and the severity this
        selection gives it (None: its own). A `FIXED` code is always reported as it is."""
        if fixed(code):
            return True, None
        chosen = max((len(s) for s in self.select if _matches(s, code)), default=-1)
        if code.startswith(UNSELECTED):
            chosen = max(chosen, 0)
        ignored = max((len(s) for s in self.ignore if _matches(s, code)), default=-1)
        on_path = [rules for rules in self.per_path if rules.matcher.fullmatch(path)]
        if chosen < 0 or ignored >= chosen:
            return False, None
        if any(_matches(s, code) for rules in on_path for s in rules.ignore):
            return False, None
        rank: tuple[int, int] = (-1, -1)
        severity: Severity | None = None
        for scope, table in ((0, self.severity), *((1, r.severity) for r in on_path)):
            for selector, value in table:
                if _matches(selector, code) and (scope, len(selector)) >= rank:
                    rank, severity = (scope, len(selector)), value
        return True, severity

    def apply(self, diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
        """The findings this selection reports, each at the severity it gives it."""
        verdicts: dict[tuple[str, str], tuple[bool, Severity | None]] = {}
        kept = []
        for diagnostic in diagnostics:
            key = (diagnostic.code, diagnostic.location.path)
            if key not in verdicts:
                verdicts[key] = self.verdict(*key)
            shown, severity = verdicts[key]
            if not shown:
                continue
            if severity is not None and severity is not diagnostic.severity:
                diagnostic = replace(diagnostic, severity=severity)
            kept.append(diagnostic)
        return kept


EVERYTHING = Selection()
"""What a project without configuration gets: every code, at its own severity."""


def glob_pattern(pattern: str) -> re.Pattern[str]:
    """A path pattern relative to the project root as a regular expression over the POSIX
    paths findings print: `*` and `?` stay inside one folder, `**/` is any number of folders."""
    out: list[str] = []
    index = 0
    text = pattern.removeprefix("./")
    while index < len(text):
        if text.startswith("**/", index):
            out.append("(?:[^/]*/)*")
            index += 3
        elif text.startswith("**", index):
            out.append(".*")
            index += 2
        elif text[index] == "*":
            out.append("[^/]*")
            index += 1
        elif text[index] == "?":
            out.append("[^/]")
            index += 1
        elif text[index] == "[" and (close := text.find("]", index + 2)) > 0:
            inner = text[index + 1 : close]
            negated = inner.startswith("!")
            body = re.escape(inner[1:] if negated else inner).replace("\\-", "-")
            out.append(f"[{'^' if negated else ''}{body}]")
            index = close + 1
        else:
            out.append(re.escape(text[index]))
            index += 1
    return re.compile("".join(out))


def _setting(key: Key) -> str:
    """A setting as messages name it, relative to the checks table: `per-path."a/*".ignore[0]`."""
    text = ""
    for part in key:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            shown = part if _BARE_KEY.fullmatch(part) else '"' + part.replace('"', '\\"') + '"'
            text += f".{shown}" if text else shown
    return text


def _got(value: object) -> str:
    if isinstance(value, str):
        return quoted(value)
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, list):
        return "a list"
    return "a table" if isinstance(value, dict) else type(value).__name__


class _Reader:
    """Reads the checks table into a `Selection`, keeping every problem it finds."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.problems: list[Diagnostic] = []
        self._positions: _Positions | None = None

    def where(self, key: Key, *, of_key: bool = False) -> Location:
        if self._positions is None:
            self._positions = _Positions(self.text)
        return self._positions.location((*TABLE, *key), of_key=of_key)

    def problem(self, code: str, key: Key, message: str, *, of_key: bool = False) -> None:
        self.problems.append(Diagnostic(code, message, self.where(key, of_key=of_key)))

    def unknown_keys(self, table: dict[str, Any], known: tuple[str, ...], at: Key) -> None:
        for name in table:
            if name not in known:
                near = difflib.get_close_matches(name, known, n=1)
                hint = f" (did you mean {quoted(near[0])}?)" if near else ""
                choices = ", ".join(known)
                message = f"unknown setting {quoted(_setting((*at, name)))}{hint}: one of {choices}"
                self.problem("W102", (*at, name), message, of_key=True)

    def selector(self, value: object, key: Key, *, changes: str | None) -> str | None:
        """A code or prefix, or None once its problem is reported; `changes` names what the
        setting does to the codes (`ignored`, `re-graded`) when it may not touch a fixed one."""
        name = _setting(key)
        # A key of a severity table is the selector itself: the message names its table.
        label = _setting(key[:-1]) if isinstance(key[-1], str) else name
        if not isinstance(value, str):
            message = f"{name} must be a code or the start of one, as text; got {_got(value)}"
            self.problem("W102", key, message)
            return None
        codes = [code for code in RULES if _matches(value, code)]
        if not _SELECTOR.fullmatch(value) or not codes:
            near = near_code(value, RULES) if len(value) == 4 else None
            hint = f" (did you mean {quoted(near)}?)" if near else ""
            message = f"{label} {quoted(value)} is no code of the checks, nor the start of one"
            message += hint
            self.problem("W101", key, message, of_key=isinstance(key[-1], str))
            return None
        if changes is not None and all(fixed(code) for code in codes):
            why = fixed(codes[0])
            message = f"{label} {quoted(value)} cannot be {changes}: {why}"
            self.problem("W103", key, message, of_key=isinstance(key[-1], str))
            return None
        return value

    def selectors(self, value: object, key: Key, *, changes: str | None) -> tuple[str, ...]:
        if not isinstance(value, list):
            message = f"{_setting(key)} must be a list of codes or prefixes; got {_got(value)}"
            self.problem("W102", key, message)
            return ()
        found = (self.selector(v, (*key, i), changes=changes) for i, v in enumerate(value))
        return tuple(s for s in found if s is not None)

    def severities(self, value: object, key: Key) -> tuple[tuple[str, Severity], ...]:
        if not isinstance(value, dict):
            message = f'{_setting(key)} must be a table of codes, such as {{ C302 = "warning" }}'
            self.problem("W102", key, f"{message}; got {_got(value)}")
            return ()
        found = []
        for selector, grade in value.items():
            at = (*key, selector)
            if self.selector(selector, at, changes="re-graded") is None:
                continue
            if grade not in ("error", "warning"):
                message = f"{_setting(at)} must be 'error' or 'warning'; got {_got(grade)}"
                self.problem("W102", at, message)
                continue
            found.append((selector, Severity(grade)))
        return tuple(found)

    def per_path(self, value: object, key: Key) -> tuple[PathRules, ...]:
        if not isinstance(value, dict):
            message = f"{_setting(key)} must be a table of path patterns; got {_got(value)}"
            self.problem("W102", key, message)
            return ()
        found = []
        for pattern, settings in value.items():
            at = (*key, pattern)
            if not pattern or pattern.startswith(("/", "../")) or "/../" in pattern:
                message = f"{_setting(at)}: a pattern is a path relative to the project root"
                self.problem("W102", at, message, of_key=True)
                continue
            if not isinstance(settings, dict):
                message = f"{_setting(at)} must be a table with {' and '.join(PATH_SETTINGS)}"
                self.problem("W102", at, f"{message}; got {_got(settings)}")
                continue
            self.unknown_keys(settings, PATH_SETTINGS, at)
            ignore = self.selectors(settings.get("ignore", []), (*at, "ignore"), changes="ignored")
            severity = self.severities(settings.get("severity", {}), (*at, "severity"))
            found.append(PathRules(pattern, glob_pattern(pattern), ignore, severity))
        return tuple(found)

    def selection(self, table: dict[str, Any]) -> Selection:
        self.unknown_keys(table, SETTINGS, ())
        select: tuple[str, ...] = ("",)
        if "select" in table:
            select = self.selectors(table["select"], ("select",), changes=None)
        return Selection(
            select=select,
            ignore=self.selectors(table.get("ignore", []), ("ignore",), changes="ignored"),
            severity=self.severities(table.get("severity", {}), ("severity",)),
            per_path=self.per_path(table.get("per-path", {}), ("per-path",)),
            problems=tuple(self.problems),
        )


def read_selection(root: Path) -> Selection:
    """The selection of the project at `root`: `EVERYTHING` when its `pyproject.toml` has no
    checks table (or there is no such file)."""
    try:
        text = (root / CONFIG_FILE).read_text(encoding="utf-8")
    except FileNotFoundError:
        return EVERYTHING
    except (OSError, UnicodeError) as error:
        message = f"cannot read {CONFIG_FILE}: {error}"
        return Selection(problems=(Diagnostic("W102", message, Location(CONFIG_FILE)),))
    try:
        data: Any = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = f"{CONFIG_FILE} is not valid TOML: {error}"
        where = Location(CONFIG_FILE)
        found = re.search(r"\s*\(at (?:line (\d+), column (\d+)|end of document)\)$", str(error))
        if found:
            message = message[: len(message) - len(found.group())]
            end = _offset_location(text, len(text))
            where = Location(CONFIG_FILE, int(found[1]), int(found[2])) if found[1] else end
        return Selection(problems=(Diagnostic("W102", message, where),))
    for part in TABLE:
        data = data.get(part) if isinstance(data, dict) else None
    if data is None:
        return EVERYTHING
    reader = _Reader(text)
    if not isinstance(data, dict):
        message = f"{'.'.join(TABLE)} must be a table of settings; got {_got(data)}"
        reader.problem("W102", (), message)
        return Selection(problems=tuple(reader.problems))
    return reader.selection(data)


def _offset_location(text: str, offset: int) -> Location:
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return Location(CONFIG_FILE, line, column)


class _Positions:
    """Where each key and value of a TOML text starts, by its path from the document's root.

    Only ever given a text tomllib has accepted, so it trusts the syntax; should it still lose
    its way, what it found so far stands and the rest is located at the nearest enclosing key.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.at = 0
        self.values: dict[Key, int] = {}
        self.keys: dict[Key, int] = {}
        with suppress(IndexError, ValueError, tomllib.TOMLDecodeError):
            self._document()

    def location(self, key: Key, *, of_key: bool = False) -> Location:
        """The start of the value at `key` (of its key, with `of_key`), or of the nearest
        enclosing key or value that the text has."""
        for end in range(len(key), 0, -1):
            part = key[:end]
            tables = (self.keys, self.values) if of_key else (self.values, self.keys)
            for table in tables:
                if part in table:
                    return _offset_location(self.text, table[part])
        return Location(CONFIG_FILE)

    def _blank(self, *, lines: bool = True) -> None:
        text = self.text
        while self.at < len(text):
            char = text[self.at]
            if char in " \t" or (lines and char in "\r\n"):
                self.at += 1
            elif char == "#" and lines:
                end = text.find("\n", self.at)
                self.at = len(text) if end < 0 else end
            else:
                return

    def _document(self) -> None:
        table: Key = ()
        arrays: dict[Key, int] = {}
        text = self.text
        while True:
            self._blank()
            if self.at >= len(text):
                return
            if text[self.at] == "[":
                double = text.startswith("[[", self.at)
                self.at += 2 if double else 1
                keys = self._key(())
                if double:
                    arrays[keys] = arrays.get(keys, -1) + 1
                    table = (*keys, arrays[keys])
                else:
                    table = keys
                end = text.find("\n", self.at)
                self.at = len(text) if end < 0 else end
            else:
                keys = self._key(table)
                self._blank(lines=False)
                if text[self.at] != "=":
                    raise ValueError("no '=' after a key")
                self.at += 1
                self._blank(lines=False)
                self._value((*table, *keys))

    def _key(self, prefix: Key) -> Key:
        parts: list[str] = []
        text = self.text
        while True:
            self._blank(lines=False)
            start = self.at
            if text[start] in "\"'":
                self._string()
                parts.append(tomllib.loads(f"k = {text[start : self.at]}")["k"])
            else:
                bare = _BARE_KEY.match(text, start)
                if bare is None:
                    raise ValueError("no key")
                parts.append(bare.group())
                self.at = bare.end()
            self.keys.setdefault((*prefix, *parts), start)
            self._blank(lines=False)
            if text[self.at] != ".":
                return tuple(parts)
            self.at += 1

    def _string(self) -> None:
        text = self.text
        for quotes in ('"""', "'''"):
            if text.startswith(quotes, self.at):
                end = text.index(quotes, self.at + 3)
                while text.startswith(quotes[0], end + 3):  # up to two quotes end the text
                    end += 1
                self.at = end + 3
                return
        if text[self.at] == "'":
            self.at = text.index("'", self.at + 1) + 1
            return
        index = self.at + 1
        while text[index] != '"':
            index += 2 if text[index] == "\\" else 1
        self.at = index + 1

    def _value(self, key: Key) -> None:
        text = self.text
        self.values[key] = self.at
        char = text[self.at]
        if char in "\"'":
            self._string()
        elif char == "[":
            self.at += 1
            index = 0
            while True:
                self._blank()
                if text[self.at] == "]":
                    self.at += 1
                    return
                self._value((*key, index))
                index += 1
                self._blank()
                if text[self.at] == ",":
                    self.at += 1
        elif char == "{":
            self.at += 1
            while True:
                self._blank()
                if text[self.at] == "}":
                    self.at += 1
                    return
                keys = self._key(key)
                self._blank()
                self.at += 1  # the '='
                self._blank()
                self._value((*key, *keys))
                self._blank()
                if text[self.at] == ",":
                    self.at += 1
        else:
            scalar = re.compile(r"[^,\]}\r\n#]*").match(text, self.at)
            assert scalar is not None  # the pattern matches the empty string too
            self.at = scalar.end()


describe(
    "W101",
    "unknown code in the configuration",
    """What it catches: a code or prefix in `[tool.exercise-reference.checks]` of
    `pyproject.toml` (in `select`, `ignore`, `severity` or a `per-path` table) that no check
    has, such as a misspelt `C320`; a near one is named in the message.

    Why: a setting that names nothing does nothing, silently: the finding it was meant to
    silence or re-grade would go on as before, or a code meant to be selected would be left
    out.

    How to fix: correct the code to the one suggested (the Checks pages list every code), or
    remove it.""",
    example="pyproject.toml:5:19: W101 ignore[1] 'C320' is no code of the checks, nor the start "
    "of one (did you mean 'C302'?)",
)
describe(
    "W102",
    "configuration value the checks cannot use",
    """What it catches: a setting of `[tool.exercise-reference.checks]` that is not one of
    `select`, `ignore`, `severity` and `per-path` (or, in a `per-path` table, `ignore` and
    `severity`), a value of the wrong kind, a severity other than `error` or `warning`, a path
    pattern outside the project, or a `pyproject.toml` that is not valid TOML.

    Why: the checks would otherwise run with a configuration other than the one written.

    How to fix: write the setting as the Checks pages show it; the message names what is
    expected.""",
    example="pyproject.toml:2:37: W102 severity.C302 must be 'error' or 'warning'; got 'warn'",
)
describe(
    "W103",
    "code that cannot be ignored",
    """What it catches: an `ignore` or `severity` entry that would ignore or re-grade only codes
    that always count: a file that cannot be read or fails the schema (Y and S codes), a term
    the vocabulary lacks (C201), a stance the figure cannot draw (C6xx), a page that fails to
    render (T), a problem of this configuration (W1).

    Why: such a file yields no record, or no page: ignored, the exercise would vanish from the
    site without a word, or the build would fail at its page.

    How to fix: remove the entry, and fix the file the finding points at.""",
    example="pyproject.toml:2:11: W103 ignore[0] 'S101' cannot be ignored: a record that fails "
    "the schema is not loaded, so its finding always stops the build",
)
