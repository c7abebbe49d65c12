"""Consistency between a record's metadata and its prose: what the record declares, the text
names; what the text names, the record declares; references between its parts resolve."""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from ..diagnostics import Severity, quoted
from ..model import Exercise, FaqEntry, Reference, Step, Variation, Vocabulary
from ..render.markup import plain_texts
from ..source.load import Content
from ..source.schema import field_name
from ..source.yaml_nodes import Path
from .prose import as_written, first_word, name_spans, names_any, normalize, words
from .registry import Finding, record_check
from .vocabulary import phrases


def declared(exercise: Exercise) -> Iterator[tuple[Path, str, str]]:
    """Every muscle and piece of equipment the record declares: (path, vocabulary kind, id)."""
    for index, term in enumerate(exercise.equipment):
        yield ("equipment", index), "equipment", term
    for index, term in enumerate(exercise.primary_muscles):
        yield ("muscles", "primary", index), "muscles", term
    for index, term in enumerate(exercise.secondary_muscles):
        yield ("muscles", "secondary", index), "muscles", term
    for number, variation in enumerate(exercise.variations):
        for index, term in enumerate(variation.muscles):
            yield ("variations", number, "muscles", index), "muscles", term


def _phrases(vocabulary: Vocabulary, kind: str, term: str) -> list[str] | None:
    found = getattr(vocabulary, kind).get(term)
    return None if found is None else [text for _, text in phrases(found)]


@record_check(
    "C301",
    "declared term not named in the text",
    example="content/heel-press.yaml:9:28: C301 muscles.primary 'hamstrings' is not named in the "
    "text (as 'Hamstrings' or an alias)",
    per_record=True,
)
def declared_terms_named(content: Content, vocabulary: Vocabulary) -> Iterator[Finding]:
    """What it catches: a muscle or piece of equipment the record declares that its text never
    names, neither by the term's name nor by one of its aliases in the vocabulary (whole
    words, any letter case).

    Why: the panel at the top of the page says what the exercise works and needs; the text
    should explain it. A term the text never mentions is often a copy-paste leftover.

    How to fix: say in the text where the reader feels it or what it is used for; or remove
    the term; or, if the text names it by another word, add that word to the term's aliases
    in `content/vocabulary/terms.yaml`."""
    for exercise in content.exercises:
        text = words(" ".join(t for _, t in plain_texts(exercise)))
        done: set[tuple[str, str]] = set()
        for path, kind, term in declared(exercise):
            names = _phrases(vocabulary, kind, term)
            if names is None or (kind, term) in done:
                continue
            done.add((kind, term))
            if names_any(text, names) is None:
                name = getattr(vocabulary, kind)[term].name
                where = field_name(tuple(p for p in path if not isinstance(p, int)))
                yield Finding(
                    exercise.source.value(path),
                    f"{where} {quoted(term)} is not named in the text"
                    f" (as {quoted(name)} or an alias)",
                )


@record_check(
    "C302",
    "muscle named in the text but not declared",
    Severity.WARNING,
    example="content/heel-press.yaml:101:5: C302 tips[5] names 'hamstrings' (muscles"
    " 'hamstrings'), which the record does not declare",
    per_record=True,
)
def named_muscles_declared(content: Content, vocabulary: Vocabulary) -> Iterator[Finding]:
    """What it catches: a muscle of the vocabulary that the text names (by name or alias)
    but that the record declares neither as a primary or secondary muscle nor for a
    variation. A warning: the text may name it to say where the exercise should *not* be
    felt.

    Why: readers and browse pages go by the declared muscles; a muscle the text dwells on
    but the record leaves out is usually missing from `muscles`.

    How to fix: add the muscle to `muscles.secondary` (or `primary`), or reword the text."""
    for exercise in content.exercises:
        mine = {term for _, kind, term in declared(exercise) if kind == "muscles"}
        texts = [(path, text, words(text)) for path, text in plain_texts(exercise)]
        everything = "".join(found for _, _, found in texts)
        present = set(everything.split())
        for term in vocabulary.muscles.values():
            names = [text for _, text in phrases(term)]
            if term.id in mine or not any(first_word(name) in present for name in names):
                continue  # the quick test: the text has not even the first word of a name
            if names_any(everything, names) is None:
                continue
            for path, text, found in texts:
                name = names_any(found, names)
                if name is not None:
                    yield Finding(
                        exercise.source.value(path),
                        f"{field_name(path)} names {quoted(as_written(text, name))}"
                        f" (muscles {quoted(term.id)}), which the record does not declare",
                    )
                    break


