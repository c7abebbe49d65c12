"""Identity: each record's slug names its file and is unique; ids within a record are unique
and leave the page's own anchors alone; no question is asked twice."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import PurePosixPath

from ..anchors import anchored_items
from ..diagnostics import Note, quoted
from ..model import Exercise, Vocabulary, page_id_use
from ..source.load import Content
from ..source.schema import field_name
from ..source.yaml_nodes import Path
from .prose import normalize
from .prose import quoted as quoted_text
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
                f"slug {quoted(exercise.slug)} does not match the file name"
                f" {quoted(stem + '.yaml')}",
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
                f"slug {quoted(exercise.slug)} is already used by {where.path}",
                (Note(where, "first used here"),),
            )


@record_check(
    "C107",
    "two exercises with the same name",
    example="content/wall-calf-stretch.yaml:2:7: C107 name 'Heel press' is also the name of"
    " content/heel-press.yaml: readers could not tell the two pages apart",
)
def names_unique(content: Content, vocabulary: Vocabulary) -> Iterator[Finding]:
    """What it catches: two published records whose names are the same, whatever the letter
    case, hyphens or spacing. Drafts are left out until they are published.

    Why: the title is how a reader tells pages apart, in search results, on A–Z and in a
    browser tab; two pages called the same leave them guessing which one they want.

    How to fix: if the two are one exercise, merge them and keep the other slug in
    `aliases`; if they differ, say how in the name (the equipment, the grip, the position:
    `Wall Sit (Exercise ball)`) and keep the plain name in `other_names`."""
    first: dict[str, Exercise] = {}
    for exercise in content.exercises:
        if exercise.draft:
            continue
        key = " ".join(exercise.name.casefold().replace("-", " ").split())
        earlier = first.setdefault(key, exercise)
        if earlier is not exercise:
            where = earlier.source.value(("name",))
            yield Finding(
                exercise.source.value(("name",)),
                f"name {quoted(exercise.name)} is also the name of {where.path}: readers could"
                " not tell the two pages apart",
                (Note(where, "the other page's name"),),
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
                    f"{field_name(path)} {quoted(id_)} is already used by {earlier}",
                    (Note(exercise.source.value((section, first, "id")), "first used here"),),
                )


_PREFIXES = {"step-": "steps", "variation-": "variations"}


def _taken(exercise: Exercise, anchor: str, bare: bool) -> str | None:
    """What the page already gives `anchor` to, as the end of a message; None when it is free.
    `bare` for an FAQ entry's anchor, the id as written, which may not take the form of a
    step's or a variation's anchor either."""
    use = page_id_use(anchor)
    if use is not None:
        return f"is the id of {use}"
    if anchor == exercise.slug:
        return "is the id of the page title (the slug)"
    prefix = next((p for p in _PREFIXES if anchor.startswith(p)), None) if bare else None
    if prefix is not None:
        return f"starts with '{prefix}', which the page keeps for {_PREFIXES[prefix]}"
    return None


def _taken_message(path: Path, id_: str, anchor: str, problem: str) -> str:
    if anchor == id_:
        return f"{field_name(path)} {quoted(id_)} {problem}"
    anchor_shown = quoted("#" + anchor)
    return f"{field_name(path)} {quoted(id_)} makes the anchor {anchor_shown}, which {problem}"


@record_check(
    "C104",
    "FAQ id the page already uses",
    example="content/heel-press.yaml:124:9: C104 faq[3].id 'tips' is the id of the page's 'tips' "
    "section",
    per_record=True,
)
def faq_ids_free(content: Content, vocabulary: Vocabulary) -> Iterator[Finding]:
    """What it catches: an FAQ id that the page already gives to something else: a section
    (`tips`, `faq`, `description`…), the search form (`find-query`, `find-results`), the
    stance figure (`stance-<variation>-title`), the page title (the slug), or an id starting
    with `step-` or `variation-`, which the page keeps for steps and variations. A step's or
    variation's anchor (`step-<id>`) equal to one of the page's ids is caught too.

    Why: an FAQ entry's id is its anchor as written (`#heel-lift`); if it equals another
    anchor on the page, a link to the answer lands on the other element, and the build
    rejects the page.

    How to fix: choose another short id for the entry, usually a word or two of its topic."""
    for exercise in content.exercises:
        for item in anchored_items(exercise):
            problem = _taken(exercise, item.anchor, item.anchor == item.id)
            if problem is not None:
                path: Path = (*item.path, "id")
                yield Finding(
                    exercise.source.value(path),
                    _taken_message(path, item.id, item.anchor, problem),
                )


@record_check(
    "C106",
    "anchor alias the page already uses",
    example="content/heel-press.yaml:125:15: C106 faq[3].aliases[0] 'find-results' is the id of"
    " the list of search results",
    per_record=True,
)
def aliases_free(content: Content, vocabulary: Vocabulary) -> Iterator[Finding]:
    """What it catches: an old id kept in the `aliases` of a step, variation or FAQ entry that
    the page already gives to something else: a section (`tips`), the search form
    (`find-results`), the stance figure, the page title (the slug), or, for an FAQ entry, an id
    in the form of a step's or variation's anchor (`step-…`, `variation-…`).

    Why: an alias is an anchor of its own on the page; when another element carries the same
    id, the old link lands on that element (the section, the search list, the figure) instead
    of the entry it was kept for.

    How to fix: remove the alias: a link with that id reaches the page's own element,
    whatever the record says. If a template change took an id that published links to the
    entry still use, give the template's element another id instead."""
    for exercise in content.exercises:
        items = list(anchored_items(exercise))
        live = {item.anchor for item in items}  # an alias equal to one is C502's
        for item in items:
            bare = item.anchor == item.id
            for index, (alias, anchor) in enumerate(
                zip(item.aliases, item.alias_anchors, strict=True)
            ):
                problem = None if anchor in live else _taken(exercise, anchor, bare)
                if problem is not None:
                    path: Path = (*item.path, "aliases", index)
                    yield Finding(
                        exercise.source.value(path), _taken_message(path, alias, anchor, problem)
                    )


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
                f"{field_name(path)} {quoted_text(entry.question)} is already asked in"
                f" faq[{first}]",
                (Note(exercise.source.value(("faq", first, "question")), "first asked here"),),
            )
