"""schema.org JSON-LD for an exercise page: what search engines and link previews read.

One `@graph`: the WebSite, the WebPage, the exercise as an ExercisePlan, one Question per FAQ
entry (its `url` is the entry's deep link, its answer the very text the page shows) and the
BreadcrumbList. A record with `credit` gives its ExercisePlan the `license`, `author` and
`isBasedOn` its page's "Source and licence" block shows. Pure data in, text out; the theme
writes the text into the page's `<head>`.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urljoin

from ..addresses import EXERCISES, absolute, deep_link, site_root
from ..licenses import Attribution, attributions
from ..model import Exercise, Vocabulary
from .markup import plain

INDEX_PATH = EXERCISES
"""The exercise index, the breadcrumb between the home page and an exercise."""


def exercise_graph(
    exercise: Exercise,
    vocabulary: Vocabulary,
    *,
    site_url: str,
    site_name: str,
    index_name: str = "All exercises",
) -> dict[str, Any]:
    """The JSON-LD document of the exercise's page."""
    page = absolute(site_url, exercise.url)
    home = site_root(site_url)
    ids = {
        "site": f"{home}#website",
        "page": page,
        "exercise": f"{page}#exercise",
        "breadcrumb": f"{page}#breadcrumb",
    }
    questions = [
        {
            "@type": "Question",
            "@id": deep_link(page, entry.anchor),
            "url": deep_link(page, entry.anchor),
            "name": entry.question,
            "isPartOf": {"@id": ids["page"]},
            "acceptedAnswer": {"@type": "Answer", "text": plain(entry.answer)},
        }
        for entry in exercise.faq
    ]
    muscles = (*exercise.primary_muscles, *exercise.secondary_muscles)
    trail = [(site_name, home), (index_name, urljoin(home, INDEX_PATH)), (exercise.name, page)]
    graph: list[dict[str, Any]] = [
        {"@type": "WebSite", "@id": ids["site"], "url": home, "name": site_name},
        {
            "@type": "WebPage",
            "@id": ids["page"],
            "url": page,
            "name": exercise.name,
            "description": exercise.summary,
            "inLanguage": "en",
            "isPartOf": {"@id": ids["site"]},
            "breadcrumb": {"@id": ids["breadcrumb"]},
            "mainEntity": {"@id": ids["exercise"]},
            "hasPart": [{"@id": question["@id"]} for question in questions],
        },
        {
            "@type": "ExercisePlan",
            "@id": ids["exercise"],
            "name": exercise.name,
            "description": exercise.summary,
            "url": page,
            "mainEntityOfPage": {"@id": ids["page"]},
            "exerciseType": vocabulary.categories[exercise.category].name,
            "educationalLevel": vocabulary.levels[exercise.level].name,
            "associatedAnatomy": [
                {"@type": "Muscle", "name": vocabulary.muscles[muscle].name} for muscle in muscles
            ],
            **credit_properties(exercise),
        },
        *questions,
        {
            "@type": "BreadcrumbList",
            "@id": ids["breadcrumb"],
            "itemListElement": [
                {"@type": "ListItem", "position": position, "name": name, "item": url}
                for position, (name, url) in enumerate(trail, start=1)
            ],
        },
    ]
    return {"@context": "https://schema.org", "@graph": graph}


def _people(names: list[str]) -> list[dict[str, str]]:
    return [{"@type": "Person", "name": name} for name in names]


def _work(item: Attribution) -> dict[str, Any]:
    """The work a credit names, as a CreativeWork: only what the record says of it."""
    work: dict[str, Any] = {"@type": "CreativeWork"}
    if item.title:
        work["name"] = item.title
    if item.source:
        work["url"] = item.source
    if item.authors:
        work["author"] = _people(list(item.authors))
    if item.license:
        work["license"] = item.license.url
    return work


def credit_properties(exercise: Exercise) -> dict[str, Any]:
    """`license` (each deed's URL), `author` (Person objects) and `isBasedOn` (the works the
    text comes from) of a credited record, each value once; nothing for a record without
    credit, which claims no licence or author it was not given."""
    items = attributions(exercise)
    deeds = list(dict.fromkeys(i.license.url for i in items if i.license))
    authors = list(dict.fromkeys(name for i in items for name in i.authors))
    works = [_work(i) for i in items if i.title or i.source]
    found: dict[str, Any] = {}
    if deeds:
        found["license"] = deeds[0] if len(deeds) == 1 else deeds
    if authors:
        found["author"] = _people(authors)
    if works:
        found["isBasedOn"] = works
    return found


def json_ld(document: dict[str, Any]) -> str:
    """JSON safe to place inside `<script>`: no `</script>`, `<!--` or `&` can close or confuse
    it, whatever the record's text says (the escapes are plain JSON string escapes)."""
    text = json.dumps(document, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
