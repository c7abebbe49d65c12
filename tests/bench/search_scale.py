"""The readers' search index at scale, in-process: build it for N generated records, write it, and
ask `search_bytes.js` what each query downloads (typed letter by letter, gzip level 6).

Usage: python -m tests.bench.search_scale N [QUERY...]. Prints one JSON line with the index
build time (the entries, and the index from them), then one line per query.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from build_tools.site import browse
from build_tools.site.catalog import browse_entries, exercise_entries
from build_tools.site.search_index import build_index
from build_tools.source.load import load_content

from ..queries import HEEL_PRESS_QUERIES
from .corpus import load_corpus, write_project

HERE = Path(__file__).resolve().parent
QUERIES = (*HEEL_PRESS_QUERIES, "dumbbell", "pull ups", "rear heel lift")


def main(n: int, queries: tuple[str, ...]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = write_project(Path(tmp) / "project", n, load_corpus())
        content = load_content(root / "content", root)
        vocabulary = content.vocabulary
        assert vocabulary is not None
        ordered = browse.a_to_z(content.exercises)
        groups = browse.groups(ordered, vocabulary)
        start = time.perf_counter()
        entries = [*exercise_entries(ordered, vocabulary), *browse_entries(groups, vocabulary)]
        made = time.perf_counter()
        index = build_index(entries)
        done = time.perf_counter()
        site = Path(tmp) / "site"
        for path, data in index.files.items():
            target = site / "search" / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        written = time.perf_counter()
        size = sum(len(d) for d in index.files.values())
        print(
            json.dumps(
                {
                    "records": n,
                    "entries_s": round(made - start, 3),
                    "index_s": round(done - made, 3),
                    "write_s": round(written - done, 3),
                    "files": len(index.files),
                    "bytes": size,
                }
            ),
            flush=True,
        )
        subprocess.run(["node", str(HERE / "search_bytes.js"), str(site), *queries], check=True)


if __name__ == "__main__":
    main(int(sys.argv[1]), tuple(sys.argv[2:]) or QUERIES)
