"""What a page shows of a record's media, and the files the build makes of them: each image as
WebP and as a JPEG or PNG at up to three widths, each video as it is.

A derivative's name carries the first digits of its source's SHA-256, so a changed source is a
new address: neither the build's store of derivatives nor a reader's browser can hand back the
old picture. The store (`DerivativeStore`) is optional: the speed machinery keeps one on disk
(`speed/media_cache.py`); without it every derivative is made anew.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Protocol

from PIL import Image, ImageOps

from ..addresses import absolute
from ..licenses import license_of
from ..model import MEDIA_DIR, Credit, Exercise, Media
from .files import IMAGE_FORMATS, Facts, record_files

WIDTHS = (480, 960, 1440)
"""The widths made of each image, in pixels (none wider than the source): a phone's screen at
1, 2 and 3 device pixels per CSS pixel, or a desktop's column at 1 and 2."""
SIZES = "(min-width: 76.25em) 19rem, (min-width: 45em) 40rem, 100vw"
"""How wide a picture is shown (`sizes`): the full width of a phone, at most 40rem on a wider
screen, and the aside's 19rem where the page has two columns (exercise.css)."""
POSTER_WIDTH = 960
ENCODING = "1"
"""The encoder settings' version, part of every stored derivative's key: changing a setting
below means changing it, so that no derivative made with the old settings is reused."""
_JPEG_QUALITY = 80
_WEBP_QUALITY = 78
_MIME = {"WEBP": "image/webp", "JPEG": "image/jpeg", "PNG": "image/png"}
_EXTENSION = {"WEBP": "webp", "JPEG": "jpg", "PNG": "png"}
_VIDEO_MIME = {"MP4": "video/mp4", "WEBM": "video/webm"}


class DerivativeStore(Protocol):
    """Keeps derivatives between builds, by a key that names the source's content and the
    encoding (never its name or its time)."""

    def get(self, key: str) -> bytes | None: ...

    def put(self, key: str, data: bytes) -> None: ...

    def published(self) -> None:
        """The build published its site: what it did not ask for or put may go."""


@dataclass(frozen=True)
class Rendition:
    """One file made of an image."""

    path: str
    """Below the site root: `media/heel-press/setup-3f2a9c1b0d-960.webp`."""
    width: int
    height: int
    format: str
    """`WEBP`, `JPEG` or `PNG`."""

    @property
    def mime(self) -> str:
        return _MIME[self.format]


@dataclass(frozen=True)
class ShownImage:
    """An image as a page shows it: its sizes in WebP and in the fallback format."""

    index: int
    media: Media
    digest: str
    width: int
    """The largest rendition's size: `width`/`height` on the `<img>` keep its box from
    shifting while it loads."""
    height: int
    webp: tuple[Rendition, ...]
    fallback: tuple[Rendition, ...]

    def srcset(self, base: str, webp: bool = False) -> str:
        return ", ".join(f"{base}{r.path} {r.width}w" for r in self.renditions(webp))

    def renditions(self, webp: bool) -> tuple[Rendition, ...]:
        return self.webp if webp else self.fallback

    @property
    def src(self) -> Rendition:
        """The fallback for browsers without `srcset`, and the preview image: the largest."""
        return self.fallback[-1]

    @property
    def poster(self) -> Rendition:
        """The fallback at most `POSTER_WIDTH` wide: a video's poster is one address."""
        fitting = [r for r in self.fallback if r.width <= POSTER_WIDTH]
        return fitting[-1] if fitting else self.fallback[0]

    @property
    def fallback_format(self) -> str:
        return self.fallback[0].format

    @property
    def is_video(self) -> bool:
        return False


@dataclass(frozen=True)
class ShownVideo:
    """A video loop as a page shows it: the file as it is, and its poster's sizes."""

    index: int
    media: Media
    digest: str
    path: str
    format: str
    poster: ShownImage

    @property
    def mime(self) -> str:
        return _VIDEO_MIME[self.format]

    @property
    def is_video(self) -> bool:
        return True


@dataclass(frozen=True)
class ShownMedia:
    """A record's media that a page shows, in record order."""

    items: tuple[ShownImage | ShownVideo, ...] = ()

    @property
    def setup(self) -> ShownImage | None:
        """The first image: the page's setup picture and its preview image."""
        return next((i for i in self.items if isinstance(i, ShownImage)), None)

    @property
    def more(self) -> tuple[ShownImage | ShownVideo, ...]:
        """Every item but the setup picture."""
        setup = self.setup
        return tuple(i for i in self.items if i is not setup)

    @property
    def sizes(self) -> str:
        return SIZES

    def __bool__(self) -> bool:
        return bool(self.items)


