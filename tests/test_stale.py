"""What a rebuild keeps from an earlier build is let go once its source changed: the facts of a
built page are read again when its file is not the one they were read from."""

from __future__ import annotations

import shutil
from pathlib import Path

from build_tools.checks.run import SiteReading, verify_site
from build_tools.source.load import load_content

from .conftest import ROOT, BuiltSite

SITE_URL = "https://exercises.example.org/"
PAGES = {"heel-press": "exercises/heel-press/index.html"}


def test_a_page_rewritten_since_the_last_read_is_read_again(
    built_site: BuiltSite, tmp_path: Path
) -> None:
    site = tmp_path / "site"
    shutil.copytree(built_site.path, site)
    content = load_content(ROOT / "content", ROOT)
    reading = SiteReading("site", SITE_URL, PAGES)
    first = reading.reader(content).site(site)
    assert verify_site(first, content) == []

    home = site / "index.html"
    html = home.read_text("utf-8")
    assert 'href="exercises/"' in html
    home.write_text(html.replace('href="exercises/"', 'href="exercizes/"', 1), "utf-8")
    again = reading.reader(content, known=first.pages).site(site)

    assert [(d.code, d.location.path) for d in verify_site(again, content)] == [
        ("H104", "site/index.html")
    ]
    # The pages left alone keep the facts of the first read: only the rewritten one is read.
    kept = [uri for uri, facts in again.pages.items() if facts is first.pages[uri]]
    assert sorted(kept) == sorted(uri for uri in first.pages if uri != "index.html")
