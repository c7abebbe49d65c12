"""Which files of `content/` are records, and reading one without trusting what it is.

Only plain files inside `content/` are read. A FIFO would block the reader for good, a device
could be endless, a link could point at any file of the machine: each is a finding (Y007) and is
never opened for reading, and no finding prints anything that such a file holds.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from ..diagnostics import Diagnostic, Location
from .limits import FILE_BYTES, Limit

RECORD_SUFFIX = ".yaml"


def ignored(name: str) -> bool:
    """An editor's lock, swap, backup or autosave file (`.#x.yaml`, `.x.yaml.swp`, `x.yaml~`,
    `#x.yaml#`), or any other hidden file: never a record, and not worth a word."""
    return name.startswith((".", "#")) or name.endswith("~")


@dataclass(frozen=True)
class Listing:
    records: list[Path]
    """Every `*.yaml` directly in the folder, in name order, whatever kind of file it is."""
    misnamed: list[Path]
    """Files that look like records under another ending (`.yml`, `.YAML`)."""


def list_records(content_dir: Path) -> Listing:
    try:
        names = sorted(entry.name for entry in os.scandir(content_dir))
    except OSError:
        names = []  # no content folder: the vocabulary's reader reports what is missing
    names = [name for name in names if not ignored(name)]
    records = [content_dir / n for n in names if n.endswith(RECORD_SUFFIX)]
    misnamed = [
        content_dir / n
        for n in names
        if n.lower().endswith((".yaml", ".yml")) and not n.endswith(RECORD_SUFFIX)
    ]
    return Listing(records, misnamed)


def misnamed_record(path: Path, shown: str) -> Diagnostic:
    # A finding rather than a second spelling: the record's slug is its file name, and
    # `heel-press.yml` beside `heel-press.yaml` would be two records for one page.
    stem = path.name.rsplit(".", 1)[0]
    return Diagnostic(
        "Y008", f"records must end in .yaml: rename it to '{stem}.yaml'", Location(shown)
    )


_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
)


def _kind(mode: int) -> str:
    return next((name for test, name in _KINDS if test(mode)), "not a plain file")


def _not_plain(shown: str, what: str) -> Diagnostic:
    return Diagnostic("Y007", f"{what}: only plain files inside content/ are read", Location(shown))


def _cannot_read(shown: str, error: OSError | UnicodeDecodeError) -> Diagnostic:
    reason = getattr(error, "strerror", None) or str(error)
    return Diagnostic("Y006", f"cannot read the file: {reason}", Location(shown))


def read_text(path: Path, shown: str, inside: Path, limit: Limit = FILE_BYTES) -> str | Diagnostic:
    """The UTF-8 text of the plain file at `path`, a link to one under `inside` included; or
    the finding that says why it was not read (one larger than `limit` among them)."""
    try:
        link = stat.S_ISLNK(os.lstat(path).st_mode)
        mode = os.stat(path).st_mode
    except FileNotFoundError as error:
        if os.path.lexists(path):
            return _not_plain(shown, "a link to a file that does not exist")
        return _cannot_read(shown, error)
    except OSError as error:
        return _cannot_read(shown, error)
    if link and not path.resolve().is_relative_to(inside.resolve()):
        return _not_plain(shown, "a link to a file outside content/")
    if not stat.S_ISREG(mode):
        return _not_plain(shown, f"{_kind(mode)}, not a plain file")
    try:
        # Non-blocking, so that a file swapped for a FIFO since the check above still cannot
        # stop the reader; the check is made again on what was opened.
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as error:
        return _cannot_read(shown, error)
    try:
        opened = os.fstat(descriptor)
        if not stat.S_ISREG(opened.st_mode):
            return _not_plain(shown, f"{_kind(opened.st_mode)}, not a plain file")
        data = _read_at_most(descriptor, limit.value + 1)
    except OSError as error:
        return _cannot_read(shown, error)
    finally:
        os.close(descriptor)
    if len(data) > limit.value:
        return Diagnostic(
            "Y010",
            f"the file is too large (more than {limit.value:,} bytes)",
            Location(shown),
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        return _cannot_read(shown, error)
    # Line ends as text mode reads them, so that every position counts lines the same way.
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def _read_at_most(descriptor: int, size: int) -> bytes:
    chunks: list[bytes] = []
    left = size
    while left > 0:
        chunk = os.read(descriptor, min(left, 1 << 20))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)
