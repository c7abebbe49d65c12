"""The checks on the second core find what the checks in one process find, whichever process
checks each page."""

from __future__ import annotations

import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from build_tools.checks.run import SiteReading, check_built_site, verify_site
from build_tools.source.load import load_content
from build_tools.speed import worker as speed_worker
from build_tools.speed.worker import CheckWorker

from .conftest import CORPUS_SIZE, ROOT, BuiltSite

SITE_URL = "https://exercises.example.org/"
PAGES = {"heel-press": "exercises/heel-press/index.html"}


@pytest.fixture(scope="module")
def broken_site(built_site: BuiltSite, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built site with a tip lost from the Heel Press page and a link of the home page
    misspelt."""
    site = tmp_path_factory.mktemp("broken") / "site"
    shutil.copytree(built_site.path, site)
    page = site / PAGES["heel-press"]
    html = page.read_text(encoding="utf-8")
    start = html.index('<ul class="tip-list">')
    first_tip = html.index("<li", start)
    page.write_text(html[:first_tip] + html[html.index("</li>", first_tip) + 5 :], "utf-8")
    home = site / "index.html"
    home.write_text(
        home.read_text("utf-8").replace('href="exercises/"', 'href="exercizes/"', 1),
        "utf-8",
    )
    return site


@pytest.mark.parametrize("backlog", [0, 10_000], ids=["every page here", "every page there"])
def test_the_worker_finds_what_one_process_finds(
    broken_site: Path, backlog: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(speed_worker, "_BACKLOG", backlog)
    content = load_content(ROOT / "content", ROOT)
    worker = CheckWorker(content)
    try:
        assert worker.record_findings() == []
        worker.read_pages(SiteReading("site", SITE_URL, PAGES))
        for path in sorted(broken_site.rglob("*.html")):
            worker.page(path.relative_to(broken_site).as_posix(), path.read_bytes())
        found = verify_site(worker.site(broken_site), content)
    finally:
        worker.close()
    expected = check_built_site(broken_site, "site", content, PAGES, SITE_URL)
    assert found == expected
    assert {d.code for d in found} == {"H102", "H104"}


def test_a_worker_that_dies_is_reported() -> None:
    content = load_content(ROOT / "content", ROOT)
    worker = CheckWorker(content)
    worker.record_findings()
    worker._process.kill()
    worker._process.join()
    with pytest.raises(speed_worker.WorkerFailed, match="ended early"):
        worker.read_pages(SiteReading("site", SITE_URL, PAGES))


def test_a_forked_build_has_the_worker_check_pages(corpus_site: BuiltSite) -> None:
    # The worker finds what the build would find itself, so only its count shows it was used.
    counts = re.search(
        r"Pages checked: (\d+) by the worker, (\d+) by the build", corpus_site.output
    )
    assert counts is not None, corpus_site.output[-2000:]
    by_worker, by_build = map(int, counts.groups())
    assert by_worker > 0
    assert by_worker + by_build > CORPUS_SIZE  # every exercise page, and the others


WAITING_BUILD = """
import sys
from pathlib import Path
from build_tools.source.load import load_content
from build_tools.speed.worker import CheckWorker

root = Path(sys.argv[1])
worker = CheckWorker(load_content(root / "content", root))
worker.record_findings()
print(worker._process.pid, flush=True)
sys.stdin.read()
"""


def test_the_worker_dies_with_a_build_that_is_killed() -> None:
    from .test_build_cleanup import alive

    build = subprocess.Popen(
        [sys.executable, "-c", WAITING_BUILD, str(ROOT)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert build.stdout is not None
        worker = int(build.stdout.readline())
        assert alive(worker)
        build.send_signal(signal.SIGKILL)
        build.wait()
        deadline = time.monotonic() + 5
        while alive(worker) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not alive(worker), f"the worker outlived the build: {worker}"
    finally:
        build.kill()
        build.wait()
        for stream in (build.stdin, build.stdout):
            if stream is not None:
                stream.close()