NO_MEDIA = ShownMedia()


def widths(source_width: int) -> tuple[int, ...]:
    """The widths made of a source `source_width` pixels wide: those of `WIDTHS` below it, and
    the source's own width when it is narrower than the largest (never an enlargement)."""
    below = tuple(w for w in WIDTHS if w < source_width)
    return below if source_width > WIDTHS[-1] else (*below, source_width)


def _fallback_format(media: Media, facts: Facts) -> str:
    # Line art keeps crisp edges in PNG, and only PNG keeps transparency; the rest is JPEG.
    return "PNG" if media.kind == "line-art" or facts.alpha else "JPEG"


def _renditions(
    slug: str, file: str, facts: Facts, form: str, sizes: tuple[int, ...]
) -> tuple[Rendition, ...]:
    stem = PurePosixPath(file).with_suffix("").as_posix()
    made = []
    for width in sizes:
        height = max(1, round(facts.height * width / facts.width))
        path = f"{MEDIA_DIR}/{slug}/{stem}-{facts.digest[:10]}-{width}.{_EXTENSION[form]}"
        made.append(Rendition(path, width, height, form))
    return tuple(made)


def _shown_image(slug: str, index: int, media: Media, file: str, facts: Facts) -> ShownImage:
    sizes = widths(facts.width)
    fallback = _renditions(slug, file, facts, _fallback_format(media, facts), sizes)
    webp = _renditions(slug, file, facts, "WEBP", sizes)
    last = fallback[-1]
    return ShownImage(index, media, facts.digest, last.width, last.height, webp, fallback)


def _usable_image(facts: object) -> Facts | None:
    usable = isinstance(facts, Facts) and facts.format in IMAGE_FORMATS and facts.broken is None
    if usable and isinstance(facts, Facts) and facts.width and facts.height and not facts.over_side:
        return facts
    return None


@dataclass(frozen=True)
class _Sourced:
    """A shown item with the facts of the files it is made from (kept out of the page's key)."""

    shown: ShownImage | ShownVideo
    facts: Facts
    poster: Facts | None = None


def _sourced(exercise: Exercise, content_dir: Path) -> list[_Sourced]:
    by_index: dict[int, dict[str, object]] = {}
    for found in record_files(exercise, content_dir):
        by_index.setdefault(found.index, {})[found.field] = found.facts
    made = []
    for index, media in enumerate(exercise.media):
        files = by_index.get(index, {})
        main = files.get("file")
        if media.is_video:
            poster = _usable_image(files.get("poster"))
            if not isinstance(main, Facts) or not main.is_video or poster is None:
                continue  # the checks say what is wrong (C921–C927); nothing half is shown
            assert media.poster is not None
            still = _shown_image(exercise.slug, index, media, media.poster, poster)
            stem = PurePosixPath(media.file).with_suffix("").as_posix()
            ending = ".mp4" if main.format == "MP4" else ".webm"
            path = f"{MEDIA_DIR}/{exercise.slug}/{stem}-{main.digest[:10]}{ending}"
            video = ShownVideo(index, media, main.digest, path, main.format or "", still)
            made.append(_Sourced(video, main, poster))
        else:
            image = _usable_image(main)
            if image is not None:
                made.append(
                    _Sourced(_shown_image(exercise.slug, index, media, media.file, image), image)
                )
    return made


@dataclass(frozen=True, eq=False)
class RecordMedia:
    """A record's media as one build read them: what its pages show, and the facts of the files
    each shown item is made from. Read once per record per build (`record_media`) and handed to
    every step that shows or publishes them (the page, its meta, the API, the files), so all of
    them name the same files and none reads or hashes them again."""

    shown: ShownMedia = NO_MEDIA
    """What the record's page shows of its media: each file that is what it claims, in record
    order (a record with a broken file is stopped by the checks before it is published)."""
    sourced: tuple[_Sourced, ...] = ()


NOTHING_READ = RecordMedia()


def record_media(exercise: Exercise, content_dir: Path | None) -> RecordMedia:
    """The record's media, read from its files."""
    if not exercise.media or content_dir is None:
        return NOTHING_READ
    sourced = tuple(_sourced(exercise, content_dir))
    return RecordMedia(ShownMedia(tuple(s.shown for s in sourced)), sourced)