@record_check(
    "C303",
    "exercise name written another way",
    Severity.WARNING,
    example="content/heel-press.yaml:25:5: C303 description[2] writes the name as 'Heel-Press'; "
    "the record's name is 'Heel Press'",
    per_record=True,
)
def name_consistent(content: Content, vocabulary: Vocabulary) -> Iterator[Finding]:
    """What it catches: the exercise's name written in the text with its words joined or
    hyphenated differently from `name`: `Heel-Press` or `Heelpress` for `Heel Press`.
    Letter case may follow the sentence (`use the heel press`).

    Why: one exercise has one name; readers and search should meet it in one form.

    How to fix: write the name as in `name`, or change `name` if the text is right."""
    for exercise in content.exercises:
        wanted = normalize(exercise.name).casefold()
        for path, text in plain_texts(exercise):
            for start, end in name_spans(text, exercise.name):
                if normalize(text[start:end]).casefold() != wanted:
                    yield Finding(
                        exercise.source.value(path),
                        f"{field_name(path)} writes the name as {quoted(text[start:end])};"
                        f" the record's name is {quoted(exercise.name)}",
                    )


@record_check(
    "C304",
    "variation not tied to the text",
    example="content/heel-press.yaml:73:5: C304 variations[0] 'straight-knee' has no 'see' "
    "reference to the step or FAQ entry that describes it",
    per_record=True,
)
def variations_described(content: Content, vocabulary: Vocabulary) -> Iterator[Finding]:
    """What it catches: a variation whose `see` list points to no step and no FAQ entry.

    Why: a variation is a change to how the exercise is done; the text must say how. The
    `see` references show where it does, as links beside the variation on the page.

    How to fix: add `see: [step:<id>]` or `see: [faq:<id>]` naming the step or answer that
    describes the variation; if none does, write that step or answer first."""
    for exercise in content.exercises:
        for index, variation in enumerate(exercise.variations):
            if not any(ref.kind in {"step", "faq"} for ref in variation.see):
                yield Finding(
                    exercise.source.value(("variations", index)),
                    f"variations[{index}] {quoted(variation.id)} has no 'see' reference to the"
                    " step or FAQ entry that describes it",
                )


_KIND_NAMES = {"step": "step", "faq": "FAQ entry", "variation": "variation"}


def _referrers(exercise: Exercise) -> Iterator[tuple[Path, Variation | FaqEntry]]:
    for index, variation in enumerate(exercise.variations):
        yield ("variations", index), variation
    for index, entry in enumerate(exercise.faq):
        yield ("faq", index), entry


def _ids(exercise: Exercise, kind: str) -> list[str]:
    lists: dict[str, tuple[Step | FaqEntry | Variation, ...]] = {
        "step": exercise.instructions,
        "faq": exercise.faq,
        "variation": exercise.variations,
    }
    return [item.id for item in lists[kind]]


@record_check(
    "C305",
    "reference that does not resolve",
    example="content/heel-press.yaml:77:35: C305 variations[0].see[1] 'faq:knee-angel' matches no "
    "FAQ entry (did you mean 'faq:knee-angle'?)",
    per_record=True,
)
def references_resolve(content: Content, vocabulary: Vocabulary) -> Iterator[Finding]:
    """What it catches: a `see` reference whose id is not the id of a step, FAQ entry or
    variation of the same record (`faq:knee-angel`), or that points to the entry it is on.

    Why: each reference becomes a link on the page; one that does not resolve leads nowhere.

    How to fix: correct the id (the message suggests a near one), or remove the reference."""
    for exercise in content.exercises:
        for at, item in _referrers(exercise):
            for index, ref in enumerate(item.see):
                path: Path = (*at, "see", index)
                target = exercise.target(ref)
                if target is item:
                    problem = "refers to the entry it is on"
                elif target is None:
                    hint = difflib.get_close_matches(ref.id, _ids(exercise, ref.kind), n=1)
                    meant = quoted(str(Reference(ref.kind, hint[0]))) if hint else ""
                    suffix = f" (did you mean {meant}?)" if hint else ""
                    problem = f"matches no {_KIND_NAMES[ref.kind]}{suffix}"
                else:
                    continue
                yield Finding(
                    exercise.source.value(path), f"{field_name(path)} {quoted(str(ref))} {problem}"
                )
