"""The Publishing page shows the server block the project's template makes, as the tests run it."""

from __future__ import annotations

import re

from .conftest import ROOT
from .hosting.nginx_server import nginx_server_block


def test_docs_show_the_server_block_from_the_template() -> None:
    page = (ROOT / "docs" / "publishing.md").read_text()
    shown = re.search(
        r"<!-- nginx-server-block:start -->\n```nginx\n(.*?)```\n<!-- nginx-server-block:end -->",
        page,
        re.S,
    )
    assert shown is not None
    expected = nginx_server_block(
        ROOT / "templates" / "hosting",
        listen="80",
        server_name="exercises.example.org",
        root="/srv/exercise-reference/site",
        include="/srv/exercise-reference/site/_hosting/nginx.conf",
    )
    assert shown.group(1) == expected
