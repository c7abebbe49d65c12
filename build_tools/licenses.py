"""The licences open exercise text comes under, by SPDX id, and what each asks of a page that
reuses the text. Pure data; the page's "Source and licence" block, the JSON-LD and the credit
checks all read it from here.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from .model import CREDIT_SECTIONS, Credit, Exercise


@dataclass(frozen=True)
class License:
    id: str
    """The SPDX id, as SPDX spells it."""
    name: str
    """The short name that attributions print (Creative Commons' own: `CC BY-SA 4.0`)."""
    url: str
    """The licence's deed, the page a reader follows to learn what it allows."""
    attribution: bool
    """The licence asks that the author be named (the CC BY family)."""

    @property
    def public_domain(self) -> bool:
        return not self.attribution


LICENSES: dict[str, License] = {
    item.id: item
    for item in (
        License("CC0-1.0", "CC0 1.0", "https://creativecommons.org/publicdomain/zero/1.0/", False),
        License("CC-BY-4.0", "CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/", True),
        License(
            "CC-BY-SA-4.0", "CC BY-SA 4.0", "https://creativecommons.org/licenses/by-sa/4.0/", True
        ),
        License("CC-BY-3.0", "CC BY 3.0", "https://creativecommons.org/licenses/by/3.0/", True),
        License(
            "CC-BY-SA-3.0", "CC BY-SA 3.0", "https://creativecommons.org/licenses/by-sa/3.0/", True
        ),
        License(
            "PDDL-1.0", "ODC PDDL 1.0", "https://opendatacommons.org/licenses/pddl/1-0/", False
        ),
        # free-exercise-db's own licence: its text is in the public domain.
        License("Unlicense", "The Unlicense", "https://unlicense.org/", False),
    )
}
"""Every licence the site can credit, in the order the documentation lists them."""

_BY_FOLDED = {key.casefold(): item for key, item in LICENSES.items()}


def license_of(spdx_id: str) -> License | None:
    """The licence of an SPDX id; SPDX ids match whatever their case (`cc-by-sa-4.0` too)."""
    return _BY_FOLDED.get(spdx_id.casefold())


SECTION_NAMES = {
    "summary": "summary",
    "description": "description",
    "instructions": "steps",
    "variations": "variations",
    "tips": "tips",
    "faq": "questions and answers",
}
"""How an attribution names the sections a credit covers, in the words of the page."""


def covered(credit: Credit) -> str | None:
    """`Description and steps`: the sections a credit covers, as a reader names them; None
    for a credit of the whole record."""
    if set(credit.sections) >= set(CREDIT_SECTIONS):
        return None
    names = [SECTION_NAMES[s] for s in CREDIT_SECTIONS if s in credit.sections]
    text = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
    return text[:1].upper() + text[1:]


@dataclass(frozen=True)
class Attribution:
    """One credit as the page words it: what it covers, the work, its authors, its licence."""

    covers: str | None
    title: str | None
    source: str | None
    authors: tuple[str, ...]
    license_id: str
    license: License | None
    """None for an id the site does not know: the checks reject such a record (C902), so its
    page is never published; the page names the id unlinked meanwhile."""

    @property
    def license_name(self) -> str:
        return self.license.name if self.license else self.license_id

    @property
    def authors_text(self) -> str:
        """`A`, `A and B`, `A, B and C`."""
        names = self.authors
        if len(names) <= 1:
            return "".join(names)
        return f"{', '.join(names[:-1])} and {names[-1]}"

    @property
    def source_label(self) -> str:
        """The link text of a source without a title: its host (`wger.de`)."""
        host = urlsplit(self.source or "").hostname or ""
        return host.removeprefix("www.")


def attribution(credit: Credit) -> Attribution:
    """One credit as the page shows it."""
    return Attribution(
        covered(credit),
        credit.title,
        credit.source,
        credit.author,
        credit.license,
        license_of(credit.license),
    )


def attributions(exercise: Exercise) -> tuple[Attribution, ...]:
    """The record's credits, in record order, as the page shows them."""
    return tuple(attribution(credit) for credit in exercise.credits)
