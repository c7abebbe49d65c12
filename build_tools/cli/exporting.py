"""`python -m build_tools export free-exercise-db|wger OUT`: the published records in the shape
another app reads (`site/export.py`), from records that pass every check; drafts never."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from ..build.config import read_config
from ..build.pipeline import Project, run
from ..diagnostics import has_errors, summary
from ..licenses import LICENSES
from ..site import export
from ..site.history import record_history


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "export", help="write the published records as free-exercise-db or wger data"
    )
    parser.add_argument("format", choices=export.FORMATS, help="the shape to write")
    parser.add_argument("out", type=Path, help="the JSON file to write")
    parser.add_argument(
        "--root", type=Path, default=Path("."), help="the folder holding mkdocs.yml"
    )
    parser.add_argument(
        "--license",
        choices=sorted(LICENSES),
        default=None,
        help="wger: the licence of the site's own text (records without credit); without it"
        " such records carry no licence, and wger's importer leaves them out",
    )


def run_export(args: argparse.Namespace) -> int:
    config = read_config(args.root)
    result = run(Project.at(args.root), render=False)
    errors = [d for d in result.diagnostics if d.is_error]
    if has_errors(result.diagnostics) or result.content.vocabulary is None:
        for diagnostic in errors:
            print(diagnostic.format(), file=sys.stderr)
        print(f"{summary(errors)}: nothing was written", file=sys.stderr)
        return 1
    content, vocabulary = result.content, result.content.vocabulary
    document: Any
    if args.format == "wger":
        paths = {e.slug: config.root / e.source.path for e in content.exercises}
        history = record_history(config.content_dir, paths.values())
        if history.note:
            print(history.note, file=sys.stderr)
        document = export.wger(
            content.exercises,
            vocabulary,
            site_url=config.site_url,
            site_name=config.site_name,
            dates={slug: history.dates[path.resolve()] for slug, path in paths.items()},
            own_license=args.license,
        )
    else:
        document = export.free_exercise_db(content.exercises, vocabulary)
    text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    try:
        args.out.write_text(text, encoding="utf-8")
    except OSError as error:
        print(f"error: cannot write {args.out}: {error}", file=sys.stderr)
        return 2
    print(f"{args.format}: {len(content.exercises):,} exercises written to {args.out}")
    return 0
