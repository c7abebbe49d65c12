"""Real text to try the prose checks on: every exercise of free-exercise-db and every English
translation of wger's fixtures, as draft records with every word of the source kept.

Unlike `corpus.py`, nothing is written to please the checks: the name, the steps (free-exercise-db)
and the description (wger, its HTML turned into paragraphs and `- item` lines) are the source's
own, and the fields the source lacks are left out, which makes each record a draft. What the
source classifies is mapped as `corpus.py` maps it; wger's terms that our vocabulary lacks are
added to the copied vocabulary with wger's names as aliases, as an import would.

    python -m tests.bench.real_text free-exercise-db exercises.json DEST
    python -m tests.bench.real_text wger WGER_GIT_DIR DEST

The records go into DEST only (a temporary folder): the corpora's text is never committed.
"""

from __future__ import annotations

import html
import json
import re
import subprocess
import sys
from collections.abc import Iterable, Mapping
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import yaml

from .corpus import CATEGORIES, EQUIPMENT, MUSCLES, ROOT, dump, project_frame, slugify

WGER_ENGLISH = 2
SUMMARY_LIMIT = 200
WGER_MUSCLES: dict[int, str] = {
    1: "biceps",
    2: "deltoids",
    3: "serratus-anterior",
    4: "pectorals",
    5: "triceps",
    6: "abdominals",
    7: "gastrocnemius",
    8: "glutes",
    9: "trapezius",
    10: "quadriceps",
    11: "hamstrings",
    12: "lats",
    13: "brachialis",
    14: "obliques",
    15: "soleus",
    16: "lower-back",
}
WGER_EQUIPMENT: dict[int, str] = {
    1: "barbell",
    2: "ez-curl-bar",
    3: "dumbbell",
    4: "gym-mat",
    5: "exercise-ball",
    6: "pull-up-bar",
    7: "body-weight",
    8: "bench",
    9: "incline-bench",
    10: "kettlebell",
    11: "resistance-band",
    12: "cable",
}
# Terms of wger that our vocabulary lacks, under the ids the wger import gives them.
WGER_NEW_TERMS: dict[str, dict[str, dict[str, Any]]] = {
    "muscles": {
        "serratus-anterior": {"name": "Serratus anterior", "aliases": ["serratus anterior"]},
        "brachialis": {"name": "Brachialis", "aliases": ["brachialis"]},
    },
    "equipment": {
        "gym-mat": {"name": "Gym mat", "aliases": ["gym mat"], "mentions": ["mat"]},
        "pull-up-bar": {"name": "Pull-up bar", "aliases": ["pull-up bar"], "mentions": ["bar"]},
        "incline-bench": {
            "name": "Incline bench",
            "aliases": ["incline bench"],
            "mentions": ["bench"],
        },
    },
}
WGER_LICENSES = {1: "CC-BY-SA-3.0", 2: "CC-BY-SA-4.0", 3: "CC0-1.0", 4: "CC-BY-4.0", 5: "ODbL-1.0"}


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


def free_exercise_db(raw: Mapping[str, Any]) -> dict[str, Any]:
    """One free-exercise-db exercise as a draft record (slug left to `write_project`)."""
    primary = _unique(m for name in raw.get("primaryMuscles") or () for m in MUSCLES[name])
    secondary = _unique(
        m for name in raw.get("secondaryMuscles") or () for m in MUSCLES[name] if m not in primary
    )
    record: dict[str, Any] = {"name": " ".join(raw["name"].split()), "draft": True}
    record["category"] = CATEGORIES[raw["category"]]
    record["level"] = raw["level"]
    record["equipment"] = [EQUIPMENT[raw.get("equipment")]]
    if primary:
        record["muscles"] = {"primary": primary, **({"secondary": secondary} if secondary else {})}
    steps = [text for text in raw.get("instructions") or () if text.strip()]
    if steps:
        record["instructions"] = [
            {"id": f"step-{n}", "text": text} for n, text in enumerate(steps, 1)
        ]
    return record


