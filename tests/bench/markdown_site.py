"""The obvious way, for comparison: the same records as plain Markdown pages in `docs/`, built by
MkDocs + Material with their default configuration (every page in the navigation, the theme's
search on). Written from the record files, so both sites hold the same text.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

CONFIG = "site_name: Exercise Reference (default build)\ntheme:\n  name: material\n"


def markdown(record: dict[str, Any]) -> str:
    muscles = record["muscles"]
    lines = [f"# {record['name']}", "", record["summary"], "", "## At a glance", ""]
    lines += [f"- **Primary muscles:** {', '.join(muscles['primary'])}"]
    if muscles.get("secondary"):
        lines += [f"- **Secondary muscles:** {', '.join(muscles['secondary'])}"]
    lines += [
        f"- **Equipment:** {', '.join(record['equipment'])}",
        f"- **Level:** {record['level']}",
        f"- **Category:** {record['category']}",
        "",
        "## Description",
        "",
    ]
    for paragraph in record["description"]:
        lines += [paragraph, ""]
    lines += ["## Instructions", ""]
    lines += [f"{n}. {step['text']}" for n, step in enumerate(record["instructions"], 1)]
    lines += ["", "## Tips & Tricks", ""]
    lines += [f"- {tip}" for tip in record["tips"]]
    lines += ["", "## Frequently Asked Questions", ""]
    for entry in record["faq"]:
        lines += [f"### {entry['question']}", "", entry["answer"], ""]
    return "\n".join(lines)


def write_markdown_project(records_dir: Path, dest: Path) -> Path:
    """`dest/mkdocs.yml` and one `docs/<slug>.md` per record in `records_dir`."""
    docs = dest / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    (dest / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    (docs / "index.md").write_text("# Exercise Reference\n", encoding="utf-8")
    for path in sorted(records_dir.glob("*.yaml")):
        record = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
        (docs / f"{record['slug']}.md").write_text(markdown(record), encoding="utf-8")
    return dest
