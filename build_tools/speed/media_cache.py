"""Keeps the images' derivatives between builds, on disk in `.cache/media/`: a build of a site
whose pictures did not change encodes none of them again.

A derivative is kept under a key made of its source's SHA-256 and of everything its encoding
depends on (`media.derive.store_key`), never of the source's name or time: a changed picture
has another key, so what is kept for the old one is never handed back for it. Once a build
that used the store has published its site, what it did not ask for goes (`published`): the
derivatives of pictures that were changed, or whose records are gone.
"""

from __future__ import annotations

import os
import re
import tempfile
from contextlib import suppress
from pathlib import Path

_KEY = re.compile(r"^[0-9a-f]{64}-[a-z-]+-[A-Z]+-[0-9]+x[0-9]+-v[0-9]+$")
_PART = ".part-"


class DiskDerivatives:
    """A `media.derive.DerivativeStore` in a folder: one file per key."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.used: set[str] = set()
        """The keys this build asked for or stored: what its site is made of."""

    def _path(self, key: str) -> Path:
        if not _KEY.match(key):  # a key is never a path of its own
            raise ValueError(f"not a derivative's key: {key!r}")
        return self.folder / key[:2] / key

    def get(self, key: str) -> bytes | None:
        path = self._path(key)
        self.used.add(key)
        try:
            return path.read_bytes()
        except OSError:
            return None  # not kept yet, or the cache was cleared: the build makes it

    def put(self, key: str, data: bytes) -> None:
        path = self._path(key)
        self.used.add(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            # Written aside and renamed: a build stopped halfway leaves no half a file behind.
            handle, spare = tempfile.mkstemp(dir=path.parent, prefix=_PART)
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.replace(spare, path)
        except OSError:
            pass  # a cache that cannot be written only makes the next build slower

    def published(self) -> None:
        """The build that used the store published its site: every derivative it did not use
        goes, and what a stopped build left half written. Never called for a failed build,
        which may have stopped before it asked for them all."""
        with suppress(OSError):  # a cache that cannot be listed or emptied is only larger
            for shard in list(self.folder.iterdir()):
                if shard.is_symlink() or not shard.is_dir():
                    continue
                for path in list(shard.iterdir()):
                    stale = _KEY.match(path.name) and path.name not in self.used
                    if stale or path.name.startswith(_PART):
                        with suppress(OSError):
                            path.unlink()
                with suppress(OSError):
                    shard.rmdir()  # only once it is empty
