"""Text hygiene: questions ask, steps and tips are sentences, nothing is said twice, and no
template code, placeholder or empty item is left in a record."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..diagnostics import Note
from ..model import Exercise, Vocabulary
from ..render.markup import outline, outline_texts, plain_texts
from ..source.load import Content
from ..source.schema import field_name
from ..source.yaml_nodes import Path
from .prose import Block, blocks, has_words, is_link, normalize, quoted, quoted_end, sentences
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
    for path, text in outline_texts(exercise):
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
    a capital letter or a digit, or does not end with `.`, `!` or `?`. The items of a list
    written in the text (lines starting `- ` or `1. `) may be fragments; a paragraph may be a
    label ending in `:` when something follows it (the next line or paragraph), or nothing
    but a link.

    Why: steps and tips are read one by one, often aloud by a coach; a fragment or a cut-off
    sentence is usually text lost in an edit.

    How to fix: complete the sentence: start it with a capital and end it with a full stop."""
    for exercise in content.exercises:
        for path, raw in sentence_texts(exercise):
            if not has_words(raw):
                continue  # C405 reports it
            parts = blocks(raw)
            follows = path[0] == "description" and path[1] != len(exercise.description) - 1
            for number, block in enumerate(parts):
                text = block.text
                if block.item or not has_words(text) or is_link(text):
                    continue
                first, last = text.lstrip(_OPENING)[:1], text.rstrip(_CLOSING)[-1:]
                label = last == ":" and (number + 1 < len(parts) or follows)
                if not (first.isupper() or first.isdigit()):
                    problem = f"does not start with a capital letter: {quoted(text)}"
                elif last not in {".", "!", "?"} and not label:
                    problem = f"does not end with '.', '!' or '?': {quoted_end(text)}"
                else:
                    continue
                yield Finding(exercise.source.value(path), f"{field_name(path)} {problem}")
                break


MIN_REPEATED_WORDS = 3
"""Shorter sentences may repeat: `No.` can begin two answers."""


@dataclass(frozen=True)
class _Said:
    path: Path
    sentence: str
    closing: bool
    """The last sentence of a step or of a list item."""
    unit: int
    """The step or list item it is in, numbered through the record; -1 elsewhere."""
    whole: str
    """That step's or item's whole text."""


def _said(exercise: Exercise) -> Iterator[_Said]:
    unit = 0
    for path, text in outline_texts(exercise):
        if path[0] == "variations" or path[-1] == "question":
            continue
        step = path[0] == "instructions"
        for block in blocks(text) if not step else [Block(normalize(text), True)]:
            found = sentences(block.text)
            for index, sentence in enumerate(found):
                closing = block.item and index == len(found) - 1
                yield _Said(path, sentence, closing, unit if block.item else -1, block.text)
            unit += block.item


def _lede(exercise: Exercise) -> list[str]:
    """The first sentences of the description, list markers aside, as many as the summary
    has: a summary may be the description's opening sentence."""
    if not exercise.description or "summary" in exercise.missing:
        return []
    first = blocks(outline(exercise.description[0]))
    opening = sentences(first[0].text) if first else []
    return [s.casefold() for s in opening[: len(sentences(exercise.summary))]]


def _refrain(first: _Said, again: _Said) -> bool:
    """Whether a repeated sentence is a refrain: it closes two steps or list items ("Repeat on
    the opposite side."), which are not the same step pasted twice in a row."""
    if not (first.closing and again.closing):
        return False
    return not (again.unit == first.unit + 1 and again.whole.casefold() == first.whole.casefold())


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
    FAQ questions are C105's. The summary may be the description's first sentence, and a
    sentence may close two steps or list items ("Repeat on the opposite side."), unless the
    whole step is written twice in a row.

    Why: a sentence said twice on one page is nearly always a paste that went twice, and it
    makes the page longer without saying more.

    How to fix: delete one of the two, or rewrite one to say something the other does not."""
    for exercise in content.exercises:
        seen: dict[str, _Said] = {}
        lede = _lede(exercise)
        if lede != [s.casefold() for s in sentences(exercise.summary)]:
            lede = []
        for said in _said(exercise):
            if len(said.sentence.split()) < MIN_REPEATED_WORDS:
                continue
            key = said.sentence.casefold()
            if said.path == ("summary",) and key in lede:
                continue  # the description's opening, which may repeat it
            first = seen.get(key)
            if first is None:
                seen[key] = said
                continue
            if _refrain(first, said):
                continue
            yield Finding(
                exercise.source.value(said.path),
                f"{field_name(said.path)} repeats a sentence of {field_name(first.path)}:"
                f" {quoted(said.sentence, 30)}",
                (Note(exercise.source.value(first.path), "first written here"),),
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
