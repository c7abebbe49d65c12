"""HTML validity: the Nu Html Checker (npm `vnu-jar`) finds no error in the pages we build.

A message is excused only when `vnu-theme-messages.json` lists it as coming from the theme's own
markup, with the reason; an entry that no longer matches anything fails too, so the list shrinks
when the theme is fixed.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from ..conftest import BuiltSite
from .conftest import NODE_MODULES

VNU = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
FILTER = Path(__file__).with_name("vnu-theme-messages.json")


def theme_messages() -> list[dict[str, str]]:
    return json.loads(FILTER.read_text(encoding="utf-8"))


def excused_by(message: dict[str, Any]) -> int | None:
    for index, known in enumerate(theme_messages()):
        if re.search(known["message"], message["message"]) and known["extract"] in message.get(
            "extract", ""
        ):
            return index
    return None


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
        if excused_by(m) is None
    ]
    assert errors == []


def test_every_excused_message_is_still_needed(checked: list[dict[str, Any]]) -> None:
    used = {excused_by(m) for m in checked}
    entries = theme_messages()
    assert all(entry["reason"] for entry in entries)
    assert [e["message"] for i, e in enumerate(entries) if i not in used] == []
