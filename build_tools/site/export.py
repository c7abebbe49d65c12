"""The published records in the two shapes existing apps read: free-exercise-db's
`exercises.json` and a page of wger's `/api/v2/exerciseinfo/`. Pure data in, data out; the build
writes both under `api/v1/export/`, and `python -m build_tools export` writes either anywhere.

Each shape carries less than a record, and the importers (`build_tools/imports/`) read back what
it carries; what it cannot carry is said below, shape by shape.

free-exercise-db carries the name, the level, the category, the steps' text, and muscles and
equipment in its own coarser terms (`FED_MUSCLES`, `FED_EQUIPMENT`: our gastrocnemius and soleus
are both its "calves", and our Achilles tendon is nearest to them). It cannot carry the summary,
description, tips, FAQ, variations, uses, stance, other names, related exercises, credit or
licence, the steps' ids (the importer makes them from the steps' first words), more than one
piece of equipment (the first it has a term for is given, else "body only" for a record that
needs none but body weight, else "other"), or formatting in the steps. Its images are paths
into its own repository; the export gives none.

wger carries the name, other names (as aliases), category, muscles and equipment (by our names,
which the importer matches back to the same ids), the description (as HTML, links made
absolute), the steps (as the description's one numbered list: the importer takes it back as the
steps), tips (as notes, in plain text) and one credit (its licence, title, authors, source). It
cannot carry the level, summary (the importer takes the description's first sentence), FAQ,
variations, uses, stance, related exercises, the steps' ids, more than one credit, a licence
wger does not list (the Unlicense, PDDL, CC BY 3.0: such a record's licence has no wger id, and
wger's importer leaves it out), or a licence at all for text the records do not credit, unless
the caller says under which licence the site's own text is (`own_license`). Ids are numbers in
wger: each record's is a hash of its slug, the same in every export.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from markupsafe import escape

from ..addresses import absolute, deep_link
from ..imports import free_exercise_db as fed_import
from ..imports import wger as wger_import
from ..imports.source import SourceTerm
from ..imports.vocabulary import TermMap
from ..licenses import license_of
from ..model import Credit, Exercise, Vocabulary
from ..render.markup import (
    External,
    Internal,
    LinkTargets,
    Missing,
    html_blocks,
    link_target,
    plain,
)
from . import browse
from .api import API_DIR, Dates

EXPORT_DIR = f"{API_DIR}/export"
FREE_EXERCISE_DB_FILE = f"{EXPORT_DIR}/free-exercise-db/exercises.json"
WGER_FILE = f"{EXPORT_DIR}/wger/exerciseinfo.json"
FORMATS = ("free-exercise-db", "wger")

FED_MUSCLES = (
    "abdominals", "abductors", "adductors", "biceps", "calves", "chest", "forearms", "glutes",
    "hamstrings", "lats", "lower back", "middle back", "neck", "quadriceps", "shoulders", "traps",
    "triceps",
)  # fmt: skip
FED_EQUIPMENT = (
    "body only", "medicine ball", "dumbbell", "bands", "kettlebells", "foam roll", "cable",
    "machine", "barbell", "exercise ball", "e-z curl bar", "other",
)  # fmt: skip
FED_CATEGORIES = (
    "powerlifting", "strength", "stretching", "cardio", "olympic weightlifting", "strongman",
    "plyometrics",
)  # fmt: skip
FED_NEAREST = {"muscles": {"achilles-tendon": "calves"}}
"""Our terms free-exercise-db has no word for, and its nearest."""
BODY_ONLY = "body only"

WGER_ENGLISH = wger_import.LANGUAGES["en"]
WGER_LICENSES = {spdx: wger_id for wger_id, spdx in wger_import.LICENSES.items()}
WGER_SHORT_NAMES = {spdx: short for short, spdx in wger_import.LICENSE_NAMES.items()}
BACK_MUSCLES = frozenset(
    {"gastrocnemius", "soleus", "achilles-tendon", "hamstrings", "glutes", "triceps",
     "trapezius", "lats", "lower-back", "middle-back"}
)  # fmt: skip
"""wger draws each muscle on the front or the back of a body."""


def _vocabulary_data(vocabulary: Vocabulary) -> dict[str, Any]:
    """The vocabulary as its file holds it, for the importers' term matching."""
    return {
        kind: {
            term.id: {"name": term.name, "aliases": list(term.aliases)}
            for term in getattr(vocabulary, kind).values()
        }
        for kind in Vocabulary.KINDS
    }


