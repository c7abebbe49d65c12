"""The muscle map and the vocabulary agree: every muscle has a region on the map (or is declared
not drawable), and every region is for a muscle a record can name."""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostics import Severity, quoted
from ..model import Vocabulary
from ..render.figure.muscle_map import FROM_IMPORTS, REGIONS
from ..source.load import Content
from .registry import Finding, record_check


@record_check(
    "C203",
    "muscle the muscle map cannot show",
    example="content/vocabulary/terms.yaml:50:3: C203 muscles 'rotator-cuff' has no region on"
    " the muscle map: pages would leave it out of the picture",
)
def muscles_drawn(content: Content, vocabulary: Vocabulary) -> Iterator[Finding]:
    """What it catches: a muscle of `content/vocabulary/terms.yaml` that the muscle map has
    no region for, and that is not declared `drawable: false`, such as a new term an import
    added or a term given a new id.

    Why: each exercise page shows its muscles on the map; a muscle without a region would be
    missing from the picture with nothing to say so.

    How to fix: use the id of a muscle the map draws (the message of C204 names a region left
    without its term); or declare the term `drawable: false`, and the page names it beside
    the map as not drawn; or draw a region for it in
    `build_tools/render/figure/muscle_map.py`."""
    for term in vocabulary.muscles.values():
        if term.drawable and term.id not in REGIONS:
            yield Finding(
                vocabulary.source.key(("muscles", term.id)),
                f"muscles {quoted(term.id)} has no region on the muscle map: pages would leave"
                " it out of the picture",
            )


@record_check(
    "C204",
    "region of the muscle map for no muscle",
    Severity.WARNING,
    example="content/vocabulary/terms.yaml:30:1: C204 the muscle map draws 'lats', which is no"
    " muscle of the vocabulary: no page can show it",
)
def regions_named(content: Content, vocabulary: Vocabulary) -> Iterator[Finding]:
    """What it catches: a region of the muscle map whose id is no muscle of
    `content/vocabulary/terms.yaml`, most often because a term was given a new id or removed.
    The muscles that the wger import adds (serratus anterior, brachialis) have regions drawn
    ahead of their terms, and are not reported.

    Why: records name muscles by the vocabulary's ids, so a region for any other id is never
    shown; when a term was renamed, its new id has no region (C203).

    How to fix: give the term back the id the map draws (keep the new one as an alias); if
    the muscle left the reference on purpose, ignore C204 in the project's choice of checks
    (`[tool.exercise-reference.checks]` in `pyproject.toml`)."""
    for muscle in REGIONS:
        if muscle not in vocabulary.muscles and muscle not in FROM_IMPORTS:
            yield Finding(
                vocabulary.source.key(("muscles",)),
                f"the muscle map draws {quoted(muscle)}, which is no muscle of the vocabulary:"
                " no page can show it",
            )
