"""Media: every picture and video a record lists is there, is what it claims (read from its
bytes, never judged by its name), says what it shows, and stays within its budget; every file
of `content/media/` belongs to a record.

These checks read the files, which can change while the record does not: none is kept per
record between the rebuilds of `mkdocs serve` (`per_record` is off).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path, PurePosixPath

from ..diagnostics import Location, Severity, quoted
from ..media.files import (
    IMAGE_BYTES,
    IMAGE_FORMATS,
    IMAGE_SIDE,
    SUFFIX_OF,
    SUFFIXES,
    VIDEO_BYTES,
    VIDEO_FORMATS,
    Facts,
    Found,
    Unreadable,
    record_files,
)
from ..model import MEDIA_DIR, Exercise, Vocabulary
from ..source.files import ignored
from ..source.load import Content
from .registry import Finding, record_check

PLACEHOLDERS = frozenset(
    {
        "image",
        "photo",
        "picture",
        "pic",
        "img",
        "video",
        "illustration",
        "line art",
        "drawing",
        "figure",
        "screenshot",
        "alt",
        "alt text",
        "untitled",
        "exercise",
        "setup",
        "poster",
    }
)
"""Words that say a picture is there but not what it shows (with `a`/`an`/`the` before them)."""

_last: list[tuple[Content, dict[str, list[Found]]]] = []


def _files(content: Content) -> dict[str, list[Found]]:
    """The facts of every media file the records name, by slug; read once per loaded content
    (every check below reads the same files)."""
    if _last and _last[0][0] is content:
        return _last[0][1]
    folder = content.folder
    read = {
        e.slug: record_files(e, folder) for e in content.exercises if e.media and folder is not None
    }
    _last[:] = [(content, read)]
    return read


def _found(content: Content) -> Iterator[tuple[Exercise, Found]]:
    files = _files(content)
    for exercise in content.exercises:
        for found in files.get(exercise.slug, ()):
            yield exercise, found


def _at(exercise: Exercise, found: Found) -> Location:
    return exercise.source.value(("media", found.index, found.field))


def _name(found: Found) -> str:
    return f"media[{found.index}].{found.field} {quoted(found.name)}"


@record_check(
    "C921",
    "media file missing or unreadable",
    example="content/heel-press.yaml:159:11: C921 media[0].file 'setup.jpg' does not exist in "
    "content/media/heel-press/",
)
def media_file_readable(content: Content, vocabulary: Vocabulary) -> Iterator[Finding]:
    """What it catches: a `media` entry whose `file` (or a video's `poster`) is not a readable
    plain file in the record's folder `content/media/<slug>/`: missing, misspelt, a folder, a
    link to a file outside that folder, or a file that cannot be opened.

    Why: the page would show a broken picture, and its preview image would lead nowhere.

    How to fix: put the file into `content/media/<slug>/` (the record's slug), or correct the
    name in `file` to the file's, letter case included."""
    for exercise, found in _found(content):
        if isinstance(found.facts, Unreadable):
            yield Finding(
                _at(exercise, found),
                f"{_name(found)} {found.facts.reason} in {_shown(exercise)}",
            )


def _shown(exercise: Exercise) -> str:
    """The record's media folder, as findings print it (beside the record)."""
    record = PurePosixPath(exercise.source.path)
    return f"{record.parent.as_posix()}/{MEDIA_DIR}/{exercise.slug}/".removeprefix("./")


def _claimed(name: str) -> str | None:
    return SUFFIXES.get(PurePosixPath(name).suffix.lower())


def _format_name(format_: str) -> str:
    return {**IMAGE_FORMATS, **VIDEO_FORMATS}.get(format_, format_)


def _a(name: str) -> str:
    """`a PNG`, `an MP4`: the article as the letters are spoken."""
    return f"an {name}" if name[:1] in "AEFHILMNORSX" else f"a {name}"


def _renamed(name: str, format_: str) -> str:
    return PurePosixPath(name).with_suffix(SUFFIX_OF[format_]).as_posix()


def _mismatch(exercise: Exercise, found: Found, facts: Facts) -> str | None:
    """Why the file is not what its entry and its name say, or None."""
    video_wanted = exercise.media[found.index].is_video and found.field == "file"
    kind = exercise.media[found.index].kind
    if video_wanted:
        if facts.is_image:
            return f"is an image ({_format_name(facts.format or '')}), but its kind is 'video'"
        if not facts.is_video:
            return (
                "is not an MP4 or WebM video: it starts with neither MP4's 'ftyp' box nor"
                " WebM's EBML header"
            )
    else:
        what = f"kind {quoted(kind)}" if found.field == "file" else "a poster"
        if facts.is_video:
            return f"is {_a(_format_name(facts.format or ''))} video, but {what} is a picture"
        if facts.format is None:
            return "is not an image Pillow can read"
        if facts.format not in IMAGE_FORMATS:
            return f"is {_a(facts.format)} image: the site takes JPEG, PNG or WebP"
    assert facts.format is not None
    claimed = _claimed(found.name)
    if claimed != facts.format:
        said = f"the {_format_name(claimed)} its name says" if claimed else "what its name says"
        return (
            f"is {_a(_format_name(facts.format))} {'video' if facts.is_video else 'image'}, not"
            f" {said}: rename it {quoted(_renamed(found.name, facts.format))}"
        )
    return None


@record_check(
    "C922",
    "media file is not what it claims",
    example="content/heel-press.yaml:159:11: C922 media[0].file 'setup.jpg' is a PNG image, not "
    "the JPEG its name says: rename it 'setup.png'",
)
def media_file_is_what_it_claims(content: Content, vocabulary: Vocabulary) -> Iterator[Finding]:
    """What it catches: a media file that is not what its entry says, as read from its bytes:
    an image that Pillow cannot read, or one in a format the site does not take (only JPEG,
    PNG and WebP); a video whose container is neither MP4 (its first box `ftyp`) nor WebM (an
    EBML header); a video where the kind says a picture, or the other way round; a file whose
    name ends in another format's ending (a PNG named `.jpg`).

    Why: the name is what a host's server types the file by, so a PNG named `.jpg` is served
    as a JPEG; and a file of the wrong kind cannot be shown where the page puts it.

    How to fix: rename the file to the ending of what it is (the finding names it), set `kind`
    to what the file is, or save the picture again as JPEG, PNG or WebP."""
    for exercise, found in _found(content):
        facts = found.facts
        if isinstance(facts, Facts) and not facts.over_side:
            why = _mismatch(exercise, found, facts)
            if why:
                yield Finding(_at(exercise, found), f"{_name(found)} {why}")


@record_check(
    "C923",
    "damaged image",
    example="content/heel-press.yaml:159:11: C923 media[0].file 'setup.jpg' is a damaged JPEG "
    "image: image file is truncated (2 bytes not processed)",
)
def image_decodes(content: Content, vocabulary: Vocabulary) -> Iterator[Finding]:
    """What it catches: an image whose header names its format but whose picture cannot be
    decoded: a file cut short by a failed copy or download, or damaged on its way.

    Why: the build cannot make the sizes a phone needs of it, and browsers would show a grey
    box or half a picture.

    How to fix: copy the file again from its source, or export it again from the program that
    made it."""
    for exercise, found in _found(content):
        facts = found.facts
        if isinstance(facts, Facts) and facts.broken is not None:
            what = _format_name(facts.format or "")
            yield Finding(
                _at(exercise, found), f"{_name(found)} is a damaged {what} image: {facts.broken}"
            )


def _placeholder(alt: str, exercise: Exercise, file: str) -> bool:
    words = " ".join(re.sub(r"[^\w\s]", " ", alt.casefold()).split())
    bare = re.sub(r"^(an?|the) ", "", words)
    name = PurePosixPath(file)
    names = {
        name.name.casefold(),
        name.stem.casefold(),
        " ".join(re.split(r"[\W_]+", name.stem.casefold())).strip(),
    }
    return (
        bare in PLACEHOLDERS
        or alt.strip().casefold() in names
        or words in names
        or (words == " ".join(re.sub(r"[^\w\s]", " ", exercise.name.casefold()).split()))
    )


@record_check(
    "C924",
    "alt text missing or a placeholder",
    example="content/heel-press.yaml:160:10: C924 media[0].alt 'photo' says that there is a "
    "picture, not what it shows: describe the body position",
    per_record=True,
)
def alt_text_says_what_it_shows(content: Content, vocabulary: Vocabulary) -> Iterator[Finding]:
    """What it catches: a `media` entry without `alt`, with an empty one, or with one that
    names no position: a word such as "image", "photo" or "picture", the file's name, or only
    the exercise's name.

    Why: readers who cannot see the picture (a screen reader, an image that did not load) get
    the alt text instead; "photo" tells them nothing, and the position shown is the point of
    the picture (WCAG 1.1.1).

    How to fix: write what the picture shows of the body, as you would tell it on the phone:
    "Standing facing a wall, hands at chest height, the rear leg straight with its heel flat"."""
    for exercise in content.exercises:
        for index, item in enumerate(exercise.media):
            if item.alt is None or not item.alt.strip():
                what = "has no alt text" if item.alt is None else "has empty alt text"
                yield Finding(
                    exercise.source.key(("media", index)),
                    f"media[{index}] {what}: say what it shows, the body position",
                )
            elif _placeholder(item.alt, exercise, item.file):
                yield Finding(
                    exercise.source.value(("media", index, "alt")),
                    f"media[{index}].alt {quoted(item.alt)} says that there is a picture, not what"
                    " it shows: describe the body position",
                )


@record_check(
    "C925",
    "media file over its size budget",
    example="content/heel-press.yaml:159:11: C925 media[0].file 'setup.jpg' is 5000×3000 "
    f"pixels, over the budget of {IMAGE_SIDE} on its longest side",
)
def within_budget(content: Content, vocabulary: Vocabulary) -> Iterator[Finding]:
    """What it catches: a source image larger than 5 MB or longer than 4096 pixels on a side
    (a 12-megapixel phone photo fits), or a video loop larger than 8 MB.

    Why: the build publishes an image only in the sizes it makes of it, at most 1440 pixels
    wide, so a larger source only weighs on the repository and slows every build; a picture of
    that many pixels is also how a decompression bomb looks, and is never decoded. A video is
    published as it is, and a phone downloads all of it.

    How to fix: scale the picture down to at most 4096 pixels on its longest side and save it
    again (JPEG at quality 85 is plenty); cut the video shorter or encode it at a lower rate."""
    for exercise, found in _found(content):
        facts = found.facts
        if not isinstance(facts, Facts):
            continue
        budget = VIDEO_BYTES if facts.is_video else IMAGE_BYTES
        if len(facts.data) > budget:
            yield Finding(
                _at(exercise, found),
                f"{_name(found)} is {len(facts.data):,} bytes, over the budget of {budget:,}"
                f" for a {'video' if facts.is_video else 'source image'}",
            )
        elif facts.over_side:
            yield Finding(
                _at(exercise, found),
                f"{_name(found)} is {facts.width}×{facts.height} pixels, over the budget of"
                f" {IMAGE_SIDE} on its longest side",
            )


@record_check(
    "C926",
    "media file no record uses",
    Severity.WARNING,
    example="content/media/heel-press/old-setup.jpg:1:1: C926 no record's media names this "
    "file: it is not published",
)
def every_media_file_used(content: Content, vocabulary: Vocabulary) -> Iterator[Finding]:
    """What it catches: a file in `content/media/` that no record's `media` names (as `file`
    or as a video's `poster`), drafts included: left behind after a rename, or in the folder
    of a slug that no record has.

    Why: it is never published, so whatever it was meant to show is missing from its page,
    and it weighs on the repository for nothing.

    How to fix: name it in the `media` of the record whose folder it is in, or delete it."""
    folder = content.folder
    if folder is None:
        return
    media = folder / MEDIA_DIR
    used = {
        (e.slug, name)
        for e in content.exercises
        for item in e.media
        for name in (item.file, item.poster)
        if name is not None
    }
    root = PurePosixPath(_content_shown(content))
    for directory, folders, names in os.walk(media):
        folders[:] = sorted(f for f in folders if not ignored(f))
        for name in sorted(n for n in names if not ignored(n)):
            relative = PurePosixPath(Path(directory, name).relative_to(media).as_posix())
            slug, _, rest = relative.as_posix().partition("/")
            if (slug, rest) not in used:
                shown = (root / MEDIA_DIR / relative).as_posix()
                yield Finding(
                    Location(shown), "no record's media names this file: it is not published"
                )


def _content_shown(content: Content) -> str:
    """The content folder as findings print it: where the records are shown to be."""
    if content.record_files:
        return PurePosixPath(content.record_files[0]).parent.as_posix()
    return "content"


@record_check(
    "C927",
    "video without a poster",
    example="content/heel-press.yaml:158:5: C927 media[0] is a video without a poster: add "
    "'poster', the image shown before it plays and whenever motion is reduced",
    per_record=True,
)
def video_has_poster(content: Content, vocabulary: Vocabulary) -> Iterator[Finding]:
    """What it catches: a `media` entry of kind `video` without `poster`.

    Why: the poster is what the page shows before the loop plays, on a slow connection, and
    for every reader who asked for reduced motion (the loop never plays by itself for them);
    without it they see an empty box.

    How to fix: add `poster` with an image of the loop's most telling moment (the setup), in
    the same folder."""
    for exercise in content.exercises:
        for index, item in enumerate(exercise.media):
            if item.is_video and item.poster is None:
                yield Finding(
                    exercise.source.key(("media", index)),
                    f"media[{index}] is a video without a poster: add 'poster', the image shown"
                    " before it plays and whenever motion is reduced",
                )
