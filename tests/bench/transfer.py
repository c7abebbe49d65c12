"""Measure what a reader downloads to open a page: every response, gzip-compressed, by kind.

    .venv/bin/python tests/bench/transfer.py [--site DIR] [PATH ...]

Builds the site into a temporary folder (or takes a built one), serves it on 127.0.0.1, opens
each page in Debian's chromium and records every response until the network is idle. Sizes
are the bodies gzip-compressed at level 6 (a typical server setting); the budget is for
HTML + CSS + JS + fonts. A benchmark, not a test: it prints numbers and asserts nothing.
"""

from __future__ import annotations

import argparse
import gzip
import sys
import tempfile
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import Response, sync_playwright

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.browser.conftest import DESKTOP, serve  # noqa: E402
from tests.conftest import (  # noqa: E402
    CHROMIUM,
    CHROMIUM_ARGS,
    mkdocs_build,
)

BUDGET_KB = 100
KINDS = {
    "document": "html",
    "stylesheet": "css",
    "script": "js",
    "font": "font",
}
COUNTED = ("html", "css", "js", "font")


def kind_of(response: Response) -> str:
    kind = KINDS.get(response.request.resource_type)
    if kind:
        return kind
    path = urlsplit(response.url).path
    if path.endswith(".js"):
        return "js"  # the search worker is fetched as a script by a worker, not the page
    return "other"


def measure(base: str, path: str) -> list[tuple[str, str, int, int]]:
    """(kind, path, raw bytes, gzip bytes) of every response while `path` loads."""
    found: list[tuple[str, str, int, int]] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport=DESKTOP)
        page = context.new_page()
        responses: list[Response] = []
        page.on("response", lambda response: responses.append(response))
        page.goto(base + path, wait_until="networkidle")
        for response in responses:
            body = response.body()
            found.append(
                (
                    kind_of(response),
                    urlsplit(response.url).path,
                    len(body),
                    len(gzip.compress(body, compresslevel=6)),
                )
            )
        context.close()
        browser.close()
    return found


def report(path: str, rows: list[tuple[str, str, int, int]]) -> None:
    print(f"\n/{path}")
    print(f"  {'kind':<6} {'raw KB':>8} {'gzip KB':>8}  file")
    for kind, url, raw, packed in sorted(rows):
        print(f"  {kind:<6} {raw / 1024:8.1f} {packed / 1024:8.1f}  {url}")
    totals: dict[str, int] = defaultdict(int)
    for kind, _, _, packed in rows:
        totals[kind] += packed
    counted = sum(totals[kind] for kind in COUNTED)
    parts = ", ".join(f"{kind} {totals[kind] / 1024:.1f}" for kind in (*COUNTED, "other"))
    print(f"  by kind (gzip KB): {parts}")
    verdict = "within" if counted <= BUDGET_KB * 1024 else "OVER"
    print(
        f"  total HTML+CSS+JS+fonts: {counted / 1024:.1f} KB gzip"
        f" ({verdict} the {BUDGET_KB} KB budget); everything: {sum(totals.values()) / 1024:.1f} KB"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="an already built site (default: build one)")
    parser.add_argument("paths", nargs="*", default=["exercises/heel-press/", ""])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        site = args.site
        if site is None:
            site = Path(scratch) / "site"
            done = mkdocs_build(ROOT, site)
            if done.returncode != 0:
                print(done.stdout + done.stderr, file=sys.stderr)
                return 2
        with serve(site) as base:
            for path in args.paths:
                report(path, measure(base, path))
    return 0


if __name__ == "__main__":
    sys.exit(main())
