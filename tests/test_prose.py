"""Reading prose: whole words, hyphens read as spaces, the text's own spelling reported."""

from __future__ import annotations

from build_tools.prose import as_written, names_any, quoted, quoted_end, sentences, words


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
