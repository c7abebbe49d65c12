"""Work split between this process and a forked one, for a build that has two cores.

A forked child starts with everything this process has, so only the results cross over
(pickled through a pipe). Used only where the process has no threads (`mkdocs build`, not the
server), as forking a process with threads is not safe.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
import traceback
from collections.abc import Callable, Sequence
from multiprocessing.connection import Connection
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

MIN_ITEMS = 64
"""Fewer items than this are not worth a fork."""


class ForkFailed(RuntimeError):
    """The forked half of the work failed; the message holds its traceback."""


_PR_SET_PDEATHSIG = 1


def die_with_parent(parent: int) -> None:
    """In a forked child: end when `parent` does, even when it is killed (SIGKILL gives it no
    time to stop its children), rather than live on with no one to answer."""
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:  # it died before the request was made
        os._exit(1)


def _run_half(
    function: Callable[[T], R],
    items: Sequence[T],
    results: Connection,
    parents_end: Connection,
    parent: int,
) -> None:
    die_with_parent(parent)
    parents_end.close()  # else the pipe would outlive the parent, and a send to it could block
    try:
        results.send(("done", [function(item) for item in items]))
    except BaseException:
        results.send(("error", traceback.format_exc()))
    finally:
        results.close()


def can_fork() -> bool:
    """Whether this system starts processes by forking (not Windows)."""
    return "fork" in multiprocessing.get_all_start_methods()


def forked_map(function: Callable[[T], R], items: Sequence[T]) -> list[R]:
    """`[function(item) for item in items]`, the second half computed in a forked process."""
    if len(items) < MIN_ITEMS or not can_fork():
        return [function(item) for item in items]
    half = len(items) // 2
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(
        target=_run_half, args=(function, items[half:], send, receive, os.getpid()), daemon=True
    )
    child.start()
    send.close()
    theirs: list[R] | str  # what `_run_half` sends: the results, or a traceback
    try:
        mine = [function(item) for item in items[:half]]
        try:
            kind, theirs = receive.recv()
        except EOFError:
            kind, theirs = "error", "the forked process ended without a word"
    finally:
        receive.close()
        child.join()
    if kind != "done":
        raise ForkFailed(f"the forked half of the work failed:\n{theirs}")
    assert isinstance(theirs, list)  # "done" comes with the results
    return mine + theirs
