"""The site's read-only JSON API, version 1, for other apps: pure data in, files out.

- `api/v1/exercises.json`: every published exercise in A–Z order, with what a list or a filter
  needs (slug, name, other names, muscles, equipment, level, category, the page's URL);
- `api/v1/exercises/<slug>.json`: one record as published: its text as written and as plain
  text (`render.markup.plain`), the absolute deep link of every step, FAQ entry and variation,
  its credits, related slugs and media;
- `api/v1/vocabulary.json`: the terms the records name by id;
- `api/v1/schemas/*.schema.json`: the JSON Schema of each (`build_tools/schemas/api/`, given the
  `$id` of where it is published);
- `feed.json` at the site root: a JSON Feed 1.1 of the exercises added or changed, newest first.

Only published records are given (the build hands in `Result.content`, which has no drafts), and
a link to a record that is not published is left out. Every URL is absolute under `site_url`
(root-relative without one). Terms are given by id, as records write them; the vocabulary names
them. A new version of the API would be `api/v2/`: what v1 says keeps its meaning.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from importlib import resources
from typing import Any

from ..addresses import absolute, deep_link, site_root
from ..licenses import license_of
from ..model import Credit, Exercise, Reference, Vocabulary
from ..render.markup import plain
from . import browse

API_DIR = "api/v1"
SCHEMA_DIR = f"{API_DIR}/schemas"
FEED_FILE = "feed.json"
FEED_LIMIT = 50
"""The feed holds the most recent changes: a reader polls it, and the API has the rest."""
SCHEMAS = ("exercises", "exercise", "vocabulary", "feed", "free-exercise-db", "wger-exerciseinfo")
"""The schemas of `build_tools/schemas/api/`, by the document they describe."""
JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"


def index_path() -> str:
    return f"{API_DIR}/exercises.json"


def exercise_path(slug: str) -> str:
    return f"{API_DIR}/exercises/{slug}.json"


def vocabulary_path() -> str:
    return f"{API_DIR}/vocabulary.json"


def schema_path(name: str) -> str:
    return f"{SCHEMA_DIR}/{name}.schema.json"


def schema_text(name: str) -> str:
    """The hand-written schema `name` as the project keeps it."""
    folder = resources.files("build_tools") / "schemas" / "api"
    return (folder / f"{name}.schema.json").read_text(encoding="utf-8")


@dataclass(frozen=True)
class Dates:
    """When a record was first published and last changed (`site/history.py`)."""

    published: datetime
    modified: datetime


def encoded(document: Any) -> bytes:
    """Compact UTF-8 JSON, the same bytes for the same data (keys in the order written)."""
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


class Api:
    """The documents of one build's published records."""

    def __init__(
        self,
        exercises: Sequence[Exercise],
        vocabulary: Vocabulary,
        site_url: str,
        media: Mapping[str, list[dict[str, object]]] | None = None,
    ) -> None:
        self.exercises = browse.a_to_z(exercises)
        self.vocabulary = vocabulary
        self.site_url = site_url
        self.published = {e.slug for e in exercises}
        self.media = media or {}
        """Each record's images and loops with their URLs (`media.derive.media_urls`), by slug."""

    def url(self, path: str) -> str:
        return absolute(self.site_url, path)

    def schema_url(self, name: str) -> str:
        return self.url(schema_path(name))

    def muscles(self, exercise: Exercise) -> dict[str, list[str]]:
        return {
            "primary": list(exercise.primary_muscles),
            "secondary": list(exercise.secondary_muscles),
        }

    def summary(self, exercise: Exercise) -> dict[str, Any]:
        """What the index says of one exercise."""
        return {
            "slug": exercise.slug,
            "name": exercise.name,
            "other_names": list(exercise.other_names),
            "muscles": self.muscles(exercise),
            "equipment": list(exercise.equipment),
            "level": exercise.level,
            "category": exercise.category,
            "url": self.url(exercise.url),
            "data_url": self.url(exercise_path(exercise.slug)),
        }

    def index(self) -> dict[str, Any]:
        return {
            "$schema": self.schema_url("exercises"),
            "count": len(self.exercises),
            "exercises": [self.summary(e) for e in self.exercises],
        }

    def exercise(self, exercise: Exercise) -> dict[str, Any]:
        """The whole record as published."""
        page = self.url(exercise.url)

        def see(references: Iterable[Reference]) -> list[str]:
            found = (exercise.target(r) for r in references)
            return [deep_link(page, item.anchor) for item in found if item is not None]

        return {
            "$schema": self.schema_url("exercise"),
            **self.summary(exercise),
            "old_slugs": list(exercise.aliases),
            "summary": exercise.summary,
            "when_to_use": list(exercise.when_to_use),
            "description": [_text(p) for p in exercise.description],
            "instructions": [
                {
                    "id": s.id,
                    "aliases": list(s.aliases),
                    "text": s.text,
                    "url": deep_link(page, s.anchor),
                }
                for s in exercise.instructions
            ],
            "variations": [
                {
                    "id": v.id,
                    "aliases": list(v.aliases),
                    "name": v.name,
                    "emphasis": v.emphasis,
                    "muscles": list(v.muscles),
                    "url": deep_link(page, v.anchor),
                    "see": see(v.see),
                    **({"stance": dict(v.stance.items)} if v.stance else {}),
                }
                for v in exercise.variations
            ],
            "tips": [_text(t) for t in exercise.tips],
            "faq": [
                {
                    "id": f.id,
                    "aliases": list(f.aliases),
                    "question": f.question,
                    "answer": _text(f.answer),
                    "url": deep_link(page, f.anchor),
                    "see": see(f.see),
                }
                for f in exercise.faq
            ],
            "stance": vars(exercise.stance) if exercise.stance else None,
            "related": [s for s in exercise.related if s in self.published],
            "credits": [_credit(c) for c in exercise.credits],
            "media": self.media.get(exercise.slug, []),
        }

    def vocabulary_document(self) -> dict[str, Any]:
        return {
            "$schema": self.schema_url("vocabulary"),
            **{
                kind: {
                    term.id: {"name": term.name, "aliases": list(term.aliases)}
                    for term in getattr(self.vocabulary, kind).values()
                }
                for kind in Vocabulary.KINDS
            },
        }

    def feed(self, dates: Mapping[str, Dates], site_name: str) -> dict[str, Any]:
        """JSON Feed 1.1: the exercises by their last change, newest first (then A–Z), each
        dated by `dates` (by slug)."""
        dated = [e for e in self.exercises if e.slug in dates]
        # Stable sorts: A–Z within the same moment.
        newest = sorted(dated, key=lambda e: dates[e.slug].modified, reverse=True)[:FEED_LIMIT]
        return {
            "version": JSON_FEED_VERSION,
            "title": f"{site_name}: new and changed exercises" if site_name else "Exercises",
            "home_page_url": site_root(self.site_url),
            "feed_url": self.url(FEED_FILE),
            "description": "Exercises added to the reference or changed, newest first.",
            "language": "en",
            "items": [
                {
                    "id": self.url(e.url),
                    "url": self.url(e.url),
                    "title": e.name,
                    "content_text": e.summary,
                    "summary": e.summary,
                    "date_published": _rfc3339(dates[e.slug].published),
                    "date_modified": _rfc3339(dates[e.slug].modified),
                    "tags": [self.vocabulary.categories[e.category].name],
                    "_exercise": {"data_url": self.url(exercise_path(e.slug))},
                }
                for e in newest
            ],
        }

    def schemas(self) -> dict[str, bytes]:
        """Each schema as published: with the `$id` of its address."""
        found = {}
        for name in SCHEMAS:
            schema = json.loads(schema_text(name))
            found[schema_path(name)] = encoded({"$id": self.schema_url(name), **schema})
        return found

    def files(self) -> dict[str, bytes]:
        """Every file of the API and the schemas, by path from the site root."""
        return {
            index_path(): encoded(self.index()),
            vocabulary_path(): encoded(self.vocabulary_document()),
            **{exercise_path(e.slug): encoded(self.exercise(e)) for e in self.exercises},
            **self.schemas(),
        }


def _text(written: str) -> dict[str, str]:
    """A formatted text as the record writes it and as the reader sees it."""
    return {"text": written, "plain": plain(written)}


def _credit(credit: Credit) -> dict[str, Any]:
    known = license_of(credit.license)
    return {
        "license": credit.license,
        "license_name": known.name if known else credit.license,
        "license_url": known.url if known else None,
        "title": credit.title,
        "author": list(credit.author),
        "source": credit.source,
        "sections": list(credit.sections),
    }


def _rfc3339(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")


def api_files(
    exercises: Sequence[Exercise],
    vocabulary: Vocabulary,
    *,
    site_url: str,
    site_name: str,
    dates: Mapping[str, Dates],
    media: Mapping[str, list[dict[str, object]]] | None = None,
) -> dict[str, bytes]:
    """The API's files and the feed, by path from the site root."""
    api = Api(exercises, vocabulary, site_url, media)
    return {**api.files(), FEED_FILE: encoded(api.feed(dates, site_name))}
