"""Lighthouse (npm `lighthouse`, run by Node) on a page of a served site, with Debian's chromium:
the scores of each category, 0 to 100. The test asserts the ones that are not timings; the
benchmark prints performance, a timing."""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from .conftest import CHROMIUM, ROOT

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage"
FORM_FACTORS = ("mobile", "desktop")
PAGES = {
    "home": "",
    "heel-press": "exercises/heel-press/",
    "browse": "browse/muscle/soleus/",
    "filter": "browse/?muscle=soleus",
}
"""The pages the issue names: home, Heel Press, a browse page and the filter page."""


def audit(url: str, form_factor: str, categories: tuple[str, ...]) -> dict[str, Any]:
    """Lighthouse's report of `url` as a phone (its default) or a desktop sees it."""
    with tempfile.TemporaryDirectory() as work:
        report = Path(work) / "report.json"
        preset = ["--preset=desktop"] if form_factor == "desktop" else []
        done = subprocess.run(
            [
                str(LIGHTHOUSE),
                url,
                *preset,
                "--only-categories=" + ",".join(categories),
                "--output=json",
                f"--output-path={report}",
                f"--chrome-flags={CHROME_FLAGS}",
                "--quiet",
            ],
            env={**os.environ, "CHROME_PATH": CHROMIUM},
            capture_output=True,
            text=True,
            timeout=180,
            check=False,
        )
        if done.returncode != 0 or not report.is_file():
            raise RuntimeError(f"lighthouse failed on {url}: {done.stderr[-2000:]}")
        found: dict[str, Any] = json.loads(report.read_text())
        return found


def scores(report: dict[str, Any]) -> dict[str, int]:
    return {name: round(c["score"] * 100) for name, c in report["categories"].items()}


def failing(report: dict[str, Any], category: str) -> list[str]:
    """The audits that cost `category` points, with what Lighthouse says of each."""
    found = []
    for ref in report["categories"][category]["auditRefs"]:
        result = report["audits"][ref["id"]]
        if ref["weight"] and result["score"] is not None and result["score"] < 1:
            found.append(f"{ref['id']}: {result['title']}")
    return found
