"""The coach's handout of a sheet of three exercises: its printed pages and what "Save for
offline" stores, measured in Debian's chromium.

    .venv/bin/python tests/bench/sheet.py

Builds Heel Press and two generated exercises into a temporary folder, opens a sheet of the
three with two of Heel Press's answers and a note on each, prints it to an A4 PDF and saves it
for offline, and prints the page count and the offline cache's files and bytes.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from playwright.sync_api import sync_playwright  # noqa: E402

from tests.browser.conftest import DESKTOP, serve  # noqa: E402
from tests.browser.test_sheet import (  # noqa: E402
    READY,
    _built,
    _handout,
    _save_offline,
    _three_exercises,
)
from tests.conftest import CHROMIUM  # noqa: E402


def main() -> int:
    with tempfile.TemporaryDirectory() as temporary:
        work = Path(temporary)
        project = _three_exercises(work / "project")
        slugs = sorted(p.stem for p in (project / "content").glob("*.yaml"))
        with serve(_built(project)) as base, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM)
            context = browser.new_context(viewport=DESKTOP)
            page = context.new_page()
            _handout(page, base, slugs)
            page.wait_for_selector(READY)
            pdf = work / "sheet.pdf"
            page.pdf(path=str(pdf), format="A4")
            info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True)
            pages = next(
                line.split()[-1] for line in info.stdout.splitlines() if line.startswith("Pages:")
            )
            saved = _save_offline(page)
            browser.close()
    print("sheet of three exercises (two answers, three notes)")
    print(f"  handout pages (A4): {pages}")
    print(f"  offline cache: {saved['files']} files, {saved['bytes']:,} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
