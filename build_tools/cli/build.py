"""`python -m build_tools build`: the whole path, with the generator of your choice."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..build.generators import GENERATORS, build


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "build",
        help="check, render and build the site; a failed build leaves the previous site as it was",
    )
    parser.add_argument(
        "--root", type=Path, default=Path("."), help="the folder holding mkdocs.yml"
    )
    parser.add_argument(
        "--with", dest="generator", choices=GENERATORS, default="mkdocs", help="the generator"
    )
    parser.add_argument(
        "-d", "--site-dir", type=Path, default=None, help="the output folder (as mkdocs build -d)"
    )
    parser.add_argument(
        "--no-strict", dest="strict", action="store_false", help="warnings do not stop the build"
    )


def run(args: argparse.Namespace) -> int:
    return build(args.root, args.generator, args.site_dir, strict=args.strict).status
