"""HTML validity: the Nu Html Checker (npm `vnu-jar`) finds no error in the pages we build,
whichever template wrote the markup: where the theme's is invalid, the smallest override fixes
it (templates/theme/partials/, and `THEME_MARKUP_FIXES` for what no override reaches).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import urllib.request
from typing import Any

import pytest

from ..conftest import BuiltSite
from .conftest import NODE_MODULES

VNU = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"


@pytest.fixture(scope="module")
def checked(
    built_site: BuiltSite, renamed_site_url: str, tmp_path_factory: pytest.TempPathFactory
) -> list[dict[str, Any]]:
    """Every message of the checker over every HTML page of the site, plus the Heel Press page
    of the renamed copy (its alias elements)."""
    pages = sorted(built_site.path.rglob("*.html"))
    renamed = tmp_path_factory.mktemp("renamed-page") / "heel-press-renamed.html"
    with urllib.request.urlopen(renamed_site_url + "exercises/heel-press/") as response:
        renamed.write_bytes(response.read())
    java = shutil.which("java")
    assert java is not None
    done = subprocess.run(
        [
            java,
            "-jar",
            str(VNU),
            "--stdout",
            "--format",
            "json",
            "--errors-only",
            *map(str, pages),
            str(renamed),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode in (0, 1), done.stderr
    assert {"index.html", "404.html"} <= {page.name for page in pages}
    return json.loads(done.stdout)["messages"]


def test_our_pages_have_no_html_error(checked: list[dict[str, Any]]) -> None:
    errors = [
        f"{m.get('url', '').removeprefix('file:')}:{m.get('lastLine')}: {m['message']}"
        for m in checked
    ]
    assert errors == []
