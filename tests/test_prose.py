"""Reading prose: whole words, hyphens read as spaces, the text's own spelling reported."""

from __future__ import annotations

import re

import pytest

from build_tools.checks.prose import (
    as_written,
    name_spans,
    names_any,
    quoted,
    quoted_end,
    sentences,
    words,
)


def test_words_are_whole_and_hyphens_are_spaces() -> None:
    text = words("Do not let the stretch turn into a low-back lean; the Achilles area works.")
    assert names_any(text, ["low back"]) == "low back"
    assert names_any(text, ["Achilles tendon", "Achilles"]) == "Achilles"
    assert names_any(text, ["back lean"]) == "back lean"
    assert names_any(text, ["ow back", "achill", "works the"]) is None
    assert names_any(text, ["", "  "]) is None


def test_as_written_gives_the_texts_spelling() -> None:
    assert as_written("turns into a Low-Back lean", "low back") == "Low-Back"
    assert as_written("the hamstrings, mostly", "Hamstrings") == "hamstrings"


def test_sentences_split_after_the_stop() -> None:
    assert sentences("No. If the heel lifts, stop.  Why?  Go!") == [
        "No.",
        "If the heel lifts, stop.",
        "Why?",
        "Go!",
    ]


def test_quotes_stay_short_and_keep_the_end_when_asked() -> None:
    long = "Stand facing a wall and place both hands on it at about"
    assert quoted(long) == "'Stand facing a wall and place both ha...'"
    assert quoted_end(long) == "'...l and place both hands on it at about'"
    assert quoted("Short.") == quoted_end("Short.") == "'Short.'"


def _written(text: str, name: str) -> list[str]:
    return [text[start:end] for start, end in name_spans(text, name)]


def test_the_name_is_found_however_its_words_are_joined() -> None:
    text = "Heel Press, heel-press, HEELPRESS and heel -  press; not wheel press or heel pressing."
    assert _written(text, "Heel Press") == [
        "Heel Press",
        "heel-press",
        "HEELPRESS",
        "heel -  press",
    ]
    assert _written("the heel press_ and heel press", "Heel Press") == ["heel press"]
    assert _written("Pull-ups, pullups and pull ups", "Pull-ups") == ["Pull-ups"]
    assert _written("Straße stretch and STRASSE stretch", "Straße Stretch") == ["Straße stretch"]
    assert _written("anything", "") == []


@pytest.mark.parametrize(
    "text",
    [
        "heel heel press heelpress-heel press",
        "a heel-pressheel press, (heel press) heel\npress",
        "İstanbul heel press İ heel press",  # its lower case is longer: the careful way
    ],
)
def test_name_spans_match_the_regular_expression_they_stand_for(text: str) -> None:
    pattern = re.compile(r"(?<!\w)heel[\s-]*press(?!\w)", re.IGNORECASE)
    assert list(name_spans(text, "Heel Press")) == [m.span() for m in pattern.finditer(text)]
