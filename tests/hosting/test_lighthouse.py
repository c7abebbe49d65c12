"""Lighthouse on the built site behind the real nginx, as a phone and as a desktop: accessibility,
best practices and SEO at 100 on the home page, Heel Press, a browse page and the filter page.
Performance is a timing, so the benchmark prints it (tests/bench/lighthouse.py) and no test
asserts it."""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

from ..conftest import BuiltSite
from ..lighthouse import FORM_FACTORS, PAGES, audit, failing, scores
from .conftest import start_nginx, stop_nginx

CATEGORIES = ("accessibility", "best-practices", "seo")


@pytest.fixture(scope="module")
def served(built_site: BuiltSite, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    workdir = tmp_path_factory.mktemp("nginx-lighthouse")
    process, url = start_nginx(built_site.path, workdir)
    yield url
    stop_nginx(process, workdir)


@pytest.fixture(scope="module")
def reports(served: str) -> dict[tuple[str, str], dict[str, Any]]:
    """Every page's report in both form factors, two runs at a time: none of these categories
    is a timing, so two Lighthouse runs side by side score them as one alone would."""
    with ThreadPoolExecutor(max_workers=2) as pool:
        running = {
            (page, form_factor): pool.submit(audit, served + path, form_factor, CATEGORIES)
            for page, path in PAGES.items()
            for form_factor in FORM_FACTORS
        }
        return {key: future.result() for key, future in running.items()}


@pytest.mark.parametrize("form_factor", FORM_FACTORS)
@pytest.mark.parametrize("page", PAGES)
def test_lighthouse_gives_100_but_for_timings(
    reports: dict[tuple[str, str], dict[str, Any]], page: str, form_factor: str
) -> None:
    report = reports[page, form_factor]
    assert report["configSettings"]["formFactor"] == form_factor
    lost = {c: failing(report, c) for c in CATEGORIES if scores(report)[c] < 100}
    assert scores(report) == dict.fromkeys(CATEGORIES, 100), lost
