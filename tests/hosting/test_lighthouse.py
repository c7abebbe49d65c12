"""Lighthouse on the built site behind the real nginx, as a phone and as a desktop: accessibility,
best practices and SEO at 100 on the home page, Heel Press, a browse page and the filter page.
Performance is a timing, so the benchmark prints it (tests/bench/lighthouse.py) and no test
asserts it."""

from __future__ import annotations

from collections.abc import Iterator

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


@pytest.mark.parametrize("form_factor", FORM_FACTORS)
@pytest.mark.parametrize("page", PAGES)
def test_lighthouse_gives_100_but_for_timings(served: str, page: str, form_factor: str) -> None:
    report = audit(served + PAGES[page], form_factor, CATEGORIES)
    lost = {c: failing(report, c) for c in CATEGORIES if scores(report)[c] < 100}
    assert scores(report) == dict.fromkeys(CATEGORIES, 100), lost
