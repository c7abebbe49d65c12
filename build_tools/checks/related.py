"""Related exercises: each slug a record lists in `related` leads to another published page."""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostics import Note, Severity, quoted
from ..model import Exercise, Vocabulary
from ..source.load import Content
from .registry import Finding, record_check


def _old_slugs(content: Content) -> dict[str, Exercise]:
    """Each page alias (old slug) with the exercise it now belongs to; the first claim wins,
    as C702 asks."""
    found: dict[str, Exercise] = {}
    for exercise in content.exercises:
        for alias in exercise.aliases:
            found.setdefault(alias, exercise)
    return found


def _named(content: Content) -> Iterator[tuple[Exercise, int, str, Exercise | None, bool]]:
    """Each `related` item: (record, index, slug, the exercise it names, whether by an old
    slug); None when it names none."""
    old = _old_slugs(content)
    for exercise in content.exercises:
        for index, slug in enumerate(exercise.related):
            target = content.by_slug.get(slug)
            if target is not None:
                yield exercise, index, slug, target, False
            else:
                target = old.get(slug)
                yield exercise, index, slug, target, target is not None


@record_check(
    "C911",
    "related slug names no exercise",
    example="content/heel-press.yaml:157:11: C911 related 'wall-calf-strech' names no exercise",
)
def related_exists(content: Content, vocabulary: Vocabulary) -> Iterator[Finding]:
    """What it catches: a slug in `related` that is neither the slug nor an old slug
    (`aliases`) of any exercise.

    Why: the page would link to an address that does not exist; usually the slug is misspelt,
    or the exercise has not been written yet.

    How to fix: write the other exercise's `slug` as its record has it (its file name without
    `.yaml`), or remove the item until that exercise exists."""
    for exercise, index, slug, target, _ in _named(content):
        if target is None:
            yield Finding(
                exercise.source.value(("related", index)),
                f"related {quoted(slug)} names no exercise",
            )


@record_check(
    "C913",
    "related names the exercise itself",
    Severity.WARNING,
    example="content/heel-press.yaml:157:11: C913 related 'heel-press' is this exercise itself",
)
def related_is_another(content: Content, vocabulary: Vocabulary) -> Iterator[Finding]:
    """What it catches: a slug in `related` that is the record's own slug, or one of its own
    old slugs.

    Why: a page listed as related to itself is a link that goes nowhere new; it is left out,
    and the editor usually meant another exercise.

    How to fix: remove the item, or write the slug of the exercise that was meant."""
    for exercise, index, slug, target, by_old_slug in _named(content):
        if target is exercise:
            itself = "this exercise's own old slug" if by_old_slug else "this exercise itself"
            yield Finding(
                exercise.source.value(("related", index)), f"related {quoted(slug)} is {itself}"
            )


@record_check(
    "C914",
    "related exercise named by an old slug",
    Severity.WARNING,
    example="content/wall-calf-press.yaml:4:11: C914 related 'calf-press' is an old slug of"
    " 'Heel Press': write 'heel-press'",
)
def related_by_current_slug(content: Content, vocabulary: Vocabulary) -> Iterator[Finding]:
    """What it catches: a slug in `related` that is an old slug (in `aliases`) of another
    exercise rather than its current slug.

    Why: the link still works (the page links the exercise it now names), but the record
    names the exercise by an address that only redirects; if the old slug is ever given to
    another exercise the link would move with it.

    How to fix: write the current slug, given in the message."""
    for exercise, index, slug, target, by_old_slug in _named(content):
        if target is not None and by_old_slug and target is not exercise:
            yield Finding(
                exercise.source.value(("related", index)),
                f"related {quoted(slug)} is an old slug of {quoted(target.name)}: write"
                f" {quoted(target.slug)}",
                (Note(target.source.value(("slug",)), "its current slug"),),
            )
