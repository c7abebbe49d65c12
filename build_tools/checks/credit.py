"""Credit: each text taken from open data names what its licence asks the page to name."""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostics import Note, Severity, quoted
from ..licenses import LICENSES, license_of
from ..model import CREDIT_SECTIONS, Credit, Exercise, Vocabulary
from ..source.load import Content
from ..source.yaml_nodes import Path
from .registry import Finding, record_check

_KNOWN = ", ".join(LICENSES)


def every_credit(exercise: Exercise) -> Iterator[tuple[Path, str, Credit]]:
    """Each credit of the record's text, then each of its media files: where it is, and how
    findings name it (`credit[0]`, `media[1].credit[0]`)."""
    for index, credit in enumerate(exercise.credits):
        yield ("credit", index), f"credit[{index}]", credit
    for item, media in enumerate(exercise.media):
        for index, credit in enumerate(media.credits):
            yield ("media", item, "credit", index), f"media[{item}].credit[{index}]", credit


@record_check(
    "C901",
    "licence asks for an author the credit does not name",
    example="content/heel-press.yaml:160:14: C901 credit[0] names no author, and its licence "
    "'CC-BY-SA-4.0' asks that the author be named",
    per_record=True,
)
def author_where_licence_asks(content: Content, vocabulary: Vocabulary) -> Iterator[Finding]:
    """What it catches: a `credit` entry under a licence of the CC BY family (`CC-BY-4.0`,
    `CC-BY-SA-4.0`, `CC-BY-3.0`, `CC-BY-SA-3.0`) without an `author`, for the record's text
    or for one of its pictures and videos (`media[].credit`). Public-domain dedications
    (`CC0-1.0`, `PDDL-1.0`, `Unlicense`) ask for none.

    Why: these licences let the site reuse the text only if the page names its author; a
    page without the name breaks the licence.

    How to fix: add `author` with the names the source credits, as it writes them (wger's
    `license_author`, for example). If the source names nobody, name it as its authors
    ("wger.de contributors") and give its address in `source`."""
    for exercise in content.exercises:
        for at, name, credit in every_credit(exercise):
            known = license_of(credit.license)
            if known is not None and known.attribution and not credit.author:
                yield Finding(
                    exercise.source.value((*at, "license")),
                    f"{name} names no author, and its licence {quoted(credit.license)}"
                    " asks that the author be named",
                )


@record_check(
    "C902",
    "licence the site does not know",
    example="content/heel-press.yaml:159:14: C902 credit[0].license 'CC-BY-SA-5.0' is not a "
    f"licence the site knows ({_KNOWN})",
    per_record=True,
)
def known_licence(content: Content, vocabulary: Vocabulary) -> Iterator[Finding]:
    """What it catches: a `credit` entry (of the record or of a `media` file) whose `license`
    is not one of the SPDX ids the site can credit: `CC0-1.0`, `CC-BY-4.0`, `CC-BY-SA-4.0`,
    `CC-BY-3.0`, `CC-BY-SA-3.0`, `PDDL-1.0` and `Unlicense` (any letter case).

    Why: the page links each licence to its deed and words the attribution the licence asks
    for; for a licence it does not know it can do neither, and a misspelt id would publish
    text under no licence at all.

    How to fix: write the licence's SPDX id as the source gives it (wger's `CC-BY-SA 4` is
    `CC-BY-SA-4.0`). A licence the site does not list yet goes into `build_tools/licenses.py`
    with its name, its deed and whether it asks for the author."""
    for exercise in content.exercises:
        for at, name, credit in every_credit(exercise):
            if license_of(credit.license) is None:
                yield Finding(
                    exercise.source.value((*at, "license")),
                    f"{name}.license {quoted(credit.license)} is not a licence the"
                    f" site knows ({_KNOWN})",
                )


@record_check(
    "C903",
    "section credited twice",
    Severity.WARNING,
    example="content/heel-press.yaml:162:22: C903 credit[1] covers 'description', which "
    "credit[0] covers already",
    per_record=True,
)
def sections_credited_once(content: Content, vocabulary: Vocabulary) -> Iterator[Finding]:
    """What it catches: two `credit` entries that cover the same section: two entries without
    `sections` (each covers the whole record), or a section named by both.

    Why: each section's text comes from one source; with two credits on it a reader cannot
    tell which work the text is from, and usually one entry was meant for other sections.

    How to fix: give each entry the `sections` its text is in. If one section really
    combines the text of both works, keep both entries: each licence is still honoured."""
    for exercise in content.exercises:
        claimed: dict[str, int] = {}
        for index, credit in enumerate(exercise.credits):
            earlier: dict[int, list[str]] = {}
            for section in CREDIT_SECTIONS:
                if section not in credit.sections:
                    continue
                first = claimed.setdefault(section, index)
                if first != index:
                    earlier.setdefault(first, []).append(section)
            for first, sections in earlier.items():
                # At the section as written; the entry itself when it names none.
                at = ("credit", index, "sections", credit.sections.index(sections[0]))
                whole = len(sections) == len(CREDIT_SECTIONS)
                shown = "the whole record" if whole else ", ".join(quoted(s) for s in sections)
                yield Finding(
                    exercise.source.value(at),
                    f"credit[{index}] covers {shown}, which credit[{first}] covers already",
                    (Note(exercise.source.key(("credit", first)), "the first credit"),),
                )
