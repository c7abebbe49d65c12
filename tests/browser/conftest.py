"""Browser fixtures: the built site served on 127.0.0.1 and Debian's chromium driven by Playwright.

Never a downloaded browser: `executable_path` points at the system chromium.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page

from ..conftest import ROOT, BuiltSite, build_site, copy_project

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
NODE_MODULES = ROOT / "node_modules"
# Ids renamed in the `renamed_site_url` copy, old → new; each keeps its old id as an alias.
RENAMED_IDS = {"heel-lift": "heel-rise", "lean-in": "lean-forward"}


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def serve(directory: Path) -> Iterator[str]:
    """A static server for `directory` on an ephemeral loopback port, while in the block: its
    base URL."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def site_url(built_site: BuiltSite) -> Iterator[str]:
    with serve(built_site.path) as url:
        yield url


@pytest.fixture(scope="session")
def renamed_site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The site after an FAQ entry and a step were renamed, each keeping its old id as an alias."""
    project = copy_project(tmp_path_factory.mktemp("renamed"))
    record = project / "content" / "heel-press.yaml"
    text = record.read_text()
    for old, new in RENAMED_IDS.items():
        line = f"  - id: {old}\n"
        assert line in text
        text = text.replace(line, f"  - id: {new}\n    aliases: [{old}]\n")
    record.write_text(text)
    with serve(build_site(project, project / "site").path) as url:
        yield url


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport=DESKTOP)
    opened = context.new_page()
    yield opened
    context.close()


@pytest.fixture
def open_page(browser: Browser) -> Iterator[Any]:
    """Opens a URL in a fresh context at `viewport` in the colour `scheme` (other options go to
    the context), failing on any script error; the URLs the page requests are added to
    `requested`. The contexts close after the test."""
    contexts = []

    def opener(
        url: str,
        viewport: dict[str, int] = DESKTOP,
        scheme: str = "light",
        *,
        requested: list[str] | None = None,
        **options: Any,
    ) -> Page:
        context = browser.new_context(viewport=viewport, color_scheme=scheme, **options)  # type: ignore[arg-type]
        contexts.append(context)
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        if requested is not None:
            page.on("request", lambda request: requested.append(request.url))
        page.goto(url, wait_until="load")
        assert errors == []
        return page

    yield opener
    for context in contexts:
        context.close()