def _encode(image: Image.Image, rendition: Rendition, lossless: bool) -> bytes:
    resized = image.resize(
        (rendition.width, rendition.height), Image.Resampling.LANCZOS, reducing_gap=3.0
    )
    out = io.BytesIO()
    # Saved without the source's metadata: a photo's EXIF may hold where it was taken.
    if rendition.format == "JPEG":
        resized.convert("RGB").save(
            out, "JPEG", quality=_JPEG_QUALITY, optimize=True, progressive=True
        )
    elif rendition.format == "PNG":
        resized.save(out, "PNG", optimize=True)
    elif lossless:
        resized.save(out, "WEBP", lossless=True, method=4)
    else:
        resized.save(out, "WEBP", quality=_WEBP_QUALITY, method=4)
    return out.getvalue()


def store_key(digest: str, rendition: Rendition, kind: str) -> str:
    """A derivative's key in the store: the source's content hash and everything the encoding
    depends on."""
    return f"{digest}-{kind}-{rendition.format}-{rendition.width}x{rendition.height}-v{ENCODING}"


def _image_files(
    shown: ShownImage, facts: Facts, store: DerivativeStore | None
) -> Iterator[tuple[str, bytes]]:
    wanted = [*shown.webp, *shown.fallback]
    kept: dict[str, bytes | None] = {}
    if store is not None:
        kept = {r.path: store.get(store_key(shown.digest, r, shown.media.kind)) for r in wanted}
    missing = [r for r in wanted if kept.get(r.path) is None]
    if missing:
        with Image.open(io.BytesIO(facts.data)) as opened:
            upright = ImageOps.exif_transpose(opened)
            alpha = upright.mode in ("RGBA", "LA", "PA") or "transparency" in upright.info
            mode = "RGBA" if alpha else "RGB"
            image = upright if upright.mode == mode else upright.convert(mode)
            for rendition in missing:
                made = _encode(image, rendition, lossless=shown.media.kind == "line-art")
                kept[rendition.path] = made
                if store is not None:
                    store.put(store_key(shown.digest, rendition, shown.media.kind), made)
    for rendition in wanted:
        data = kept[rendition.path]
        assert data is not None
        yield rendition.path, data


def media_files(
    media: Iterable[RecordMedia], store: DerivativeStore | None = None
) -> dict[str, bytes]:
    """Every file the site publishes of the records' media, by path below the site root: the
    images' derivatives and each video as it is."""
    files: dict[str, bytes] = {}
    for read in media:
        for sourced in read.sourced:
            shown = sourced.shown
            if isinstance(shown, ShownVideo):
                files[shown.path] = sourced.facts.data
                assert sourced.poster is not None
                files.update(_image_files(shown.poster, sourced.poster, store))
            else:
                files.update(_image_files(shown, sourced.facts, store))
    return files


def media_urls(shown: ShownMedia, site_url: str = "") -> list[dict[str, object]]:
    """A record's media as data for other apps (the JSON API): per item its kind, text
    alternative, credit, whether an AI made it, and the absolute URLs of its files."""
    listed: list[dict[str, object]] = []
    for item in shown.items:
        media = item.media
        entry: dict[str, object] = {
            "kind": media.kind,
            "alt": media.alt,
            "ai_generated": media.ai_generated,
            "credit": [_credit(c) for c in media.credits],
        }
        image = item.poster if isinstance(item, ShownVideo) else item
        sources = [
            {
                "url": absolute(site_url, r.path),
                "width": r.width,
                "height": r.height,
                "type": r.mime,
            }
            for r in (*image.webp, *image.fallback)
        ]
        if isinstance(item, ShownVideo):
            entry["url"] = absolute(site_url, item.path)
            entry["type"] = item.mime
            entry["poster"] = absolute(site_url, image.poster.path)
            entry["poster_sources"] = sources
        else:
            entry["url"] = absolute(site_url, image.src.path)
            entry["width"], entry["height"] = image.width, image.height
            entry["sources"] = sources
        listed.append(entry)
    return listed


def _credit(credit: Credit) -> Mapping[str, object]:
    known = license_of(credit.license)
    return {
        "license": credit.license,
        "license_url": known.url if known else None,
        "author": list(credit.author),
        "title": credit.title,
        "source": credit.source,
    }
