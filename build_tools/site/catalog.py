"""What the site's search and filter page read: search entries for every exercise, FAQ question,
browse page and hand-written page, and per browse group the A–Z positions of its exercises.

An exercise's A–Z position is also its id in the search index, so the filter page shows its
results with the index's own entry files.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from lxml import etree

from ..addresses import file_of, url_of_source
from ..model import Exercise, Vocabulary
from ..render.markup import plain
from .browse import NO_EQUIPMENT, Group
from .search_index import Entry, deltas

KIND_NAMES = {
    "muscle": "Muscle",
    "equipment": "Equipment",
    "level": "Level",
    "category": "Category",
}
NO_EQUIPMENT_NAMES = ("no equipment", "bodyweight only", "body weight only")
FACET_DIR = "browse/data"
EDITORS_SECTIONS = frozenset({"reference", "editors", "benchmark", "publishing"})
"""The editors' pages (hand-written and generated): readers' search never offers them."""
_PARSER = etree.HTMLParser()


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def _terms(e: Exercise, vocabulary: Vocabulary) -> tuple[str, ...]:
    """Every name and alias of the exercise's muscles, equipment, category, level and uses."""
    used = (
        *((vocabulary.muscles, m) for m in (*e.primary_muscles, *e.secondary_muscles)),
        *((vocabulary.equipment, t) for t in e.equipment),
        (vocabulary.categories, e.category),
        (vocabulary.levels, e.level),
        *((vocabulary.uses, u) for u in e.when_to_use),
    )
    return tuple(
        dict.fromkeys(
            text for terms, id_ in used for text in (terms[id_].name, *terms[id_].aliases)
        )
    )


def _sentences(e: Exercise) -> tuple[str, ...]:
    """The exercise's body text as the reader sees it (no `**`, no link addresses), sentence by
    sentence (a snippet is one sentence)."""
    texts = (
        e.summary,
        *map(plain, e.description),
        *(s.text for s in e.instructions),
        *(part for v in e.variations for part in (v.name, v.emphasis)),
        *map(plain, e.tips),
        *(plain(f.answer) for f in e.faq),
    )
    return tuple(s for text in texts for s in _SENTENCE_END.split(" ".join(text.split())) if s)


def exercise_entries(ordered: Sequence[Exercise], vocabulary: Vocabulary) -> list[Entry]:
    """Each exercise (A–Z, so its position is its id), then each FAQ question, in that order."""
    found = [
        Entry(
            "exercise",
            e.name,
            e.url,
            f"{vocabulary.categories[e.category].name} · {vocabulary.levels[e.level].name}",
            e.other_names,
            terms=_terms(e, vocabulary),
            text=_sentences(e),
            about=e.summary,
        )
        for e in ordered
    ]
    for e in ordered:
        found.extend(
            Entry("faq", f.question, f"{e.url}#{f.anchor}", e.name, about=plain(f.answer))
            for f in e.faq
        )
    return found


def browse_entries(groups: Iterable[Group], vocabulary: Vocabulary) -> list[Entry]:
    """The browse pages of terms (not letters): found by the term's name and aliases."""
    found = []
    for group in groups:
        if group.kind == "letter":
            continue
        count = len(group.exercises)
        context = f"{KIND_NAMES[group.kind]} · {count} exercise{'s' if count != 1 else ''}"
        if group.term == NO_EQUIPMENT:
            names: tuple[str, ...] = NO_EQUIPMENT_NAMES
        else:
            kind = {"muscle": "muscles", "level": "levels", "category": "categories"}
            term = getattr(vocabulary, kind.get(group.kind, group.kind))[group.term]
            names = term.aliases
        # A page of one exercise is worth less to the reader than the exercise itself.
        found.append(
            Entry(
                "browse", group.label, group.url(), context, names, names_rank_as_terms=count == 1
            )
        )
    return found


def facet_files(ordered: Sequence[Exercise], groups: Iterable[Group]) -> dict[str, bytes]:
    """`browse/data/<kind>/<term>.json`: the group's exercises as delta-coded A–Z positions."""
    position = {e.slug: i for i, e in enumerate(ordered)}
    return {
        f"{FACET_DIR}/{g.kind}/{g.term}.json": json.dumps(
            deltas(position[e.slug] for e in g.exercises), separators=(",", ":")
        ).encode()
        for g in groups
        if g.kind in KIND_NAMES
    }


def written_page_entries(
    site_dir: Path, sources: Iterable[str], titles: Mapping[str, str]
) -> list[Entry]:
    """The pages written in Markdown (by hand, or the editors' reference), found by their title
    and the titles of their sections, read from the built pages whichever generator wrote them:
    the title the navigation gives the page (else its `h1`), and each `h2` that has an id."""
    found = []
    for source in sources:
        if source.split("/")[0].removesuffix(".md") in EDITORS_SECTIONS:
            continue
        url = url_of_source(source)
        path = site_dir / file_of(url)
        if not path.is_file():
            continue
        root = etree.fromstring(path.read_bytes(), _PARSER)
        article = next(iter(root.iter("article")), root) if root is not None else None
        if article is None:
            continue
        h1 = next(article.iter("h1"), None)
        title = titles.get(source) or (_heading_text(h1) if h1 is not None else source)
        found.append(Entry("page", title, url))
        for h2 in article.iter("h2"):
            if h2.get("id"):
                found.append(Entry("page", _heading_text(h2), f"{url}#{h2.get('id')}", title))
    return found


def _heading_text(heading: etree._Element) -> str:
    """A heading's text without its permalink."""
    parts = [heading.text or ""]
    for child in heading:
        if "headerlink" not in (child.get("class") or "").split():
            parts.append("".join(str(t) for t in child.itertext()))
        parts.append(child.tail or "")
    return " ".join("".join(parts).split())
