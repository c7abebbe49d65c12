"""Reading a record's media files for what they are: each image decoded by Pillow, each video
known by its container's first bytes, never by the file's name. No finding is made here: the
checks (`checks/media.py`) word what these facts say, and the build (`media/derive.py`) reads
the same facts to make the images' sizes.
"""

from __future__ import annotations

import hashlib
import io
import os
import stat
import warnings
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from ..model import MEDIA_DIR, Exercise

IMAGE_BYTES = 5 * 1024 * 1024
"""The largest source image: the build never publishes it, only the sizes it makes of it
(at most 1440 pixels wide), so more only weighs on the repository and on every build."""
IMAGE_SIDE = 4096
"""The longest side of a source image, in pixels: a 12-megapixel phone photo fits."""
VIDEO_BYTES = 8 * 1024 * 1024
"""The largest video loop: it is published as it is, and a phone downloads all of it."""

IMAGE_FORMATS = {"JPEG": "JPEG", "PNG": "PNG", "WEBP": "WebP"}
"""The image formats a record may use, by Pillow's name, with the name findings print."""
VIDEO_FORMATS = {"MP4": "MP4", "WEBM": "WebM"}
SUFFIXES = {
    ".jpg": "JPEG",
    ".jpeg": "JPEG",
    ".png": "PNG",
    ".webp": "WEBP",
    ".mp4": "MP4",
    ".webm": "WEBM",
}
"""What each file name ending claims the file is."""
SUFFIX_OF = {"JPEG": ".jpg", "PNG": ".png", "WEBP": ".webp", "MP4": ".mp4", "WEBM": ".webm"}

_EBML = b"\x1a\x45\xdf\xa3"
_ORIENTATION = 0x0112
_ROTATED = (5, 6, 7, 8)
"""EXIF orientations that turn the picture a quarter: its width and height swap."""


def media_folder(content_dir: Path, slug: str) -> Path:
    return content_dir / MEDIA_DIR / slug


@dataclass(frozen=True)
class Facts:
    """What a media file is, as read from its bytes."""

    data: bytes
    digest: str
    """The SHA-256 of the bytes, in hex: derivatives are known by it, never by the name."""
    format: str | None
    """Pillow's format name (`JPEG`, `PNG`, `WEBP`, …) or `MP4`/`WEBM`; None for neither."""
    width: int = 0
    height: int = 0
    broken: str | None = None
    """Why an image that names its format cannot be decoded (cut short, damaged)."""
    alpha: bool = False

    @property
    def is_video(self) -> bool:
        return self.format in VIDEO_FORMATS

    @property
    def is_image(self) -> bool:
        return self.format is not None and not self.is_video

    @property
    def over_side(self) -> bool:
        return max(self.width, self.height) > IMAGE_SIDE


@dataclass(frozen=True)
class Unreadable:
    """A file that cannot be read: missing, not a plain file, or a link out of its folder."""

    reason: str


def read_media(path: Path, inside: Path) -> bytes | Unreadable:
    """The bytes of the plain file at `path` (a link to one under `inside` too), or why not."""
    try:
        link = stat.S_ISLNK(os.lstat(path).st_mode)
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        if os.path.lexists(path):
            return Unreadable("is a link to a file that does not exist")
        return Unreadable("does not exist")
    except OSError as error:
        return Unreadable(f"cannot be read: {error.strerror or error}")
    if link and not path.resolve().is_relative_to(inside.resolve()):
        return Unreadable("is a link to a file outside its media folder")
    if not stat.S_ISREG(mode):
        return Unreadable("is not a plain file")
    try:
        # Non-blocking: a file swapped for a FIFO since the check above cannot stop the reader.
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as error:
        return Unreadable(f"cannot be read: {error.strerror or error}")
    try:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            return Unreadable("is not a plain file")
        with os.fdopen(os.dup(descriptor), "rb") as opened:
            return opened.read()
    except OSError as error:
        return Unreadable(f"cannot be read: {error.strerror or error}")
    finally:
        os.close(descriptor)


def video_format(data: bytes) -> str | None:
    """`MP4` for an ISO media file (its first box is `ftyp`), `WEBM` for an EBML file whose
    document type is WebM; None otherwise."""
    if data[4:8] == b"ftyp":
        return "MP4"
    if data.startswith(_EBML) and b"webm" in data[:64]:
        return "WEBM"
    return None


def facts_of(data: bytes) -> Facts:
    """What `data` is: a video by its container, else whatever Pillow makes of it."""
    digest = hashlib.sha256(data).hexdigest()
    video = video_format(data)
    if video is not None:
        return Facts(data, digest, video)
    try:
        with warnings.catch_warnings():
            # Pillow warns of a picture large enough to be a decompression bomb; such a picture
            # is over the budget anyway, and it is never decoded (below).
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
    except Image.DecompressionBombError:
        # Too many pixels for Pillow even to open it: over the budget, whatever its format.
        return Facts(data, digest, None, IMAGE_SIDE + 1, IMAGE_SIDE + 1)
    except (OSError, ValueError, SyntaxError):
        return Facts(data, digest, None)
    with image:
        width, height = image.size
        if image.getexif().get(_ORIENTATION) in _ROTATED:
            width, height = height, width  # shown upright, as the derivatives are made
        found = Facts(
            data,
            digest,
            image.format,
            width,
            height,
            alpha=image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info,
        )
        if found.over_side:
            return found
        try:
            image.load()
        except (OSError, ValueError, SyntaxError, Image.DecompressionBombError) as error:
            return Facts(data, digest, image.format, width, height, str(error) or "damaged")
    return found


@dataclass(frozen=True)
class Found:
    """The facts of one file a record names (`field` is `file` or `poster`)."""

    index: int
    field: str
    name: str
    facts: Facts | Unreadable


def record_files(exercise: Exercise, content_dir: Path) -> list[Found]:
    """The facts of every file the record's `media` names, in record order."""
    folder = media_folder(content_dir, exercise.slug)
    found = []
    for index, item in enumerate(exercise.media):
        for field, name in (("file", item.file), ("poster", item.poster)):
            if name is None:
                continue
            data = read_media(folder / name, folder)
            facts = data if isinstance(data, Unreadable) else facts_of(data)
            found.append(Found(index, field, name, facts))
    return found
