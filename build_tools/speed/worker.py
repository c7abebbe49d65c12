"""The checks on the second core. A build forks a worker once the records are loaded: it runs
the record checks while the build renders the pages, then parses and checks each built page as
MkDocs writes it.

Checking costs about as much as rendering (`docs/benchmark/index.md` shows where a build spends
its time), so in one process the checks would add that much again to a build. Forked, the worker
has the records without copying them; it gets each page as bytes and sends back only findings
and the facts of each page.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import traceback
from multiprocessing.connection import Connection
from multiprocessing.sharedctypes import Synchronized
from pathlib import Path

from ..checks.run import SiteReading, check_content
from ..diagnostics import Diagnostic
from ..site.reader import BuiltSite, PageFacts, SiteReader
from ..source.load import Content
from .forked import die_with_parent

log = logging.getLogger("mkdocs.plugins.build_tools")

_DONE = None
_BACKLOG = 4
"""Pages sent and not yet checked, past which the build checks the next page itself."""


class WorkerFailed(RuntimeError):
    """The worker stopped before it had done what it was asked."""


def _work(
    content: Content,
    build: Connection,
    builds_end: Connection,
    checked: Synchronized[int],
    parent: int,
) -> None:
    die_with_parent(parent)
    # The fork copied the build's end of the pipe too: held open here, it would keep the worker
    # from ever seeing the end of a build that was killed.
    builds_end.close()
    try:
        build.send(("records", check_content(content)))
        _, reading = build.recv()
        reader = reading.reader(content)
        while (page := build.recv()) is not _DONE:
            reader.page(*page)
            checked.value += 1
        build.send(("pages", reader.fresh))
    except EOFError:
        pass  # the build stopped early and closed its end: nothing is waiting for an answer
    except BaseException:  # the build reports it: a worker has no one else to tell
        build.send(("error", traceback.format_exc()))
    finally:
        build.close()


class CheckWorker:
    """The build's side of the worker.

    Its `page` and `site` stand in for a `SiteReader`'s once `read_pages` has been called.
    """

    def __init__(self, content: Content) -> None:
        self.content = content
        context = multiprocessing.get_context("fork")
        self._worker, theirs = context.Pipe()
        self._checked: Synchronized[int] = context.Value("q", 0, lock=False)
        self._sent = 0
        self._process = context.Process(
            target=_work,
            args=(content, theirs, self._worker, self._checked, os.getpid()),
            daemon=True,
        )
        self._process.start()
        theirs.close()
        self._open = True
        self.reader: SiteReader | None = None

    def _send(self, message: object) -> None:
        try:
            self._worker.send(message)
        except OSError as error:  # it is gone: what it was given was never checked
            self.close()
            raise WorkerFailed(f"the checks on the second core ended early: {error}") from None

    def _answer(self, expected: str) -> object:
        try:
            kind, value = self._worker.recv()
        except EOFError:
            kind, value = "error", "the worker ended without a word"
        if kind != expected:
            self.close()
            raise WorkerFailed(f"the checks on the second core failed:\n{value}")
        return value

    def record_findings(self) -> list[Diagnostic]:
        """What the record checks found (waits for them)."""
        findings = self._answer("records")
        assert isinstance(findings, list)
        return findings

    def read_pages(self, reading: SiteReading) -> None:
        """Start checking the pages the build writes, read as `reading` says."""
        self.reader = reading.reader(self.content)
        self._send(("read", reading))

    @property
    def facts(self) -> dict[str, PageFacts]:
        assert self.reader is not None
        return self.reader.facts

    def page(self, uri: str, source: bytes) -> None:
        assert self.reader is not None
        # Checking a page costs a little more than rendering one: when the worker falls behind,
        # the build checks the page itself rather than wait, and both cores stay busy.
        if self._sent - self._checked.value >= _BACKLOG:
            self.reader.page(uri, source)
        else:
            self._send((uri, source))
            self._sent += 1

    def site(self, directory: Path) -> BuiltSite:
        """The built site, with what the worker found in the pages it checked."""
        assert self.reader is not None
        self._send(_DONE)
        facts = self._answer("pages")
        self.close()
        assert isinstance(facts, dict)
        here = len(self.reader.fresh)
        log.debug(f"Pages checked: {len(facts)} by the worker, {here} by the build")
        self.reader.take(facts)
        return self.reader.site(directory)

    def close(self) -> None:
        """Stop the worker, whatever it was doing (a build that failed)."""
        if self._open:
            self._open = False
            self._worker.close()
            self._process.join(timeout=5)
            if self._process.is_alive():
                self._process.kill()
                self._process.join()
