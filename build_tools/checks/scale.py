"""Names the generated pages claim: a record or term must not take a page's address."""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostics import quoted
from ..model import Vocabulary
from ..site.browse import NO_EQUIPMENT
from ..source.load import Content
from .registry import Finding, record_check

RESERVED_SLUGS = frozenset({"index"})


@record_check(
    "C801",
    "equipment id reserved for the no-equipment filter",
    example="content/vocabulary/terms.yaml:30:3: C801 equipment id 'none' is reserved for "
    "exercises that need no equipment",
)
def no_equipment_is_reserved(content: Content, vocabulary: Vocabulary) -> Iterator[Finding]:
    """What it catches: an equipment term whose id is `none` in
    `content/vocabulary/terms.yaml`.

    Why: the page `browse/equipment/none/` lists the exercises that need nothing but body
    weight, and the filter page's `?equipment=none` finds them; an equipment term called
    `none` would take both.

    How to fix: remove the term: a record that needs nothing lists `equipment: [body-weight]`
    and is listed under No equipment by itself. If the term names real equipment, give it an
    id that says which."""
    if NO_EQUIPMENT in vocabulary.equipment:
        yield Finding(
            vocabulary.source.key(("equipment", NO_EQUIPMENT)),
            f"equipment id '{NO_EQUIPMENT}' is reserved for exercises that need no equipment",
        )


@record_check(
    "C802",
    "slug reserved for the exercise index",
    example="content/index.yaml:3:7: C802 slug 'index' is reserved for the exercise index",
    per_record=True,
)
def index_slug_is_reserved(content: Content, vocabulary: Vocabulary) -> Iterator[Finding]:
    """What it catches: a record whose `slug` is `index`.

    Why: the address `exercises/` is the A–Z index of every exercise; an exercise whose slug
    is `index` would be published there too and replace it.

    How to fix: give the record a slug made from the exercise's name, such as `heel-press`,
    and name its file after it."""
    for exercise in content.exercises:
        if exercise.slug in RESERVED_SLUGS:
            yield Finding(
                exercise.source.value(("slug",)),
                f"slug {quoted(exercise.slug)} is reserved for the exercise index",
            )
