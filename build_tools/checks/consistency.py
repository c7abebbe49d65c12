"""Consistency between a record's metadata and its prose: what the record declares, the text
names; what the text names, the record declares; references between its parts resolve."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator

from ..diagnostics import Severity, quoted
from ..model import Exercise, FaqEntry, Reference, Step, Term, Variation, Vocabulary
from ..render.markup import plain_texts
from ..source.load import Content
from ..source.schema import field_name
from ..source.yaml_nodes import Path
from .prose import first_word, name_spans, names_any, normalize, phrase_spans, words
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


def says_which_muscles_work(exercise: Exercise, vocabulary: Vocabulary) -> bool:
    """Whether the record's text names some muscle of the vocabulary as one that works (not
    only as a place: see `only_placed`)."""
    for _, text in plain_texts(exercise):
        found = words(text)
        for term in vocabulary.muscles.values():
            names = [name for _, name in phrases(term)]
            if names_any(found, names) and _working_mention(text, names) is not None:
                return True
    return False


def must_be_named(exercise: Exercise, vocabulary: Vocabulary) -> Iterator[tuple[Path, Term]]:
    """The declared terms the text must name: the equipment (but what is implicit, such as body
    weight), the primary muscles and each variation's; secondary muscles need no mention."""
    for path, kind, id_ in declared(exercise):
        term = getattr(vocabulary, kind).get(id_)
        if term is None or term.implicit or path[:2] == ("muscles", "secondary"):
            continue  # an unknown term is C201's
        yield path, term


@record_check(
    "C301",
    "declared term not named in the text",
    example="content/heel-press.yaml:9:28: C301 muscles.primary 'hamstrings' is not named in the "
    "text (as 'Hamstrings' or an alias)",
    per_record=True,
)
def declared_terms_named(content: Content, vocabulary: Vocabulary) -> Iterator[Finding]:
    """What it catches: a primary muscle, a variation's muscle or a piece of equipment that
    the record declares but that neither its name nor its text ever names, by the term's
    name, an alias or one of its looser `mentions` in the vocabulary (whole words, any
    letter case). Secondary muscles need no mention, nor does equipment marked `implicit`
    (body weight): real text rarely names them, and rightly.

    Why: the panel at the top of the page says what the exercise works and needs; the text
    should explain it. A term the text never mentions is often a copy-paste leftover.

    How to fix: say in the text where the reader feels it or what it is used for; or remove
    the term. If the text names it by another word, add that word to the term in
    `content/vocabulary/terms.yaml`: to its `aliases` if the word names this term and no
    other, else (a body part such as `chest` or `calves`) to its `mentions`, which only this
    check reads, so the word never makes C302 see the muscle where a text names the body
    part."""
    for exercise in content.exercises:
        said = [exercise.name, *exercise.other_names, *(t for _, t in plain_texts(exercise))]
        text = words(" ".join(said))
        done: set[tuple[str, str]] = set()
        says_muscles: bool | None = None
        for path, term in must_be_named(exercise, vocabulary):
            kind = "equipment" if path[0] == "equipment" else "muscles"
            if (kind, term.id) in done:
                continue
            done.add((kind, term.id))
            if names_any(text, [text for _, text in phrases(term)] + list(term.mentions)):
                continue
            if kind == "muscles":
                # Steps that only say how to move leave the muscles to the panel; a text that
                # says which muscles work must not leave out one the record puts first.
                if says_muscles is None:
                    says_muscles = says_which_muscles_work(exercise, vocabulary)
                if not says_muscles:
                    continue
            where = field_name(tuple(p for p in path if not isinstance(p, int)))
            yield Finding(
                exercise.source.value(path),
                f"{where} {quoted(term.id)} is not named in the text"
                f" (as {quoted(term.name)} or an alias)",
            )


