"""Time each stage of our build in one fresh process: load, check, render (pages, browse pages and
the search index). Usage: python -m tests.bench.stages PROJECT; prints one JSON object.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from build_tools.build.pipeline import Project
from build_tools.checks.run import check_content
from build_tools.render.environment import make_environment
from build_tools.render.exercise import render_exercise
from build_tools.site import browse
from build_tools.site.browse_pages import browse_pages
from build_tools.site.catalog import browse_entries, exercise_entries, facet_files
from build_tools.site.search_index import Entry, build_index
from build_tools.source.load import load_content

T = TypeVar("T")


def timed(clock: dict[str, float], name: str, work: Callable[[], T]) -> T:
    start = time.perf_counter()
    value = work()
    clock[name] = time.perf_counter() - start
    return value


def main(root: Path) -> dict[str, float | int]:
    project = Project.at(root)
    clock: dict[str, float] = {}
    content = timed(clock, "load", lambda: load_content(project.content_dir, project.root))
    findings = timed(clock, "check", lambda: check_content(content))
    vocabulary = content.vocabulary
    if vocabulary is None or findings:
        raise SystemExit("\n".join(d.format() for d in findings[:20]) or "no vocabulary")
    env = make_environment(project.templates_dir)

    def render() -> int:
        related = browse.related(content.exercises)
        pages = [render_exercise(env, e, vocabulary, related[e.slug]) for e in content.exercises]
        ordered = browse.a_to_z(content.exercises)
        groups = browse.groups(ordered, vocabulary)
        listing = browse_pages(env, groups, len(ordered))
        entries: list[Entry] = [
            *exercise_entries(ordered, vocabulary),
            *browse_entries(groups, vocabulary),
        ]
        build_index(entries)
        facet_files(ordered, groups)
        return len(pages) + len(listing)

    pages = timed(clock, "render", render)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    return {**clock, "pages": pages, "records": len(content.exercises), "peak_bytes": peak}


if __name__ == "__main__":
    print(json.dumps(main(Path(sys.argv[1]))))
