"""Lighthouse's scores of the built site behind nginx, performance included: a timing, so
printed here and never a test's assertion (tests/hosting/test_lighthouse.py holds the others).

    .venv/bin/python tests/bench/lighthouse.py [--site DIR]

Builds the site into a temporary folder (or takes a built one), serves it with the project's
nginx configuration, and runs Lighthouse on the home page, Heel Press, a browse page and the
filter page, as a phone and as a desktop.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.conftest import mkdocs_build  # noqa: E402
from tests.hosting.conftest import start_nginx, stop_nginx  # noqa: E402
from tests.lighthouse import FORM_FACTORS, PAGES, audit, failing, scores  # noqa: E402

CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build one)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as temporary:
        work = Path(temporary)
        site = args.site
        if site is None:
            site = work / "site"
            done = mkdocs_build(ROOT, site)
            if done.returncode != 0:
                sys.exit(done.stdout + done.stderr)
        process, url = start_nginx(site.resolve(), work / "nginx")
        try:
            print(f"{'page':<12}{'form factor':<13}" + "".join(f"{c:<16}" for c in CATEGORIES))
            for name, path in PAGES.items():
                for form_factor in FORM_FACTORS:
                    report = audit(url + path, form_factor, CATEGORIES)
                    got = scores(report)
                    row = "".join(f"{got[c]:<16}" for c in CATEGORIES)
                    print(f"{name:<12}{form_factor:<13}{row}", flush=True)
                    for lost in failing(report, "performance"):
                        print(f"    {lost}")
        finally:
            stop_nginx(process, work / "nginx")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
