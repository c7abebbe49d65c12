"""Files the build writes into a site folder beside the generator's pages."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from pathlib import Path


class Writer:
    """Writes files into a site folder; with `dirty`, only those changed since its last write,
    and it removes the ones that are gone."""

    def __init__(self) -> None:
        self.written: dict[str, str] = {}

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
                target.write_bytes(data)
            written[path] = digest
        for gone in set(self.written) - set(written):
            (site / gone).unlink(missing_ok=True)
        self.written = written