class _Paragraphs(HTMLParser):
    """wger's description HTML as our paragraphs: one per `<p>`, a list as `- item` lines
    (`1. item` for `<ol>`); inline markup is dropped, its words kept."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.current: list[str] = []
        self.lists: list[list[Any]] = []  # [ordered, counter, lines]

    def _flush(self) -> None:
        text = " ".join("".join(self.current).split())
        self.current = []
        if not text:
            return
        if self.lists:
            ordered, number, lines = self.lists[-1]
            marker = f"{number}." if ordered else "-"
            lines.append(f"{'  ' * (len(self.lists) - 1)}{marker} {text}")
        else:
            self.blocks.append(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"p", "br", "div", "h1", "h2", "h3", "h4"}:
            self._flush()
        elif tag in {"ul", "ol"}:
            self._flush()
            self.lists.append([tag == "ol", 0, []])
        elif tag == "li" and self.lists:
            self._flush()
            self.lists[-1][1] += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in {"p", "li", "div", "h1", "h2", "h3", "h4"}:
            self._flush()
        elif tag in {"ul", "ol"} and self.lists:
            self._flush()
            _, _, lines = self.lists.pop()
            if self.lists:
                self.lists[-1][2].extend(lines)
            elif lines:
                self.blocks.append("\n".join(lines))

    def handle_data(self, data: str) -> None:
        self.current.append(data)

    def close(self) -> None:
        super().close()
        self._flush()
        while self.lists:
            self.handle_endtag("ul")


def paragraphs(markup: str) -> list[str]:
    parser = _Paragraphs()
    parser.feed(markup)
    parser.close()
    return parser.blocks


_FIRST_SENTENCE = re.compile(r"^.*?[.?!](?=\s|$)", re.DOTALL)


_MARKERS = re.compile(r"^(?:\s*(?:[-*]|\d+[.)])\s+)+")


def first_sentence(text: str) -> str:
    """The first sentence of a paragraph, list markers aside (the whole first line when it has
    no end mark)."""
    line = _MARKERS.sub("", text.splitlines()[0])
    found = _FIRST_SENTENCE.match(line)
    return (found.group(0) if found else line).strip()


def wger(git_dir: Path) -> list[dict[str, Any]]:
    """Every English translation of wger's fixtures as a draft record."""

    def fixture(name: str) -> list[dict[str, Any]]:
        out = subprocess.run(
            ["git", "-C", str(git_dir), "show", f"HEAD:wger/exercises/fixtures/{name}.json"],
            check=True,
            capture_output=True,
        ).stdout
        loaded: list[dict[str, Any]] = json.loads(out)
        return loaded

    bases = {item["pk"]: item["fields"] for item in fixture("exercise-base-data")}
    records = []
    for item in fixture("translations"):
        fields = item["fields"]
        if fields.get("language") != WGER_ENGLISH or not fields["name"].strip():
            continue
        base = bases.get(fields["exercise"], {})
        record: dict[str, Any] = {"name": " ".join(html.unescape(fields["name"]).split())}
        record["draft"] = True
        blocks = paragraphs(fields["description"])
        if blocks:
            summary = first_sentence(blocks[0])
            if (
                len(summary) <= SUMMARY_LIMIT
            ):  # the schema's bound: a longer one is left to an editor
                record["summary"] = summary
            record["description"] = blocks
        if base.get("category") == 15:
            record["category"] = "cardio"
        equipment = _unique(WGER_EQUIPMENT[e] for e in base.get("equipment", ()))
        if equipment:
            record["equipment"] = equipment
        primary = _unique(WGER_MUSCLES[m] for m in base.get("muscles", ()))
        secondary = _unique(
            WGER_MUSCLES[m]
            for m in base.get("muscles_secondary", ())
            if WGER_MUSCLES[m] not in primary
        )
        if primary:
            record["muscles"] = {
                "primary": primary,
                **({"secondary": secondary} if secondary else {}),
            }
        author = fields.get("license_author", "").strip()
        record["credit"] = [
            {
                "license": WGER_LICENSES[fields["license"]],
                **({"author": [author]} if author else {}),
                "source": f"https://wger.de/en/exercise/{fields['exercise']}/view/",
            }
        ]
        records.append(record)
    return records


def write_project(
    dest: Path, records: Iterable[dict[str, Any]], new_terms: Mapping[str, Mapping[str, Any]] = {}
) -> Path:
    """A project at `dest` with these records (slugs from names, made unique) and the project's
    vocabulary plus `new_terms`."""
    content = project_frame(dest)
    terms_file = ROOT / "content" / "vocabulary" / "terms.yaml"
    terms = yaml.safe_load(terms_file.read_text(encoding="utf-8"))
    for kind, added in new_terms.items():
        terms[kind].update(added)
    header = "# yaml-language-server: $schema=../../build_tools/schemas/vocabulary.schema.json\n"
    (content / "vocabulary" / "terms.yaml").write_text(
        header + yaml.safe_dump(terms, sort_keys=False, allow_unicode=True), encoding="utf-8"
    )
    taken: set[str] = set()
    for record in records:
        slug = slugify(record["name"]) or "exercise"
        candidate, n = slug, 2
        while candidate in taken:
            candidate, n = f"{slug}-{n}", n + 1
        taken.add(candidate)
        data = {"name": record["name"], "slug": candidate, **record}
        (content / f"{candidate}.yaml").write_text(dump(data), encoding="utf-8")
    return dest


def main(argv: list[str]) -> int:
    kind, source, dest = argv
    if kind == "free-exercise-db":
        raw = json.loads(Path(source).read_text(encoding="utf-8"))
        write_project(Path(dest), (free_exercise_db(item) for item in raw))
    elif kind == "wger":
        write_project(Path(dest), wger(Path(source)), WGER_NEW_TERMS)
    else:
        print(f"unknown corpus {kind!r}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
