"""Text hygiene: questions ask, steps and tips are sentences, nothing is said twice, and no
template code, placeholder or empty item is left in a record."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..diagnostics import Note
from ..model import Exercise, Vocabulary
from ..render.markup import plain_texts
from ..source.load import Content
from ..source.schema import field_name
from ..source.yaml_nodes import Path
from .prose import has_words, normalize, quoted, quoted_end, sentences
from .registry import Finding, record_check


@record_check(
    "C401",
    "question without a question mark",
    example="content/heel-press.yaml:109:15: C401 faq[0].question 'What does Heel Press stretch "
    "most' does not end with '?'",
    per_record=True,
)
def questions_ask(content: Content, vocabulary: Vocabulary) -> Iterator[Finding]:
    """What it catches: an FAQ question that does not end with `?`.

    Why: the entries are read as questions; a statement there reads like a heading that lost
    its section.

    How to fix: phrase it as a question and end it with `?`."""
    for exercise in content.exercises:
        for index, entry in enumerate(exercise.faq):
            question = normalize(entry.question)
            if has_words(question) and not question.endswith("?"):
                path: Path = ("faq", index, "question")
                yield Finding(
                    exercise.source.value(path),
                    f"{field_name(path)} {quoted(question)} does not end with '?'",
                )


def sentence_texts(exercise: Exercise) -> Iterator[tuple[Path, str]]:
    """The texts written as full sentences: description, steps, tips and answers."""
    for path, text in plain_texts(exercise):
        if path[0] in {"description", "instructions", "tips"} or path[-1] == "answer":
            yield path, text


_OPENING = "\"'“‘("
_CLOSING = "\"'”’)"


@record_check(
    "C402",
    "not a full sentence",
    example="content/heel-press.yaml:89:5: C402 tips[1] does not start with a capital letter: "
    "'keep pressure through the whole back ...'",
    per_record=True,
)
def full_sentences(content: Content, vocabulary: Vocabulary) -> Iterator[Finding]:
    """What it catches: a description paragraph, step, tip or answer that does not start with
    a capital letter or a digit, or does not end with `.`, `!` or `?`.

    Why: steps and tips are read one by one, often aloud by a coach; a fragment or a cut-off
    sentence is usually text lost in an edit.

    How to fix: complete the sentence: start it with a capital and end it with a full stop."""
    for exercise in content.exercises:
        for path, raw in sentence_texts(exercise):
            text = normalize(raw)
            if not has_words(text):
                continue  # C405 reports it
            first, last = text.lstrip(_OPENING)[:1], text.rstrip(_CLOSING)[-1:]
            if not (first.isupper() or first.isdigit()):
                problem = f"does not start with a capital letter: {quoted(text)}"
            elif last not in {".", "!", "?"}:
                problem = f"does not end with '.', '!' or '?': {quoted_end(text)}"
            else:
                continue
            yield Finding(exercise.source.value(path), f"{field_name(path)} {problem}")


MIN_REPEATED_WORDS = 3
"""Shorter sentences may repeat: `No.` can begin two answers."""


@record_check(
    "C403",
    "sentence written twice",
    example="content/heel-press.yaml:103:5: C403 tips[6] repeats a sentence of tips[5]: 'Move into "
    "the wall slowly; ...'",
    per_record=True,
)
def sentences_unique(content: Content, vocabulary: Vocabulary) -> Iterator[Finding]:
    """What it catches: a sentence of three words or more that appears twice in one record's
    summary, description, steps, tips or answers (letter case and spacing aside). Repeated
    FAQ questions are C105's.

    Why: a sentence said twice on one page is nearly always a paste that went twice, and it
    makes the page longer without saying more.

    How to fix: delete one of the two, or rewrite one to say something the other does not."""
    for exercise in content.exercises:
        seen: dict[str, Path] = {}
        for path, text in plain_texts(exercise):
            if path[0] == "variations" or path[-1] == "question":
                continue
            for sentence in sentences(text):
                if len(sentence.split()) < MIN_REPEATED_WORDS:
                    continue
                first = seen.get(sentence.casefold())
                if first is None:
                    seen[sentence.casefold()] = path
                    continue
                yield Finding(
                    exercise.source.value(path),
                    f"{field_name(path)} repeats a sentence of {field_name(first)}:"
                    f" {quoted(sentence, 30)}",
                    (Note(exercise.source.value(first), "first written here"),),
                )


_TEMPLATE = re.compile(r"\{\{|\}\}|\{%|%\}|\{#|#\}")


@record_check(
    "C404",
    "leftover template syntax",
    example="content/heel-press.yaml:4:10: C404 summary contains template syntax '{{': 'A standing "
    "{{ kind }} against a wall ...'",
    per_record=True,
)
def no_template_syntax(content: Content, vocabulary: Vocabulary) -> Iterator[Finding]:
    """What it catches: `{{`, `}}`, `{%`, `%}`, `{#` or `#}` in a record's text.

    Why: record text is shown exactly as written and never run as a template, so these marks
    would be published as they are; they are left over from a draft or a copy from a
    template.

    How to fix: write the text the placeholder stood for."""
    for exercise in content.exercises:
        for path, text in [(("name",), exercise.name), *plain_texts(exercise)]:
            match = _TEMPLATE.search(text)
            if match:
                yield Finding(
                    exercise.source.value(path),
                    f"{field_name(path)} contains template syntax {quoted(match.group(0))}:"
                    f" {quoted(text)}",
                )


# Upper case only: `todo` is an ordinary word in some languages.
_PLACEHOLDER = re.compile(r"\b(?:TODO|TBD|FIXME|XXX)\b|\b[Ll]orem ipsum\b")
_MAYBE_PLACEHOLDER = re.compile("TODO|TBD|FIXME|XXX|orem ipsum")  # a literal scan, much faster


@record_check(
    "C405",
    "empty or placeholder item",
    example="content/heel-press.yaml:98:5: C405 tips[4] has no words: '...'",
    per_record=True,
)
def no_empty_items(content: Content, vocabulary: Vocabulary) -> Iterator[Finding]:
    """What it catches: a text or list item with no letter or digit in it (`...`, `-`), or
    holding a placeholder: `TODO`, `TBD`, `FIXME`, `XXX`, `lorem ipsum`. (An item with nothing
    at all is S103 or S104.)

    Why: the page would show an empty bullet, or a note that was meant for the editor.

    How to fix: write the item, or delete it."""
    for exercise in content.exercises:
        for path, text in plain_texts(exercise):
            match = _PLACEHOLDER.search(text) if _MAYBE_PLACEHOLDER.search(text) else None
            if not has_words(text):
                problem = "has no words"
            elif match:
                problem = f"holds the placeholder {quoted(match.group(0))}"
            else:
                continue
            yield Finding(
                exercise.source.value(path), f"{field_name(path)} {problem}: {quoted(text)}"
            )
