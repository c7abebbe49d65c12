"""A wger export to import at scale: wger's own fixtures written as pages of its REST API's
`/api/v2/exerciseinfo/`, in the shape of `ExerciseInfoSerializer` (wger/exercises/api/
serializers.py), so that `python -m build_tools import wger` reads them as it would read the API.

    python -m tests.bench.wger_export OUT        # OUT/page-001.json, page-002.json, …

The fixtures are read from the wger repository: `$WGER_REPO` (a checkout, or a bare git
folder), else the mirror this machine keeps. Only code is committed here, never wger's data.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

MIRROR = Path("/work/.mirror/wger-project+wger/repo")
FIXTURES = {
    "exercises": "wger/exercises/fixtures/exercise-base-data.json",
    "translations": "wger/exercises/fixtures/translations.json",
    "muscles": "wger/exercises/fixtures/muscles.json",
    "equipment": "wger/exercises/fixtures/equipment.json",
    "categories": "wger/exercises/fixtures/categories.json",
    "licenses": "wger/core/fixtures/licenses.json",
}
API = "https://wger.de/api/v2/exerciseinfo/"


def repository() -> Path:
    return Path(os.environ.get("WGER_REPO", MIRROR))


def read_fixture(repo: Path, path: str) -> list[dict[str, Any]]:
    if (repo / path).is_file():
        return json.loads((repo / path).read_text(encoding="utf-8"))
    shown = subprocess.run(
        ["git", "-C", str(repo), "show", f"HEAD:{path}"],
        capture_output=True,
        check=True,
    )
    return json.loads(shown.stdout)


def _by_pk(rows: list[dict[str, Any]]) -> dict[int, dict[str, Any]]:
    return {row["pk"]: row["fields"] for row in rows}


def exercise_infos(repo: Path) -> list[dict[str, Any]]:
    """Every exercise of the fixtures as `/api/v2/exerciseinfo/` serves it."""
    data = {name: read_fixture(repo, path) for name, path in FIXTURES.items()}
    muscles = _by_pk(data["muscles"])
    equipment = _by_pk(data["equipment"])
    categories = _by_pk(data["categories"])
    licenses = _by_pk(data["licenses"])
    translations: dict[int, list[dict[str, Any]]] = defaultdict(list)
    aliases: dict[int, list[dict[str, Any]]] = defaultdict(list)
    notes: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for row in data["translations"]:
        fields, pk = row["fields"], row["pk"]
        if row["model"] == "exercises.alias":
            aliases[fields["translation"]].append(
                {"id": pk, "uuid": fields["uuid"], "alias": fields["alias"]}
            )
        elif row["model"] == "exercises.exercisecomment":
            notes[fields["translation"]].append(
                {
                    "id": pk,
                    "uuid": fields["uuid"],
                    "translation": fields["translation"],
                    "comment": fields["comment"],
                }
            )
    for row in data["translations"]:
        if row["model"] != "exercises.translation":
            continue
        fields, pk = row["fields"], row["pk"]
        translations[fields["exercise"]].append(
            {
                "id": pk,
                "uuid": fields["uuid"],
                "name": fields["name"],
                "exercise": fields["exercise"],
                "description": fields["description"],
                "description_source": fields.get("description_source"),
                "created": fields["created"],
                "language": fields["language"],
                "aliases": aliases[pk],
                "notes": notes[pk],
                "license": fields["license"],
                "license_title": fields.get("license_title", ""),
                "license_object_url": fields.get("license_object_url", ""),
                "license_author": fields.get("license_author", ""),
                "license_author_url": fields.get("license_author_url", ""),
                "license_derivative_source_url": fields.get("license_derivative_source_url", ""),
                # The fixtures keep no history: the author is the whole of it.
                "author_history": [a for a in [fields.get("license_author")] if a],
            }
        )

    def muscle(pk: int) -> dict[str, Any]:
        fields = muscles[pk]
        return {
            "id": pk,
            "name": fields["name"],
            "name_en": fields.get("name_en", ""),
            "is_front": fields.get("is_front", True),
            "image_url_main": f"/static/images/muscles/main/muscle-{pk}.svg",
            "image_url_secondary": f"/static/images/muscles/secondary/muscle-{pk}.svg",
        }

    infos = []
    for row in sorted(data["exercises"], key=lambda r: r["pk"]):
        fields, pk = row["fields"], row["pk"]
        license_ = licenses.get(fields["license"], {})
        category = fields.get("category")
        infos.append(
            {
                "id": pk,
                "uuid": fields["uuid"],
                "created": fields["created"],
                "last_update": fields["last_update"],
                "last_update_global": fields["last_update"],
                "category": (
                    {"id": category, "name": categories[category]["name"]} if category else None
                ),
                "muscles": [muscle(m) for m in fields.get("muscles", [])],
                "muscles_secondary": [muscle(m) for m in fields.get("muscles_secondary", [])],
                "equipment": [
                    {"id": e, "name": equipment[e]["name"]} for e in fields.get("equipment", [])
                ],
                "license": {"id": fields["license"], **license_},
                "license_author": fields.get("license_author", ""),
                "images": [],
                "translations": translations[pk],
                "variation_group": fields.get("variation_group"),
                "videos": [],
                "author_history": [a for a in [fields.get("license_author")] if a],
                "total_authors_history": [a for a in [fields.get("license_author")] if a],
            }
        )
    return infos


def write_pages(infos: list[dict[str, Any]], out: Path, page_size: int = 100) -> list[Path]:
    """The exercises as API pages, each with `count`, `next` and `previous` as the API sets
    them."""
    out.mkdir(parents=True, exist_ok=True)
    pages = [infos[i : i + page_size] for i in range(0, len(infos), page_size)] or [[]]
    written = []
    for number, results in enumerate(pages):
        offset = number * page_size

        def link(to: int) -> str | None:
            if to < 0 or to >= len(pages):
                return None
            return f"{API}?limit={page_size}&offset={to * page_size}"

        page = {
            "count": len(infos),
            "next": link(number + 1),
            "previous": link(number - 1) if offset else None,
            "results": results,
        }
        path = out / f"page-{number + 1:03d}.json"
        path.write_text(json.dumps(page, ensure_ascii=False, indent=1), encoding="utf-8")
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.bench.wger_export", description=__doc__)
    parser.add_argument("out", type=Path, help="the folder to write the pages into")
    parser.add_argument("--page-size", type=int, default=100)
    args = parser.parse_args(argv)
    try:
        infos = exercise_infos(repository())
    except (OSError, subprocess.CalledProcessError) as error:
        print(f"cannot read wger's fixtures from {repository()}: {error}", file=sys.stderr)
        return 2
    pages = write_pages(infos, args.out, args.page_size)
    print(f"{len(infos)} exercises in {len(pages)} pages under {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
