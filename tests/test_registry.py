"""The registry covers every code the tools can emit; each is documented, tested, and its
catalogue example is a finding the corpus really produces."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import build_tools
from build_tools.build import pipeline  # noqa: F401  (registers every check and code)
from build_tools.build.pipeline import Pipeline, Project
from build_tools.checks.registry import (
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
from build_tools.checks.run import check_content
from build_tools.diagnostics import Severity, sorted_diagnostics
from build_tools.source.load import load_content
from build_tools.speed.cache import FileCache

from .conftest import copy_project
from .corpus import Case, apply, load_cases

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
    assert "source/yaml_nodes.py" in emitted["Y002"]
    assert "source/files.py" in emitted["Y006"]
    assert "source/schema.py" in emitted["S105"]
    assert "build/pipeline.py" in emitted["T001"]
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
    assert severities == {Severity.ERROR, Severity.WARNING, Severity.NOTE}
    assert {r.code for r in RULES.values() if r.severity is Severity.NOTE} == {"D001"}
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


RECORD_CASES = [c for c in CASES if c.code.startswith("C") and not c.on_site]


@pytest.mark.parametrize("case", RECORD_CASES, ids=lambda c: c.id)
def test_a_per_record_check_finds_in_each_record_alone_what_it_finds_in_all(
    case: Case, tmp_path: Path
) -> None:
    # `mkdocs serve` keeps these checks' findings for each unchanged record: that is right only
    # if a record's findings never depend on the other records.
    project = copy_project(tmp_path)
    for edit in case.edits:
        apply(edit, project)
    content = load_content(project / "content", project)
    assert content.vocabulary is not None
    for check in (c for c in RECORD_CHECKS.values() if c.per_record):
        alone = [
            d for e in content.exercises for d in check.run(content.only(e), content.vocabulary)
        ]
        assert sorted_diagnostics(alone) == sorted_diagnostics(
            check.run(content, content.vocabulary)
        )


def test_a_rebuild_with_the_cache_finds_what_a_fresh_check_finds(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    cache: FileCache = FileCache()
    assert check_content(Pipeline(Project.at(project), cache).load(), cache) == []
    record = project / "content" / "heel-press.yaml"
    text = record.read_text()
    record.write_text(text.replace("tips:\n  - >-\n    Step", "tips:\n  - >-\n    step", 1))
    again = check_content(Pipeline(Project.at(project), cache).load(), cache)
    assert [d.code for d in again] == ["C402"]
    assert again == check_content(Pipeline(Project.at(project)).load())


def test_a_vocabulary_edit_checks_the_unchanged_records_again(tmp_path: Path) -> None:
    # The record file stays as it was, so the cache hands back the very same record: only the
    # vocabulary in the key of its findings can tell that they no longer hold.
    project = copy_project(tmp_path)
    cache: FileCache = FileCache()
    first = Pipeline(Project.at(project), cache).load()
    assert check_content(first, cache) == []
    terms = project / "content" / "vocabulary" / "terms.yaml"
    text = terms.read_text()
    wall = "  wall: {name: Wall, aliases: [wall]}\n"
    assert wall in text
    terms.write_text(text.replace(wall, "  wall: {name: Wall bars, aliases: [wall bars]}\n"))
    content = Pipeline(Project.at(project), cache).load()
    assert content.exercises[0] is first.exercises[0]
    again = check_content(content, cache)
    assert [(d.code, d.message) for d in again] == [
        ("C301", "equipment 'wall' is not named in the text (as 'Wall bars' or an alias)")
    ]
    assert again == check_content(Pipeline(Project.at(project)).load())