_CLAUSE_END = re.compile(r"[.;:!?,()\[\]{}—–\n/]|\b(?:while|until|then|but|because|when|whereas)\b")
_NEGATION = re.compile(
    r"\b(?:not|never|no|without|avoid\w*|don'?t|doesn'?t|shouldn'?t|nor)\b(?!\s+(?:only|just)\b)"
)
# Words that say a muscle works, tenses or is felt: a mention with one of them is about the muscle.
_WORK = re.compile(
    r"\b(?:work\w*|target\w*|engag\w*|strength\w*|train\w*|activat\w*|isolat\w*|hit|hits"
    r"|build\w*|develop\w*|contract\w*|squeez\w*|muscles?|emphas\w*|load\w*|burn\w*|feel\w*"
    r"|felt|stretch\w*|tension|tens\w*|tight\w*|loose\w*|relax\w*|focus\w*|recruit\w*"
    r"|involv\w*|fatigu\w*|pump\w*|strain\w*|sore\w*)\b"
)
# A body part named as a place: what something rests on, touches or lines up with, or a posture.
_PLACE_BEFORE = re.compile(
    r"\b(?:on|onto|upon|against|across|over|under|underneath|beneath|below|above|behind|along"
    r"|between|beside|toward|towards|to|at|by|near|off|than|rest|rests|resting|place|put|lay"
    r"|set|flatten\w*|arch|arching|round|rounding|hyperextend\w*|sag\w*|tuck|face|point"
    r"|touch\w*|cross|hook|rotate|turn|aligned|level|line)\b(?:\s+\S+){0,4}\s*$"
)
_PLACE_AFTER = re.compile(
    r"^\s*(?:(?:is|are|should|must|will|can|be|being|stay|stays|remain|remains|always|still"
    r"|completely|kept|held|firmly|also|only|not)\s+)*(?:flat|straight|neutral|still|stationary"
    r"|perpendicular|parallel|vertical|horizontal|in contact|in line|pointing|point|touch\w*"
    r"|rest\w*|on|onto|against|across|into|under|over|behind|between|down|up|close|near"
    r"|higher|lower|in front|off|level|square|aligned|tucked|rounded|arched|sag\w*|move|moves"
    r"|facing|face|hang\w*)\b"
)


def _clause(text: str, start: int, end: int) -> tuple[str, str]:
    """The words of the clause around text[start:end], before and after it, in lower case."""
    begin = max((m.end() for m in _CLAUSE_END.finditer(text, 0, start)), default=0)
    stop = _CLAUSE_END.search(text, end)
    return text[begin:start].lower(), text[end : stop.start() if stop else len(text)].lower()


def only_placed(text: str, start: int, end: int) -> bool:
    """Whether the muscle written at text[start:end] is named only as a place or a posture
    ("rest the bar on your chest", "keep your lower back flat"), or to say it should not work
    ("do not let your lower back take over"), rather than as a muscle that works."""
    before, after = _clause(text, start, end)
    if _NEGATION.search(before):
        return True
    if _WORK.search(before) or _WORK.search(after):
        return False
    return _PLACE_BEFORE.search(before) is not None or _PLACE_AFTER.match(after) is not None


def _working_mention(text: str, names: list[str]) -> str | None:
    for name in names:
        for start, end in phrase_spans(text, name):
            if not only_placed(text, start, end):
                return text[start:end]
    return None


@record_check(
    "C302",
    "muscle named in the text but not declared",
    Severity.WARNING,
    example="content/heel-press.yaml:101:5: C302 tips[5] names 'hamstrings' (muscles"
    " 'hamstrings'), which the record does not declare",
    per_record=True,
)
def named_muscles_declared(content: Content, vocabulary: Vocabulary) -> Iterator[Finding]:
    """What it catches: a muscle of the vocabulary that the text names (by name or alias, never
    by the looser `mentions`) as a muscle at work, but that the record declares neither as a
    primary or secondary muscle nor for a variation. A muscle named only as a place or a
    posture ("rest the bar on your chest", "keep your lower back flat", "forearms
    perpendicular to the floor") or to say it should not work ("do not arch your lower back")
    is no missing declaration, and not reported.

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
                if names_any(found, names) is None:
                    continue
                written = _working_mention(text, names)
                if written is not None:
                    yield Finding(
                        exercise.source.value(path),
                        f"{field_name(path)} names {quoted(written)}"
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
