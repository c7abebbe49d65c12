"""`python -m build_tools lock`: add the deep links of the current content to the anchor lock.

Part of the command-line face. Run it when a release goes out: from then on, the build keeps
every link it wrote working. The lock only grows, so running it can never hide a broken link.
"""

from __future__ import annotations

import sys

from ..anchors import published_anchors
from ..build.pipeline import Project, run
from ..diagnostics import has_errors, summary
from ..source.lock import LOCK_FILE, lock_text


def write_lock(project: Project) -> int:
    """Exit 0 when the lock is written, 1 when the content has problems, 2 when the tool failed."""
    try:
        result = run(project, render=False)
    except OSError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    if has_errors(result.diagnostics):
        for diagnostic in result.diagnostics:
            print(diagnostic.format())
        print(f"{summary(result.diagnostics)}; the lock was not changed", file=sys.stderr)
        return 1
    lock = result.content.anchor_lock
    old = {locked.link for locked in lock.anchors} if lock is not None else set()
    new = set().union(*(published_anchors(e) for e in result.content.exercises))
    target = project.content_dir / LOCK_FILE
    try:
        target.write_text(lock_text(old | new), encoding="utf-8")
    except OSError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    shown = lock.path if lock is not None else LOCK_FILE
    print(f"{shown}: {len(old | new)} anchors, {len(new - old)} added", file=sys.stderr)
    return 0
