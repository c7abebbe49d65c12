"""`python -m build_tools check`: every finding, one per line, without building the site."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from ..build.pipeline import Project, run
from ..diagnostics import escalated, has_errors, summary
from ..report import FORMATS, render
from . import build as build_command
from . import exporting as export_command
from . import importing as import_command
from .lock import write_lock


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m build_tools")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="check every record without building the site")
    check.add_argument("--root", type=Path, default=Path("."), help="the folder holding mkdocs.yml")
    check.add_argument("--strict", action="store_true", help="treat warnings as errors")
    check.add_argument(
        "--format",
        choices=FORMATS,
        default="text",
        help="text (file:line:col: CODE message), github (workflow annotations) or json",
    )
    check.add_argument(
        "--show-waived",
        action="store_true",
        help="also print the findings that records waive, each with its waiver's reason",
    )
    lock = commands.add_parser("lock", help="add the current deep links to content/anchors.lock")
    lock.add_argument("--root", type=Path, default=Path("."), help="the folder holding mkdocs.yml")
    build_command.add_parser(commands)
    import_command.add_parser(commands)
    export_command.add_parser(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "lock":
        return write_lock(Project.at(args.root))
    if args.command == "build":
        return build_command.run(args)
    if args.command == "import":
        return import_command.run(args)
    if args.command == "export":
        return export_command.run_export(args)
    try:
        result = run(Project.at(args.root), render=True)
    except OSError as error:  # the tool itself failed, not the content
        print(f"error: {error}", file=sys.stderr)
        return 2
    diagnostics = escalated(result.diagnostics, args.strict)
    waived = result.waived if args.show_waived else ()
    sys.stdout.write(render(diagnostics, args.format, waived))
    print(summary(diagnostics, len(result.waived)), file=sys.stderr)
    return 1 if has_errors(diagnostics) else 0
