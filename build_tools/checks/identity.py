"""Identity: each record's slug names its file and is unique; ids within a record are unique
and leave the page's own anchors alone; no question is asked twice."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import PurePosixPath

from ..diagnostics import Note
from ..model import SECTION_IDS, Exercise, Vocabulary
from ..source.load import Content
from ..source.schema import field_name
from ..source.yaml_nodes import Path
from .prose import normalize, quoted
from .registry import Finding, record_check


@record_check(
    "C101",
    "slug does not match the file name",
    example="content/wall-calf-stretch.yaml:3:7: C101 slug 'heel-press' does not match the file "
    "name 'wall-calf-stretch.yaml'",
    per_record=True,
)
def slug_matches_file(content: Content, vocabulary: Vocabulary) -> Iterator[Finding]:
    """What it catches: a record whose `slug` differs from its file name without `.yaml`.

    Why: the page's address comes from the slug; with the file named the same, an editor
    finds the record of any page from its address.

    How to fix: rename the file to `<slug>.yaml`. Change the slug itself only if the page has
    never been published: links to it would break."""
    for exercise in content.exercises:
        stem = PurePosixPath(exercise.source.path).stem
        if exercise.slug != stem:
            yield Finding(
                exercise.source.value(("slug",)),
                f"slug '{exercise.slug}' does not match the file name '{stem}.yaml'",
            )


@record_check(
    "C102",
    "slug used by two records",
    example="content/wall-calf-stretch.yaml:3:7: C102 slug 'heel-press' is already used by"
    " content/heel-press.yaml",
)
def slugs_unique(content: Content, vocabulary: Vocabulary) -> Iterator[Finding]:
    """What it catches: two records with the same `slug`.

    Why: both would be published at the same address and one page would silently replace
    the other.

    How to fix: give the new record its own slug, and name its file after it."""
    first: dict[str, Exercise] = {}
    for exercise in content.exercises:
        earlier = first.setdefault(exercise.slug, exercise)
        if earlier is not exercise:
            where = earlier.source.value(("slug",))
            yield Finding(
                exercise.source.value(("slug",)),
                f"slug '{exercise.slug}' is already used by {where.path}",
                (Note(where, "first used here"),),
            )


def _ids(exercise: Exercise) -> Iterator[tuple[str, Sequence[str]]]:
    yield "instructions", [step.id for step in exercise.instructions]
    yield "variations", [variation.id for variation in exercise.variations]
    yield "faq", [entry.id for entry in exercise.faq]


@record_check(
    "C103",
    "id used twice in a list",
    example="content/heel-press.yaml:124:9: C103 faq[3].id 'knee-angle' is already used by faq[2]",
    per_record=True,
)
def ids_unique(content: Content, vocabulary: Vocabulary) -> Iterator[Finding]:
    """What it catches: two FAQ entries, two steps or two variations of one record with the
    same `id`.

    Why: the id is the entry's anchor on the page (`#heel-lift`); with two equal anchors a
    link sent to a client opens the first entry, whichever was meant.

    How to fix: give the newer entry an id of its own. Keep the published one as it is."""
    for exercise in content.exercises:
        for section, ids in _ids(exercise):
            seen: dict[str, int] = {}
            for index, id_ in enumerate(ids):
                first = seen.setdefault(id_, index)
                if first == index:
                    continue
                path: Path = (section, index, "id")
                earlier = field_name((section, first))
                yield Finding(
                    exercise.source.value(path),
                    f"{field_name(path)} '{id_}' is already used by {earlier}",
                    (Note(exercise.source.value((section, first, "id")), "first used here"),),
                )


_PREFIXES = {"step-": "steps", "variation-": "variations"}


@record_check(
    "C104",
    "FAQ id the page already uses",
    example="content/heel-press.yaml:124:9: C104 faq[3].id 'tips' is the id of the page's 'tips' "
    "section",
    per_record=True,
)
def faq_ids_free(content: Content, vocabulary: Vocabulary) -> Iterator[Finding]:
    """What it catches: an FAQ id that the page already gives to something else: a section
    (`tips`, `faq`, `description`…), the page title (the slug), or an id starting with
    `step-` or `variation-`, which the page keeps for steps and variations.

    Why: an FAQ entry's id is its anchor as written (`#heel-lift`); if it equals another
    anchor on the page, a link to the answer lands on the other element.

    How to fix: choose another short id for the entry, usually a word or two of its topic."""
    for exercise in content.exercises:
        for index, entry in enumerate(exercise.faq):
            path: Path = ("faq", index, "id")
            prefix = next((p for p in _PREFIXES if entry.id.startswith(p)), None)
            if entry.id in SECTION_IDS:
                problem = f"is the id of the page's '{entry.id}' section"
            elif entry.id == exercise.slug:
                problem = "is the id of the page title (the slug)"
            elif prefix is not None:
                problem = f"starts with '{prefix}', which the page keeps for {_PREFIXES[prefix]}"
            else:
                continue
            yield Finding(exercise.source.value(path), f"{field_name(path)} '{entry.id}' {problem}")


@record_check(
    "C105",
    "question asked twice",
    example="content/heel-press.yaml:130:15: C105 faq[4].question 'should my rear heel ever lift "
    "off the...' is already asked in faq[3]",
    per_record=True,
)
def questions_unique(content: Content, vocabulary: Vocabulary) -> Iterator[Finding]:
    """What it catches: two FAQ entries of one record with the same question, ignoring
    letter case, spacing and the closing punctuation.

    Why: readers scan the questions; the same question twice splits its answer in two.

    How to fix: merge the two answers into one entry, or reword the question the second
    answer really answers."""
    for exercise in content.exercises:
        seen: dict[str, int] = {}
        for index, entry in enumerate(exercise.faq):
            key = normalize(entry.question).rstrip("?!. ").casefold()
            first = seen.setdefault(key, index)
            if first == index:
                continue
            path: Path = ("faq", index, "question")
            yield Finding(
                exercise.source.value(path),
                f"{field_name(path)} {quoted(entry.question)} is already asked in faq[{first}]",
                (Note(exercise.source.value(("faq", first, "question")), "first asked here"),),
            )
