"""Names the generated pages claim: a record or term must not take a page's address."""

from __future__ import annotations

from collections.abc import Iterator

from ..browse import NO_EQUIPMENT
from ..load import Content
from ..model import Vocabulary
from ..registry import Finding, record_check

RESERVED_SLUGS = frozenset({"index"})


@record_check("C801", "equipment id reserved for the no-equipment filter")
def no_equipment_is_reserved(content: Content, vocabulary: Vocabulary) -> Iterator[Finding]:
    """`browse/equipment/none/` lists the exercises that need nothing but body weight, and the
    filter page's `?equipment=none` finds them; an equipment term called `none` would take both."""
    if NO_EQUIPMENT in vocabulary.equipment:
        yield Finding(
            vocabulary.source.key(("equipment", NO_EQUIPMENT)),
            f"equipment id '{NO_EQUIPMENT}' is reserved for exercises that need no equipment",
        )


@record_check("C802", "slug reserved for the exercise index")
def index_slug_is_reserved(content: Content, vocabulary: Vocabulary) -> Iterator[Finding]:
    """`exercises/` is the A–Z index; an exercise whose slug is `index` would replace it."""
    for exercise in content.exercises:
        if exercise.slug in RESERVED_SLUGS:
            yield Finding(
                exercise.source.value(("slug",)),
                f"slug '{exercise.slug}' is reserved for the exercise index",
            )
