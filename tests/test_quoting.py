"""One quoting rule for every message: a value is escaped and cut, and no finding, whichever
code made it, can hold a raw control character."""

from __future__ import annotations

import json

import pytest

from build_tools.checks import prose
from build_tools.diagnostics import Diagnostic, Location, Note, escaped, quoted
from build_tools.report import render

ESC = "\\x1b"
"""How an escape character shows in a message."""

UNSAFE = [
    ("\n", "\\n"),
    ("\r", "\\r"),
    ("\t", "\\t"),
    ("\x1b", "\\x1b"),
    ("\x00", "\\x00"),
    ("\x7f", "\\x7f"),
    ("\x85", "\\x85"),
    ("\x9b", "\\x9b"),
    ("\u2028", "\\u2028"),
    ("\u2029", "\\u2029"),
    ("\u202e", "\\u202e"),
]


@pytest.mark.parametrize(("raw", "shown"), UNSAFE)
def test_a_control_character_is_written_as_a_visible_escape(raw: str, shown: str) -> None:
    assert quoted(f"a{raw}b") == f"'a{shown}b'"
    assert escaped(f"a{raw}b") == f"a{shown}b"


def test_ordinary_values_are_quoted_as_they_are() -> None:
    assert quoted("heel-lift") == "'heel-lift'"
    assert quoted("Wall calf stretch: “gentle” — 30 s") == "'Wall calf stretch: “gentle” — 30 s'"
    assert escaped("faq[3].id 'tips' is the id of the page's 'tips' section") == (
        "faq[3].id 'tips' is the id of the page's 'tips' section"
    )


def test_a_backslash_is_doubled_so_an_escape_means_one_thing() -> None:
    assert quoted("a\\nb") == "'a\\\\nb'"
    assert quoted("a\\nb") != quoted("a\nb")


def test_a_long_value_is_cut_to_sixty_characters() -> None:
    assert quoted("x" * 60) == f"'{'x' * 60}'"
    assert quoted("x" * 61) == f"'{'x' * 59}…'"
    assert quoted("x" * 3_000_000) == f"'{'x' * 59}…'"
    assert quoted("abcdef" * 20, keep_end=True) == f"'…{('abcdef' * 20)[-59:]}'"


def test_a_cut_never_splits_an_escape() -> None:
    value = "x" * 57 + "\x1b" * 10
    assert quoted(value) == f"'{'x' * 57}…'"  # `\x1b` would not fit whole: none of it is shown
    assert quoted("\x1b" * 100) == "'" + ESC * 14 + "…'"
    assert len(quoted("\x1b" * 100)) <= 60 + 2


def test_the_prose_quotes_keep_their_width_and_follow_the_same_rule() -> None:
    assert prose.quoted("Stand \x1b[2J facing") == "'Stand \\x1b[2J facing'"
    assert prose.quoted("What\nabout it?") == "'What about it?'"  # spacing as the page shows it
    assert prose.quoted_end("\x1b" * 50) == "'..." + ESC * 9 + "'"


def test_no_message_can_hold_a_raw_control_character() -> None:
    # A message made without the helper (the loader's, a future check's) is guarded too.
    where = Location("content/a\nb.yaml", 3, 7)
    note = Note(where, "first\nhere\x1b[0m")
    diagnostic = Diagnostic("C101", "slug 'x\ny' is \x1b[31mred\u2028", where, notes=(note,))
    assert diagnostic.message == "slug 'x\\ny' is \\x1b[31mred\\u2028"
    assert diagnostic.notes[0].message == "first\\nhere\\x1b[0m"
    assert diagnostic.format().splitlines() == [
        "content/a\\nb.yaml:3:7: C101 slug 'x\\ny' is \\x1b[31mred\\u2028",
        "    note: content/a\\nb.yaml:3:7: first\\nhere\\x1b[0m",
    ]
    (annotation,) = render([diagnostic], "github").splitlines()
    assert annotation.startswith("::error file=content/a\\nb.yaml,line=3,col=7,title=C101::")
    assert "\x1b" not in annotation
    (found,) = json.loads(render([diagnostic], "json"))
    assert found["message"] == diagnostic.message
    assert found["notes"][0]["message"] == "first\\nhere\\x1b[0m"


def test_the_guard_is_idempotent() -> None:
    where = Location("content/a.yaml")
    once = Diagnostic("C101", "a\nb", where)
    assert once.escalated().message == once.message == "a\\nb"
