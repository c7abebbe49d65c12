"""The registry of codes: every code the tools can emit, with what the catalogue says of it.

A check is a pure function that yields `Finding`s; the registry stamps each with the check's code
and severity, so a code is written in exactly one place. Record checks (C codes) run on the loaded
records, page and site checks (H codes) on the built HTML; codes that the loader, the schema and the
renderer emit themselves (Y, S, T), and the findings on the project's choice of checks and on
the records' waivers (W), are described with `describe`. A code is permanent: its
meaning never changes and a retired code is never given to another check.

A check's docstring is its catalogue entry, in three paragraphs that start `What it catches:`,
`Why:` and `How to fix:`; `example` is one finding exactly as it is printed.
"""

from __future__ import annotations

import enum
import inspect
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from ..diagnostics import Diagnostic, Location, Note, Severity

CODE_PATTERN = re.compile(r"^[YSCTHDW][0-9]{3}$")


class Stage(enum.Enum):
    """Where a code comes from; the first letter of the code names it."""

    LOAD = "Y"
    SCHEMA = "S"
    RECORD = "C"
    TEMPLATE = "T"
    SITE = "H"
    DRAFT = "D"
    SELECTION = "W"
    """The project's choice of checks (`pyproject.toml`) and the waivers in records."""


_SECTIONS = {"what it catches": "catches", "why": "why", "how to fix": "fix"}
_SECTION_START = re.compile(r"^(What it catches|Why|How to fix):\s*", re.IGNORECASE)


@dataclass(frozen=True)
class RuleDoc:
    """A code's entry in the catalogue; any part may be empty (a test requires all three)."""

    catches: str = ""
    why: str = ""
    fix: str = ""

    @classmethod
    def parse(cls, text: str) -> RuleDoc:
        """Read `What it catches:` / `Why:` / `How to fix:` paragraphs; lines are joined."""
        parts: dict[str, list[str]] = {}
        current: list[str] | None = None
        for paragraph in re.split(r"\n\s*\n", inspect.cleandoc(text)):
            joined = " ".join(paragraph.split())
            match = _SECTION_START.match(joined)
            if match:
                current = parts.setdefault(_SECTIONS[match.group(1).lower()], [])
                joined = joined[match.end() :]
            if current is not None and joined:
                current.append(joined)
        return cls(**{key: "\n\n".join(value) for key, value in parts.items()})


@dataclass(frozen=True)
class Rule:
    """One code as the catalogue shows it."""

    code: str
    title: str
    severity: Severity
    doc: RuleDoc
    example: str

    @property
    def stage(self) -> Stage:
        return Stage(self.code[0])


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
    example: str = ""
    per_record: bool = False
    """The check looks at one record at a time: its findings for a record depend on that record
    (and the vocabulary) alone, so they may be kept while the record is unchanged."""

    @property
    def doc(self) -> str:
        return inspect.getdoc(self.function) or ""

    @property
    def rule(self) -> Rule:
        return Rule(self.code, self.title, self.severity, RuleDoc.parse(self.doc), self.example)

    def run(self, *args: object) -> Iterator[Diagnostic]:
        for finding in self.function(*args):
            yield Diagnostic(
                self.code, finding.message, finding.location, self.severity, finding.notes
            )


RULES: dict[str, Rule] = {}
"""Every code, in registration order: the catalogue."""
RECORD_CHECKS: dict[str, Check] = {}
"""Checks over the loaded records: `(content, vocabulary) -> findings`."""
PAGE_CHECKS: dict[str, Check] = {}
"""Checks of one built exercise page while its tree is at hand: `(exercise, page) -> findings`;
`page` is None when the exercise's page was not built."""
SITE_CHECKS: dict[str, Check] = {}
"""Checks over the whole built site, from what is kept of each page:
`(site, content) -> findings`."""


def _add(rule: Rule, stages: tuple[Stage, ...]) -> None:
    if not CODE_PATTERN.match(rule.code):
        raise ValueError(f"check code {rule.code!r} does not match {CODE_PATTERN.pattern}")
    if rule.stage not in stages:
        letters = "/".join(s.value for s in stages)
        raise ValueError(f"check code {rule.code} must start with {letters} here")
    if rule.code in RULES:
        raise ValueError(f"check code {rule.code} is registered twice")
    RULES[rule.code] = rule


def _decorator(
    table: dict[str, Check],
    stage: Stage,
    code: str,
    title: str,
    severity: Severity,
    example: str,
    per_record: bool = False,
) -> Callable[[CheckFunction], CheckFunction]:
    def register(function: CheckFunction) -> CheckFunction:
        check = Check(code, title, severity, function, example, per_record)
        _add(check.rule, (stage,))
        table[code] = check
        return function

    return register


def record_check(
    code: str,
    title: str,
    severity: Severity = Severity.ERROR,
    *,
    example: str = "",
    per_record: bool = False,
) -> Callable[[CheckFunction], CheckFunction]:
    """Register a check over loaded content (`Content`, `Vocabulary`); `per_record` when it
    looks at each record alone (see `Check.per_record`)."""
    return _decorator(RECORD_CHECKS, Stage.RECORD, code, title, severity, example, per_record)


def page_check(
    code: str, title: str, severity: Severity = Severity.ERROR, *, example: str = ""
) -> Callable[[CheckFunction], CheckFunction]:
    """Register a check of one built exercise page (`Exercise`, `BuiltPage | None`)."""
    return _decorator(PAGE_CHECKS, Stage.SITE, code, title, severity, example)


def site_check(
    code: str, title: str, severity: Severity = Severity.ERROR, *, example: str = ""
) -> Callable[[CheckFunction], CheckFunction]:
    """Register a check over the built site (`BuiltSite`, `Content`)."""
    return _decorator(SITE_CHECKS, Stage.SITE, code, title, severity, example)


def describe(
    code: str, title: str, doc: str, *, example: str, severity: Severity = Severity.ERROR
) -> Rule:
    """Register a code that the loader, the schema, the renderer or the choice of checks emits
    itself."""
    rule = Rule(code, title, severity, RuleDoc.parse(doc), example)
    _add(rule, (Stage.LOAD, Stage.SCHEMA, Stage.TEMPLATE, Stage.DRAFT, Stage.SELECTION))
    return rule
