"""`python -m build_tools import free-exercise-db|wger PATH`: records from open exercise data."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..imports.run import SOURCES, Options, import_source


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "import",
        help="write records from free-exercise-db or wger data; a failed import writes nothing",
    )
    parser.add_argument("source", choices=SOURCES, help="the format of PATH")
    parser.add_argument(
        "path",
        type=Path,
        help="free-exercise-db: its exercises.json or a folder of one file per exercise;"
        " wger: a page of /api/v2/exerciseinfo/ or a folder of pages",
    )
    parser.add_argument(
        "--root", type=Path, default=Path("."), help="the folder holding mkdocs.yml"
    )
    parser.add_argument(
        "--into", type=Path, default=None, help="the records' folder (default: ROOT/content)"
    )
    parser.add_argument(
        "--language",
        default="en",
        help="wger: the translation to take, by code (en, de) or wger's language id",
    )


def run(args: argparse.Namespace) -> int:
    into = args.into if args.into is not None else args.root / "content"
    options = Options(args.source, args.path, into, args.root, args.language)
    try:
        outcome, problems = import_source(options)
    except OSError as error:  # the tool itself failed, not the data
        print(f"error: {error}", file=sys.stderr)
        return 2
    if problems:
        for problem in problems:
            print(problem, file=sys.stderr)
        count = len(problems)
        print(
            f"{count} problem{'s' if count != 1 else ''} in the input: nothing was written",
            file=sys.stderr,
        )
        return 1
    print(f"{args.source}: {outcome.read:,} exercises read")
    print("\n".join(outcome.lines()))
    return 0
