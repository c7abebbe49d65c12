"""Waivers: a record keeps a finding an editor has read, with the reason, on one field.

    waive:
      - code: C302
        at: tips[5]
        reason: The hamstrings are named to say what must stay loose.

A waiver covers the findings of its code on the field `at` (a path as findings print it) and on
anything inside that field; without `at`, anywhere in the record. Findings are matched by where
they are, not by their wording: YAML gives each field its start only, so a field runs up to the
start of the next field outside it (`SourceMap.span`). Only the record checks' findings (C codes)
can be waived: the others are no judgement on the text. A waiver that matches no finding is a
finding itself (W001), so that a waiver goes when the text it excused is changed.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from ..diagnostics import Diagnostic, Location, Note, Severity, quoted
from ..model import Exercise, Waiver
from ..source.load import Content
from ..source.yaml_nodes import Path
from .registry import RECORD_CHECKS, RULES, describe
from .selection import fixed, near_code

_ELSEWHERE = {
    "H": "the built-site checks are chosen in the project's configuration (pyproject.toml)",
    "W": "a waiver's own finding goes when the waiver is corrected",
}
_PART = re.compile(r"([a-z_]+)|\[([0-9]+)\]")


def field_path(at: str) -> Path:
    """`faq[3].answer` → `("faq", 3, "answer")`: the inverse of `schema.field_name`."""
    return tuple(name or int(index) for name, index in _PART.findall(at))


@dataclass(frozen=True)
class Waived:
    """A finding a record waives, and the waiver that does."""

    diagnostic: Diagnostic
    waiver: Location
    reason: str

    def as_note(self) -> Diagnostic:
        """The finding with the waiver as one more note."""
        note = Note(self.waiver, f"waived: {self.reason}")
        return replace(self.diagnostic, notes=(*self.diagnostic.notes, note))

    def format(self) -> str:
        """The finding as `check --show-waived` prints it: its lines, then the waiver's."""
        return self.as_note().format()


@dataclass
class Waiving:
    """What the waivers of the records leave of a list of findings."""

    kept: list[Diagnostic] = field(default_factory=list)
    waived: list[Waived] = field(default_factory=list)
    problems: list[Diagnostic] = field(default_factory=list)
    """The waivers' own findings: W001 and W002."""


def _cannot_waive(waiver: Waiver, index: int, exercise: Exercise) -> Diagnostic | None:
    code = waiver.code
    where = exercise.source.value(("waive", index, "code"))
    name = f"waive[{index}].code"
    if code not in RULES:
        near = near_code(code, RECORD_CHECKS)
        hint = f" (did you mean {quoted(near)}?)" if near else ""
        return Diagnostic("W002", f"{name} {quoted(code)} is no code of the checks{hint}", where)
    why = fixed(code)
    if code not in RECORD_CHECKS:
        message = (
            f"{name} {quoted(code)} cannot be waived: a record waives findings of the record "
            f"checks (C codes) only; {why or _ELSEWHERE.get(code[0], '')}"
        )
        return Diagnostic("W002", message, where)
    if why is not None:
        return Diagnostic("W002", f"{name} {quoted(code)} cannot be waived: {why}", where)
    return None


def apply_waivers(content: Content, diagnostics: Iterable[Diagnostic]) -> Waiving:
    """The findings the records' waivers leave, those they waive, and the waivers' own."""
    by_file: dict[str, list[Diagnostic]] = defaultdict(list)
    result = Waiving()
    for diagnostic in diagnostics:
        by_file[diagnostic.location.path].append(diagnostic)
    for exercise in content.exercises:
        if not exercise.waivers:
            continue
        findings = by_file.pop(exercise.source.path, [])
        remaining = _waive(exercise, findings, result)
        result.kept.extend(remaining)
    for rest in by_file.values():
        result.kept.extend(rest)
    return result


def _waive(exercise: Exercise, findings: list[Diagnostic], result: Waiving) -> list[Diagnostic]:
    """The findings of one record its waivers leave; what they waive and their problems go into
    `result`."""
    waived: dict[int, Waived] = {}
    for index, waiver in enumerate(exercise.waivers):
        refused = _cannot_waive(waiver, index, exercise)
        if refused is not None:
            result.problems.append(refused)
            continue
        entry = exercise.source.value(("waive", index))
        if waiver.at is None:
            span: tuple[Location, Location | None] | None = (Location(exercise.source.path), None)
        else:
            span = exercise.source.span(field_path(waiver.at))
        if span is None:
            message = (
                f"waive[{index}].at {quoted(waiver.at or '')} names no field of the record, "
                f"so the waiver of {waiver.code} matches no finding"
            )
            where = exercise.source.value(("waive", index, "at"))
            result.problems.append(Diagnostic("W001", message, where, Severity.WARNING))
            continue
        start, end = span
        matched = False
        for number, finding in enumerate(findings):
            inside = start <= finding.location and (end is None or finding.location < end)
            if finding.code == waiver.code and inside:
                matched = True
                waived.setdefault(number, Waived(finding, entry, waiver.reason))
        if not matched:
            place = f"on {waiver.at}" if waiver.at is not None else "anywhere in the record"
            message = (
                f"waive[{index}] of {waiver.code} {place} matches no finding: the text it "
                "excused has changed; remove the waiver"
            )
            result.problems.append(Diagnostic("W001", message, entry, Severity.WARNING))
    result.waived.extend(waived.values())
    return [finding for number, finding in enumerate(findings) if number not in waived]


describe(
    "W001",
    "waiver that matches no finding",
    """What it catches: an entry of a record's `waive` list that waives nothing: no finding of
    its code is on the field it names (or anywhere in the record, for a waiver without `at`),
    or `at` names a field the record does not have. Also when the project's configuration has
    stopped reporting that code.

    Why: a waiver outlives the text it excused. Left in place, it would silence the next
    finding of that code on that field, one nobody has read.

    How to fix: remove the waiver; if the finding moved to another field, point `at` there.""",
    example="content/heel-press.yaml:158:5: W001 waive[0] of C302 on tips[4] matches no finding: "
    "the text it excused has changed; remove the waiver",
    severity=Severity.WARNING,
)
describe(
    "W002",
    "waiver of a code it cannot waive",
    """What it catches: a `waive` entry whose `code` is no code of the checks, or is not a
    record check's (C codes): a file that cannot be read or fails the schema (Y, S), a page
    that fails to render (T) and the built-site checks (H) are not judgements on the text, and
    a term the vocabulary lacks (C201) or a stance the figure cannot draw (C6xx) leaves no page
    to publish.

    Why: a waiver of a misspelt code waives nothing while seeming to.

    How to fix: correct the code to the one the finding prints; for H codes, use the
    configuration in `pyproject.toml` (see Configuration on the Checks page).""",
    example="content/heel-press.yaml:158:11: W002 waive[0].code 'C320' is no code of the checks "
    "(did you mean 'C302'?)",
)
