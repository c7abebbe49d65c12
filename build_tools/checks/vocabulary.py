"""Vocabulary: every term a record names exists in `content/vocabulary/terms.yaml`."""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from ..load import Content
from ..model import Exercise, Vocabulary
from ..registry import Finding, record_check
from ..yaml_source import Path


def term_uses(exercise: Exercise) -> Iterator[tuple[Path, str, str]]:
    """Every vocabulary id the record names: (path of the value, vocabulary kind, id)."""
    yield ("category",), "categories", exercise.category
    yield ("level",), "levels", exercise.level
    lists = (
        (("equipment",), "equipment", exercise.equipment),
        (("muscles", "primary"), "muscles", exercise.primary_muscles),
        (("muscles", "secondary"), "muscles", exercise.secondary_muscles),
        (("when_to_use",), "uses", exercise.when_to_use),
        *(
            (("variations", index, "muscles"), "muscles", variation.muscles)
            for index, variation in enumerate(exercise.variations)
        ),
    )
    for path, kind, ids in lists:
        for position, term in enumerate(ids):
            yield (*path, position), kind, term


@record_check("C201", "term not in the vocabulary")
def terms_exist(content: Content, vocabulary: Vocabulary) -> Iterator[Finding]:
    """Muscles, equipment, category, level and uses are ids from the controlled vocabulary, so that
    pages show one name for one thing and browse pages can group exercises by them."""
    for exercise in content.exercises:
        for path, kind, term in term_uses(exercise):
            terms = getattr(vocabulary, kind)
            if term in terms:
                continue
            hint = difflib.get_close_matches(term, list(terms), n=1, cutoff=0.6)
            suffix = f" (did you mean '{hint[0]}'?)" if hint else ""
            field = ".".join(str(p) for p in path if not isinstance(p, int))
            yield Finding(
                exercise.source.value(path),
                f"{field} '{term}' is not in the {kind} vocabulary{suffix}",
            )
