"""The built-site checks on the second core: while MkDocs renders page after page, a forked
process parses and checks each page as it is written.

Parsing and checking a page costs about as much as rendering it, so in one process they would
nearly double a build. The worker is forked once the records are loaded, so it has them without
copying, and it gets each page as bytes; what comes back is only the facts of each page and the
findings of its checks.
"""

from __future__ import annotations

import multiprocessing
import traceback
from collections.abc import Mapping
from multiprocessing.connection import Connection
from multiprocessing.sharedctypes import Synchronized
from pathlib import Path

from .built_site import BuiltSite, PageFacts, SiteReader

_DONE = None
_BACKLOG = 4
"""Pages sent and not yet checked, past which this process checks the next page itself."""


class WorkerFailed(RuntimeError):
    """The worker stopped before it had checked every page."""


def _work(reader: SiteReader, pages: Connection, done: Synchronized[int]) -> None:
    try:
        while (message := pages.recv()) is not _DONE:
            reader.page(*message)
            done.value += 1
        pages.send(("facts", reader.fresh))
    except EOFError:
        pass  # the build stopped early and closed its end: nothing is waiting for an answer
    except BaseException:  # the parent reports it: a worker has no one else to tell
        pages.send(("error", traceback.format_exc()))
    finally:
        pages.close()


class ForkedReader:
    """A `SiteReader` whose `page` hands the page to a forked process; `site` collects what it
    found and reads the rest of the folder here."""

    def __init__(self, reader: SiteReader) -> None:
        self.reader = reader
        context = multiprocessing.get_context("fork")
        self._pages, theirs = context.Pipe()
        self._sent = 0
        self._done: Synchronized[int] = context.Value("l", 0, lock=False)
        self._process = context.Process(
            target=_work, args=(reader, theirs, self._done), daemon=True
        )
        self._process.start()
        theirs.close()
        self._open = True

    @property
    def facts(self) -> dict[str, PageFacts]:
        return self.reader.facts

    def page(self, uri: str, source: bytes) -> None:
        # Checking a page costs a little more than rendering one: when the worker falls behind,
        # this process checks the page itself rather than wait, and both cores stay busy.
        if self._sent - self._done.value >= _BACKLOG:
            self.reader.page(uri, source)
        else:
            self._pages.send((uri, source))
            self._sent += 1

    def site(self, directory: Path, exercise_pages: Mapping[str, str]) -> BuiltSite:
        self._pages.send(_DONE)
        try:
            kind, value = self._pages.recv()
        except EOFError:
            kind, value = "error", "the process ended without a word"
        finally:
            self.close()
        if kind == "error":
            raise WorkerFailed(f"checking the built pages failed:\n{value}")
        self.reader.take(value)
        return self.reader.site(directory, exercise_pages)

    def close(self) -> None:
        """Stop the worker, whatever it was doing (a build that failed)."""
        if self._open:
            self._open = False
            self._pages.close()
            self._process.join(timeout=5)
            if self._process.is_alive():
                self._process.kill()
                self._process.join()
