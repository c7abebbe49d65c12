"""What `mkdocs serve --dirty` needs to rebuild only the pages an edit changed: a fingerprint of
each page's inputs, compared with the one the last published build wrote: a failed build's
pages never reach the published site, so what it made counts for nothing."""

from __future__ import annotations

import hashlib
from pathlib import Path


def chrome_stamp(paths: list[Path]) -> str:
    """Modification times of the files every page's chrome depends on (config, theme)."""
    found = []
    for path in paths:
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        found += [f"{f}:{f.stat().st_mtime_ns}" for f in files if f.exists()]
    return "|".join(found)


class Fingerprints:
    def __init__(self) -> None:
        self.built: dict[str, str] = {}
        self.pending: dict[str, str] = {}

    def forget(self) -> None:
        """A build from scratch: every page counts as changed."""
        self.built, self.pending = {}, {}

    def begin(self) -> None:
        """A new build: what an earlier one that failed took is not what the site holds."""
        self.pending = {}

    def take(self, source: str, *parts: bytes | str) -> tuple[str, str | None]:
        """The fingerprint of the page at `source` from its `parts`, and the last built one."""
        digest = hashlib.blake2b(digest_size=16)
        for part in parts:
            digest.update(part.encode() if isinstance(part, str) else part)
            digest.update(b"\0")
        self.pending[source] = fingerprint = digest.hexdigest()
        return fingerprint, self.built.get(source)

    def written(self) -> None:
        """The build was published: what it wrote is what the next one compares with."""
        self.built, self.pending = self.pending, {}
