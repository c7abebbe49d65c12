"""Ask the site's search code (find-core.js, under Node) what it makes of a text or a query."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

PROBE = Path(__file__).resolve().parent / "js" / "find_probe.js"
NODE = shutil.which("node")

needs_node = pytest.mark.skipif(NODE is None, reason="Node.js runs the site's search code")


def probe(request: dict[str, Any]) -> Any:
    assert NODE is not None
    done = subprocess.run(
        [NODE, str(PROBE)],
        input=json.dumps(request),
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def search(site: Path, *queries: str, limit: int = 10) -> dict[str, list[dict[str, Any]]]:
    """Each query's results (title, url, kind, context) against the built site's index."""
    answers = probe({"site": str(site), "queries": list(queries), "limit": limit})
    return {a["query"]: a["results"] for a in answers}
