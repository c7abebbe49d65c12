"""The site works offline: while a page loads, no request leaves its own origin."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Request

from .conftest import DESKTOP, PHONE


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize("path", ["", "exercises/heel-press/#heel-lift"], ids=["home", "faq"])
def test_no_request_leaves_the_origin(
    browser: Browser, site_url: str, path: str, viewport: dict[str, int]
) -> None:
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    requests: list[Request] = []
    failed: list[str] = []
    page.on("request", lambda request: requests.append(request))
    page.on("requestfailed", lambda request: failed.append(request.url))
    page.goto(site_url + path, wait_until="networkidle")
    context.close()
    origin = urlsplit(site_url)[:2]
    urls = [request.url for request in requests]
    # The page's own scripts are seen (the listener works), and only those: the deep links'
    # script on an exercise page, the filter's on none of these.
    assert any(url.endswith("find.js") for url in urls)
    assert any(url.endswith("deep-links.js") for url in urls) == path.startswith("exercises/")
    assert not any(url.endswith("browse.js") for url in urls)
    assert [url for url in urls if urlsplit(url)[:2] != origin] == []
    assert failed == []