def _inverse(vocabulary: Vocabulary, kind: str, words: Sequence[str]) -> dict[str, str]:
    """Our id → free-exercise-db's word: the word its importer reads as that id."""
    terms = TermMap(_vocabulary_data(vocabulary), fed_import.TABLES)
    found: dict[str, str] = {}
    for word in words:
        for term_id in terms.ids(kind, SourceTerm(word, (word,))):
            found.setdefault(term_id, word)
    return {**found, **FED_NEAREST.get(kind, {})}


def free_exercise_db(exercises: Sequence[Exercise], vocabulary: Vocabulary) -> list[Any]:
    """free-exercise-db's `exercises.json`: one object per exercise, A–Z."""
    muscles = _inverse(vocabulary, "muscles", FED_MUSCLES)
    equipment = _inverse(vocabulary, "equipment", FED_EQUIPMENT)
    categories = _inverse(vocabulary, "categories", FED_CATEGORIES)

    def words(ids: Iterable[str]) -> list[str]:
        return list(dict.fromkeys(muscles[m] for m in ids if m in muscles))

    def gear(ids: Sequence[str]) -> str:
        named = [equipment[t] for t in ids if equipment.get(t, BODY_ONLY) != BODY_ONLY]
        if named:
            return named[0]
        return BODY_ONLY if all(t in equipment for t in ids) else "other"

    found = []
    for e in browse.a_to_z(exercises):
        primary = words(e.primary_muscles)
        category = vocabulary.categories[e.category]
        found.append(
            {
                "id": e.slug,
                "name": e.name,
                "force": None,
                "level": e.level,
                "mechanic": None,
                "equipment": gear(e.equipment),
                "primaryMuscles": primary,
                "secondaryMuscles": [m for m in words(e.secondary_muscles) if m not in primary],
                "instructions": [plain(s.text) for s in e.instructions],
                "category": categories.get(e.category, category.name.lower()),
                "images": [],
            }
        )
    return found


def wger_id(slug: str) -> int:
    """A record's id in wger's shape: a number from its slug, below 2**52 (exact in any JSON
    reader), the same in every export."""
    return int(hashlib.sha256(slug.encode("utf-8")).hexdigest()[:13], 16)


def _uuid(url: str) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, url))


def _license(spdx: str | None) -> dict[str, Any] | None:
    if spdx is None:
        return None
    known = license_of(spdx)
    return {
        "id": WGER_LICENSES.get(known.id if known else spdx),
        "full_name": known.name if known else spdx,
        "short_name": WGER_SHORT_NAMES.get(known.id if known else spdx, spdx),
        "url": known.url if known else None,
    }


