"""The catalogue of checks for editors, generated from the registry so it can never drift."""

from __future__ import annotations

from .. import checks  # noqa: F401  (registers the checks and the codes)
from ..checks.registry import RULES, Rule


def anchor(code: str) -> str:
    return code.lower()


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def _entry(rule: Rule) -> list[str]:
    doc = rule.doc
    return [
        f"## {rule.code}: {rule.title} {{ #{anchor(rule.code)} }}",
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


FAMILIES = {
    "Y0": "Reading the files",
    "S1": "Record structure",
    "C1": "Identity",
    "C2": "Vocabulary",
    "C3": "Metadata and text agree",
    "C4": "Text hygiene",
    "C5": "Deep links",
    "C6": "The stance",
    "C7": "Page aliases",
    "C8": "A reference of thousands",
    "C9": "Credit and related exercises",
    "T0": "Rendering",
    "H1": "Built site",
    "D0": "Drafts",
}
"""Codes by their first two characters, one page each: one page for all would be too long."""

CATALOGUE_DIR = "reference/checks"


def family(code: str) -> str:
    return code[:2]


def family_page(code: str) -> str:
    """The catalogue page of a code, relative to the catalogue's folder."""
    return f"{family(code).lower()}.md"


def catalogue_pages() -> dict[str, str]:
    """Markdown of the catalogue: an index of every code, and one page per family of codes."""
    rules = sorted(RULES.values(), key=lambda r: ("YSCTHD".index(r.code[0]), r.code))
    index = [
        "# Checks",
        "",
        "Every problem the build finds has a permanent code. These pages are generated from the",
        "registry in `build_tools/` at every build.",
        "",
        "`python -m build_tools check` reads and checks every record without building the",
        "site; `mkdocs build` runs the same checks, then checks the pages it built (the H",
        "codes). Each finding is one line, *file:line:column: code message*, and every",
        "finding of a run is printed at once. Errors stop the build; warnings stop it only",
        "with `--strict`. A build that stops leaves the site built before it untouched.",
        "Notes never stop a build: they are what is said of drafts (`draft: true`), which",
        "are checked but never published; their findings are told as notes too.",
        "",
        "| Code | Severity | Catches |",
        "| --- | --- | --- |",
        *(
            f"| [{r.code}]({family_page(r.code)}#{anchor(r.code)}) | {r.severity.value}"
            f" | {r.title} |"
            for r in rules
        ),
        "",
    ]
    pages = {f"{CATALOGUE_DIR}/index.md": "\n".join(index)}
    for prefix, title in FAMILIES.items():
        members = [r for r in rules if family(r.code) == prefix]
        if not members:
            continue
        lines = [f"# {title}: {prefix}xx", "", "[All checks](index.md)", ""]
        for rule in members:
            lines += _entry(rule)
        pages[f"{CATALOGUE_DIR}/{family_page(prefix)}"] = "\n".join(lines)
    return pages
