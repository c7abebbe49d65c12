"""The registry covers every code the tools can emit; each is documented, tested, and its
catalogue example is a finding the corpus really produces."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import build_tools
from build_tools import pipeline  # noqa: F401  (registers every check and code)
from build_tools.diagnostics import Severity
from build_tools.registry import (
    CODE_PATTERN,
    PAGE_CHECKS,
    RECORD_CHECKS,
    RULES,
    SITE_CHECKS,
    RuleDoc,
    Stage,
    describe,
    record_check,
    site_check,
)

from .corpus import load_cases

PACKAGE = Path(build_tools.__file__).parent
CASES = load_cases()
FORMAT = re.compile(r"^(?P<path>[^:\s]+):(?P<line>\d+):(?P<col>\d+): (?P<code>[A-Z]\d{3}) \S")


def emitted_codes() -> dict[str, set[str]]:
    """Every code written as a string in the package's source, with the files it is in."""
    found: dict[str, set[str]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            text = node.value if isinstance(node, ast.Constant) else None
            if isinstance(text, str) and CODE_PATTERN.match(text):
                found.setdefault(text, set()).add(path.relative_to(PACKAGE).as_posix())
    return found


def test_the_source_scan_sees_the_codes_where_they_are_emitted() -> None:
    emitted = emitted_codes()
    assert "yaml_source.py" in emitted["Y002"]
    assert "load.py" in emitted["Y006"]
    assert "schema.py" in emitted["S105"]
    assert "pipeline.py" in emitted["T001"]
    assert "checks/identity.py" in emitted["C103"]


def test_every_code_the_package_can_emit_is_registered() -> None:
    missing = {code: files for code, files in emitted_codes().items() if code not in RULES}
    assert missing == {}


@pytest.mark.parametrize("code", sorted(RULES))
def test_every_code_has_a_broken_record_that_gives_it(code: str) -> None:
    cases = [case for case in CASES if case.code == code]
    assert cases, f"tests/broken/{code}.yaml is missing"
    for case in cases:
        codes = [m["code"] for line in case.expect if (m := FORMAT.match(line))]
        assert code in codes, f"{case.id} never gives {code}"


def test_every_corpus_file_is_a_registered_code() -> None:
    assert sorted({case.code for case in CASES} - set(RULES)) == []


@pytest.mark.parametrize("code", sorted(RULES))
def test_every_code_is_documented_with_a_real_example(code: str) -> None:
    rule = RULES[code]
    assert rule.title
    assert rule.title == rule.title.strip()
    assert rule.doc.catches
    assert rule.doc.why
    assert rule.doc.fix
    match = FORMAT.match(rule.example)
    assert match is not None
    assert match["code"] == code
    produced = {line for case in CASES if case.code == code for line in case.expect}
    assert rule.example in produced, "the example is not a finding of the corpus"


def test_codes_are_in_their_stage_and_checks_are_where_they_run() -> None:
    assert all(c.startswith("C") for c in RECORD_CHECKS)
    assert all(c.startswith("H") for c in SITE_CHECKS.keys() | PAGE_CHECKS.keys())
    assert SITE_CHECKS.keys().isdisjoint(PAGE_CHECKS)
    checks = RECORD_CHECKS.keys() | SITE_CHECKS.keys() | PAGE_CHECKS.keys()
    assert {c for c in RULES if c[0] in "YST"}.isdisjoint(checks)
    assert {rule.stage for rule in RULES.values()} == set(Stage)


def test_warnings_and_errors_are_distinct() -> None:
    severities = {rule.severity for rule in RULES.values()}
    assert severities == {Severity.ERROR, Severity.WARNING}
    assert RULES["C302"].severity is Severity.WARNING
    assert RULES["C103"].severity is Severity.ERROR


def test_registration_refuses_malformed_reused_and_misplaced_codes() -> None:
    before = dict(RULES)
    with pytest.raises(ValueError, match="does not match"):
        record_check("E104", "old style code")(lambda content, vocabulary: ())
    with pytest.raises(ValueError, match="registered twice"):
        record_check("C101", "again")(lambda content, vocabulary: ())
    with pytest.raises(ValueError, match="must start with H"):
        site_check("C999", "a site check with a record code")(lambda site, content: ())
    with pytest.raises(ValueError, match="must start with Y/S/T"):
        describe("C998", "a record code described by hand", "", example="")
    assert dict(RULES) == before


def test_rule_doc_reads_the_three_paragraphs() -> None:
    doc = RuleDoc.parse(
        """What it catches: a thing
        on two lines.

        Why: a reason.

        A second paragraph of the reason.

        How to fix: the fix."""
    )
    assert doc == RuleDoc(
        "a thing on two lines.", "a reason.\n\nA second paragraph of the reason.", "the fix."
    )
    assert RuleDoc.parse("A docstring without sections.") == RuleDoc()