class _Wger:
    def __init__(
        self,
        exercises: Sequence[Exercise],
        vocabulary: Vocabulary,
        site_url: str,
        site_name: str,
        own_license: str | None,
    ) -> None:
        self.exercises = browse.a_to_z(exercises)
        self.vocabulary = vocabulary
        self.site_url = site_url
        self.site_name = site_name
        self.own_license = own_license
        self.targets = LinkTargets(exercises)

    def term(self, kind: str, term_id: str) -> dict[str, Any]:
        terms = getattr(self.vocabulary, kind)
        return {"id": list(terms).index(term_id) + 1, "name": terms[term_id].name}

    def muscle(self, term_id: str) -> dict[str, Any]:
        name = self.vocabulary.muscles[term_id].name
        return {
            **self.term("muscles", term_id),
            "name_en": name,
            "is_front": term_id not in BACK_MUSCLES,
            "image_url_main": None,
            "image_url_secondary": None,
        }

    def description(self, e: Exercise) -> str:
        def href(raw: str) -> tuple[str, bool] | None:
            # Every link absolute: the export is read far from the site.
            target = link_target(raw)
            if isinstance(target, External):
                return target.url, True
            if not isinstance(target, Internal):
                return None
            landing = self.targets.land(target, e)
            if isinstance(landing, Missing):
                return None
            url = absolute(self.site_url, landing.exercise.url)
            return (deep_link(url, landing.anchor) if landing.anchor else url), True

        paragraphs = [str(html_blocks(p, href)) for p in e.description]
        steps = "".join(f"<li>{escape(plain(s.text))}</li>" for s in e.instructions)
        return "\n".join([*paragraphs, f"<ol>{steps}</ol>"])

    def credit(self, e: Exercise) -> tuple[str | None, Credit | None]:
        credit = e.credits[0] if e.credits else None
        return (credit.license if credit else self.own_license), credit

    def exercise(self, e: Exercise, dates: Dates | None) -> dict[str, Any]:
        page = absolute(self.site_url, e.url)
        number = wger_id(e.slug)
        spdx, credit = self.credit(e)
        licence = _license(spdx)
        if credit is not None:
            authors = list(credit.author)
            title, source = credit.title or e.name, credit.source or page
        else:
            authors = [self.site_name] if spdx and self.site_name else []
            title, source = e.name, page
        created = dates.published.isoformat(timespec="seconds") if dates else None
        changed = dates.modified.isoformat(timespec="seconds") if dates else None
        translation = {
            "id": number,
            "uuid": _uuid(deep_link(page, "en")),
            "name": e.name,
            "exercise": number,
            "description": self.description(e),
            "description_source": None,
            "created": created,
            "language": WGER_ENGLISH,
            "aliases": [
                {"id": i, "uuid": _uuid(f"{page}#alias-{i}"), "alias": name}
                for i, name in enumerate(e.other_names, start=1)
            ],
            "notes": [
                {"id": i, "uuid": _uuid(f"{page}#tip-{i}"), "translation": number, "comment": t}
                for i, t in enumerate(map(plain, e.tips), start=1)
            ],
            "license": licence["id"] if licence else None,
            "license_title": title,
            "license_object_url": source,
            "license_author": ", ".join(authors),
            "license_author_url": "",
            "license_derivative_source_url": page if credit is not None else "",
            "author_history": authors,
        }
        return {
            "id": number,
            "uuid": _uuid(page),
            "created": created,
            "last_update": changed,
            "last_update_global": changed,
            "category": self.term("categories", e.category),
            "muscles": [self.muscle(m) for m in e.primary_muscles],
            "muscles_secondary": [self.muscle(m) for m in e.secondary_muscles],
            "equipment": [self.term("equipment", t) for t in e.equipment],
            "license": licence,
            "license_author": ", ".join(authors),
            "images": [],
            "translations": [translation],
            "variation_group": None,
            "videos": [],
            "author_history": authors,
            "total_authors_history": authors,
        }


def wger(
    exercises: Sequence[Exercise],
    vocabulary: Vocabulary,
    *,
    site_url: str,
    site_name: str,
    dates: Mapping[str, Dates] | None = None,
    own_license: str | None = None,
) -> dict[str, Any]:
    """One page of wger's `/api/v2/exerciseinfo/` holding every exercise, A–Z."""
    shape = _Wger(exercises, vocabulary, site_url, site_name, own_license)
    results = [shape.exercise(e, (dates or {}).get(e.slug)) for e in shape.exercises]
    ids = [r["id"] for r in results]
    assert len(set(ids)) == len(ids), "two slugs hash to one wger id"
    return {"count": len(results), "next": None, "previous": None, "results": results}
