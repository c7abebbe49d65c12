"""The catalogue of checks for editors, generated from the registry so it can never drift."""

from __future__ import annotations

from . import checks, codes  # noqa: F401  (registers the checks and the codes)
from .registry import RULES, Rule, Stage


def anchor(code: str) -> str:
    return code.lower()


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def _entry(rule: Rule) -> list[str]:
    doc = rule.doc
    return [
        f"### {rule.code}: {rule.title} {{ #{anchor(rule.code)} }}",
        "",
        f"*{rule.severity.value.capitalize()}.* **What it catches.** {_sentence(doc.catches)}",
        "",
        f"**Why.** {_sentence(doc.why)}",
        "",
        f"**How to fix.** {_sentence(doc.fix)}",
        "",
        "```text",
        rule.example,
        "```",
        "",
    ]


def check_catalogue() -> str:
    """Markdown for the `Checks` page."""
    rules = sorted(RULES.values(), key=lambda r: ("YSCTH".index(r.code[0]), r.code))
    lines = [
        "# Checks",
        "",
        "Every problem the build finds has a permanent code. This page is generated from the",
        "registry in `build_tools/` at every build.",
        "",
        "`python -m build_tools check` reads and checks every record without building the",
        "site; `mkdocs build` runs the same checks, then checks the pages it built (the H",
        "codes). Each finding is one line, *file:line:column: code message*, and every",
        "finding of a run is printed at once. Errors stop the build; warnings stop it only",
        "with `--strict`. A build that stops leaves the site built before it untouched.",
        "",
        "| Code | Severity | Catches |",
        "| --- | --- | --- |",
        *(f"| [{r.code}](#{anchor(r.code)}) | {r.severity.value} | {r.title} |" for r in rules),
        "",
    ]
    for stage in Stage:
        staged = [r for r in rules if r.stage is stage]
        if staged:
            lines += [f"## {stage.title} ({stage.value} codes)", ""]
            for rule in staged:
                lines += _entry(rule)
    return "\n".join(lines)
