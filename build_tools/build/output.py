"""Files the build writes into a site folder beside the generator's pages."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from pathlib import Path


class Writer:
    """Writes files into a site folder; with `dirty`, only those changed since the last published
    build, and it removes the ones that are gone.

    `written` is what the published site holds: a failed build's files never reach it, so what
    one wrote counts only once `published` says so."""

    def __init__(self) -> None:
        self.written: dict[str, str] = {}
        self.pending: dict[str, str] = {}

    def write(self, site: Path, outputs: Mapping[str, bytes], *, dirty: bool) -> None:
        written = {}
        folders: set[Path] = set()  # each folder made once: a system call costs here
        for path, data in outputs.items():
            digest = hashlib.blake2b(data, digest_size=16).hexdigest()
            target = site / path
            if not (dirty and self.written.get(path) == digest and target.is_file()):
                if target.parent not in folders:
                    target.parent.mkdir(parents=True, exist_ok=True)
                    folders.add(target.parent)
                # A new file, never the old one truncated: a dirty build's staging folder links
                # its files to the published site's (build/mirror.py).
                target.unlink(missing_ok=True)
                target.write_bytes(data)
            written[path] = digest
        for gone in set(self.written) - set(written):
            (site / gone).unlink(missing_ok=True)
        self.pending = written

    def rewrite(self, site: Path, outputs: Mapping[str, bytes]) -> None:
        """Files this build wrote, written again with what only the rest of the build could
        tell (the site's stylesheet, once every page is read); nothing else is touched."""
        for path, data in outputs.items():
            if path not in self.pending:
                raise KeyError(f"{path} was not written by this build")
            target = site / path
            target.unlink(missing_ok=True)
            target.write_bytes(data)
            self.pending[path] = hashlib.blake2b(data, digest_size=16).hexdigest()

    def published(self) -> None:
        """The build that wrote last passed: its files are the site's."""
        self.written, self.pending = self.pending, {}
