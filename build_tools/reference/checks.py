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
    "W0": "Waivers",
    "W1": "Choosing the checks",
}
"""Codes by their first two characters, one page each: one page for all would be too long."""

CATALOGUE_DIR = "reference/checks"

CONFIGURATION = """\
## Choosing the checks { #configuration }

A project chooses its codes in its `pyproject.toml`, the way ruff chooses its rules; without the
table, every code is reported at its own severity.

```toml
[tool.exercise-reference.checks]
select = ["C", "H"]             # codes or prefixes of them; without select, every code
ignore = ["C403"]               # codes or prefixes not reported
severity = { C3 = "warning", C301 = "error" }   # re-grade: "error" or "warning"

# Patterns are paths relative to the project root: * and ? stay inside a folder, **/ is any
# number of folders. Each pattern may ignore and re-grade codes for the files it matches.
[tool.exercise-reference.checks.per-path."content/imported/*.yaml"]
ignore = ["C301"]
severity = { C302 = "warning" }
```

The most specific entry decides: a code beats a prefix of it, a longer prefix a shorter one,
and `ignore` beats `select` when both are as specific (with `select = ["C3"]` and
`ignore = ["C302"]`, C301 is reported and C302 is not). The `per-path` settings come after the
global ones: a matching pattern's `ignore` drops the finding whatever `select` says, and its
`severity` beats the global one. `--strict` still makes every warning that is reported an error.

Some codes always count, whatever the configuration: a file that cannot be read or fails the
schema (Y and S codes) yields no record; a term the vocabulary lacks (C201), a stance the
figure cannot draw (C6xx) and a template error (T) yield no page; and a mistake in this table
(W1) is always an error. Ignoring or re-grading them is a finding itself (W103), and
every other mistake in the table is one too (W101, W102), at its line in `pyproject.toml`. The
waivers' findings (W0) are reported whatever `select` says, unless ignored.
"""

WAIVERS = """\
## Waiving one finding { #waivers }

A record keeps a finding an editor has read, on one field, with the reason, in its `waive`
list:

```yaml
tips:
  # ...
  - >-
    Move into the wall slowly and keep the hamstrings loose.
waive:
  - code: C302
    at: tips[5]
    reason: The hamstrings are named to say what stays loose, not what the exercise works.
```

`at` is the field as the finding prints it (`tips[5]`, `faq[2].answer`); the waiver covers
findings of its code on that field and inside it, and without `at`, anywhere in the record.
The reason is required. Only the record checks (C codes) can be waived, and of them not those
that always count (W002): the built-site checks are chosen in the configuration above. A
waiver that matches no finding, because the text it excused has changed or the configuration
no longer reports its code, is a finding itself (W001, a warning): remove it. `--strict`
honours waivers and the configuration alike.

Waived findings are not printed: the summary line counts them (`no problems found; 2 waived`),
and `python -m build_tools check --show-waived` prints each with its waiver:

```text
{shown}
```
"""

SHOWN_WAIVED = (
    "content/heel-press.yaml:101:5: C302 tips[5] names 'hamstrings' (muscles 'hamstrings'), "
    "which the record does not declare",
    "    note: content/heel-press.yaml:158:5: waived: The hamstrings are named to say what stays "
    "loose, not what the exercise works.",
)
"""What `check --show-waived` prints for the example above (a test runs it on Heel Press)."""


def family(code: str) -> str:
    return code[:2]


def family_page(code: str) -> str:
    """The catalogue page of a code, relative to the catalogue's folder."""
    return f"{family(code).lower()}.md"


def catalogue_pages() -> dict[str, str]:
    """Markdown of the catalogue: an index of every code, and one page per family of codes."""
    rules = sorted(RULES.values(), key=lambda r: ("YSCTHDW".index(r.code[0]), r.code))
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
        "A project may choose which codes it reports and how hard they count, and a record may",
        "waive one finding with a reason: see [Choosing the checks](#configuration) and",
        "[Waiving one finding](#waivers) below.",
        "",
        "| Code | Severity | Catches |",
        "| --- | --- | --- |",
        *(
            f"| [{r.code}]({family_page(r.code)}#{anchor(r.code)}) | {r.severity.value}"
            f" | {r.title} |"
            for r in rules
        ),
        "",
        CONFIGURATION,
        WAIVERS.replace("{shown}", "\n".join(SHOWN_WAIVED)),
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
