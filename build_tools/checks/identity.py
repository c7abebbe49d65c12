"""Identity: each record's slug names its file and is unique."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import PurePosixPath

from ..load import Content
from ..model import Vocabulary
from ..registry import Finding, record_check


@record_check("C101", "slug does not match the file name")
def slug_matches_file(content: Content, vocabulary: Vocabulary) -> Iterator[Finding]:
    """The page's address comes from `slug`; the file must carry the same name so an editor finds
    the record of any page by its URL."""
    for exercise in content.exercises:
        stem = PurePosixPath(exercise.source.path).stem
        if exercise.slug != stem:
            yield Finding(
                exercise.source.value(("slug",)),
                f"slug '{exercise.slug}' does not match the file name '{stem}.yaml'",
            )
