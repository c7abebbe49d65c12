"""Nothing a record, the vocabulary, the lock or a file in `content/` holds crashes or hangs the
loader: each problem is a located finding, and the limits hold far above real records."""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

import pytest

from build_tools.build.pipeline import Project, run
from build_tools.diagnostics import Diagnostic, sorted_diagnostics
from build_tools.reference.checks import catalogue_pages
from build_tools.source.identifiers import is_id, python_patterns
from build_tools.source.limits import DEPTH, FILE_BYTES, ITEMS, LIMITS, TEXT_CHARS
from build_tools.source.load import load_content
from build_tools.source.schema import load_schema
from build_tools.source.yaml_nodes import parse_yaml

from .conftest import ROOT

RECORD = ROOT / "content" / "heel-press.yaml"
LOCATED = re.compile(r"^(?P<path>[^:\s]+):(?P<line>\d+):(?P<col>\d+): (?P<code>[A-Z]\d{3}) ")


def heel_press_with(old: str, new: str) -> str:
    text = RECORD.read_text(encoding="utf-8")
    assert old in text
    return text.replace(old, new, 1)


def findings(project: Path) -> list[str]:
    content = load_content(project / "content", project)
    return [d.format() for d in sorted_diagnostics(content.diagnostics)]


def checked(project: Path) -> list[tuple[str, str, int, str]]:
    """(code, path, line, message) of everything `check` finds, every finding located."""
    found = []
    for diagnostic in run(Project.at(project)).diagnostics:
        where = diagnostic.location
        assert where.path
        assert where.line
        assert where.column
        found.append((diagnostic.code, where.path, where.line, diagnostic.message))
    return found


# --- 2. ids, slugs, aliases, vocabulary keys and one-line fields are matched whole ------------

NEWLINES = [
    ("slug: heel-press\n", 'slug: heel-press\naliases: ["old-slug\\n"]\n', 4, "'aliases[0]'"),
    ("slug: heel-press\n", 'slug: "heel-press\\n"\n', 3, "'slug'"),
    ("  - id: face-the-wall\n", '  - id: "face-the-wall\\n"\n', 44, "'instructions[0].id'"),
    (
        "  - id: face-the-wall\n",
        '  - id: face-the-wall\n    aliases: ["wall-first\\n"]\n',
        45,
        "'instructions[0].aliases[0]'",
    ),
    ("  - id: straight-knee\n", '  - id: "straight-knee\\n"\n', 73, "'variations[0].id'"),
    (
        "  - id: heel-lift\n",
        '  - id: heel-lift\n    aliases: ["heel-up\\n"]\n',
        125,
        "'faq[3].aliases[0]'",
    ),
    ("name: Heel Press\n", 'name: "Heel Press\\n"\n', 2, "'name'"),
    ("name: Heel Press\n", 'name: "Heel Press\\r"\n', 2, "'name'"),
    (
        "    question: Should my rear heel ever lift off the floor?\n",
        '    question: "Should my rear heel ever lift off the floor?\\n"\n',
        125,
        "'faq[3].question'",
    ),
]


@pytest.mark.parametrize(("old", "new", "line", "field"), NEWLINES, ids=[n[3] for n in NEWLINES])
def test_a_line_break_at_the_end_of_an_id_or_a_line_is_refused(
    project: Path, old: str, new: str, line: int, field: str
) -> None:
    (project / "content" / "heel-press.yaml").write_text(heel_press_with(old, new))
    found = checked(project)
    assert [(code, path, at) for code, path, at, _ in found] == [
        ("S105", "content/heel-press.yaml", line)
    ]
    assert field in found[0][3]


def test_a_vocabulary_key_or_name_with_a_line_break_is_refused(project: Path) -> None:
    terms = project / "content" / "vocabulary" / "terms.yaml"
    text = terms.read_text()
    wall = "  wall: {name: Wall, aliases: [wall]}\n"
    assert wall in text
    terms.write_text(
        text.replace(
            wall, '  wall: {name: Wall, aliases: [wall]}\n  "wall-bars\\n": {name: W}\n'
        ).replace("name: Wall,", 'name: "Wall\\n",')
    )
    found = [(code, line) for code, _, line, _ in checked(project)]
    assert found == [("S105", 17), ("S105", 18)]


def test_the_schemas_patterns_are_matched_whole_in_python() -> None:
    schema = python_patterns(load_schema("exercise.schema.json"))
    pattern = schema["$defs"]["id"]["pattern"]
    assert re.search(pattern, "old-slug")
    assert not re.search(pattern, "old-slug\n")
    # The files themselves keep ECMA's `$`, for editors' tooling.
    assert load_schema("exercise.schema.json")["$defs"]["id"]["pattern"].endswith("$")
    assert is_id("heel-lift")
    assert not is_id("heel-lift\n")
    assert not is_id("Heel")


def test_a_lock_line_with_a_break_inside_is_a_located_finding(project: Path) -> None:
    lock = project / "content" / "anchors.lock"
    text = lock.read_text()
    assert "exercises/heel-press/#heel-lift\n" in text
    lock.write_text(text.replace("#heel-lift\n", "#heel-lift\x0bold\n"))
    found = [(code, line) for code, _, line, _ in checked(project)]
    # Line 8 is no link, so the anchor it held is no longer locked: nothing else complains.
    assert found == [("C504", 8)]


@pytest.mark.parametrize(
    ("write", "expected"),
    [
        (
            lambda lock: lock.write_bytes(b"\xffexercises/heel-press/#heel-lift\n"),
            "content/anchors.lock:1:1: Y006 cannot read the file: 'utf-8' codec can't decode"
            " byte 0xff in position 0: invalid start byte",
        ),
        (
            lambda lock: (lock.unlink(), lock.mkdir()),
            "content/anchors.lock:1:1: Y007 a folder, not a plain file: only plain files inside"
            " content/ are read",
        ),
    ],
    ids=["not UTF-8", "a folder"],
)
def test_a_lock_that_cannot_be_read_is_a_finding(
    project: Path, write: object, expected: str
) -> None:
    assert callable(write)
    write(project / "content" / "anchors.lock")
    assert findings(project) == [expected]


def test_a_lock_that_cannot_be_opened_is_a_finding(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The tests run as root, whom permissions do not stop: the refusal is made by hand.
    lock = project / "content" / "anchors.lock"
    real_open = os.open

    def refusing_open(path: object, *args: int, **kwargs: int) -> int:
        if str(path) == str(lock):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr("os.open", refusing_open)
    assert findings(project) == [
        "content/anchors.lock:1:1: Y006 cannot read the file: Permission denied"
    ]


# --- 3. anchors and aliases -------------------------------------------------------------------


def alias_bomb() -> str:
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for level in range(1, 10):
        lines.append(f"a{level}: &a{level} [{', '.join([f'*a{level - 1}'] * 10)}]")
    return "\n".join(lines) + "\n"


def test_an_alias_bomb_is_refused_before_it_expands(project: Path) -> None:
    (project / "content" / "heel-press.yaml").write_text(alias_bomb() + RECORD.read_text())
    started = time.perf_counter()
    found = checked(project)
    assert time.perf_counter() - started < 5
    assert [(code, line) for code, _, line, _ in found] == [("Y009", 1)]


def test_a_list_that_holds_itself_is_a_finding(project: Path) -> None:
    (project / "content" / "heel-press.yaml").write_text(
        heel_press_with("tips:\n", "loop: &t [*t]\ntips:\n")
    )
    assert [(code, line) for code, _, line, _ in checked(project)] == [("Y009", 85)]


# --- 6. what used to be a traceback -----------------------------------------------------------


@pytest.mark.parametrize("byte", ["\x00", "\x07", "\x1b"], ids=["NUL", "BEL", "ESC"])
def test_a_control_character_is_a_located_finding(project: Path, byte: str) -> None:
    (project / "content" / "heel-press.yaml").write_text(
        heel_press_with("level: beginner", f"level: begin{byte}ner")
    )
    assert [(code, line) for code, _, line, _ in checked(project)] == [("Y001", 6)]


def test_flow_sequences_250_deep_are_a_finding(project: Path) -> None:
    deep = "[" * 250 + "x" + "]" * 250
    (project / "content" / "heel-press.yaml").write_text(
        heel_press_with("level: beginner", f"level: {deep}")
    )
    found = checked(project)
    assert [(code, line) for code, _, line, _ in found] == [("Y010", 6)]
    assert f"at most {DEPTH.value}" in found[0][3]


def test_a_number_of_5000_digits_is_a_finding(project: Path) -> None:
    (project / "content" / "heel-press.yaml").write_text(
        heel_press_with("level: beginner", "level: " + "9" * 5000)
    )
    found = checked(project)
    assert [(code, line) for code, _, line, _ in found] == [("Y005", 6)]
    assert "digits" in found[0][3]


def test_a_merge_key_is_a_finding(project: Path) -> None:
    (project / "content" / "heel-press.yaml").write_text(
        heel_press_with("muscles:\n", "muscles:\n  <<: {secondary: [soleus]}\n")
    )
    assert [(code, line) for code, _, line, _ in checked(project)] == [("Y004", 9)]


def test_a_template_that_is_not_utf8_is_a_template_finding(project: Path) -> None:
    template = project / "templates" / "pages" / "exercise.html"
    assert template.is_file()
    template.write_bytes(b"\xff" + template.read_bytes())
    assert checked(project) == [
        (
            "T001",
            "templates/pages/exercise.html",
            1,
            "template error: cannot read the template: 'utf-8' codec can't decode byte 0xff in "
            "position 0: invalid start byte",
        )
    ]


def test_a_template_that_cannot_be_opened_is_a_template_finding(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The tests run as root, whom permissions do not stop: the refusal is made by hand.
    template = project / "templates" / "pages" / "exercise.html"
    real_open = open

    def refusing_open(file: object, *args: object, **kwargs: object) -> object:
        if str(file) == str(template):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr("builtins.open", refusing_open)
    assert checked(project) == [
        (
            "T001",
            "templates/pages/exercise.html",
            1,
            "template error: cannot read the template: Permission denied",
        )
    ]


# --- 5 and 8. which files of content/ are read ----------------------------------------------------


def test_editors_lock_swap_and_backup_files_are_ignored(project: Path) -> None:
    content = project / "content"
    (content / ".#heel-press.yaml").symlink_to("root@host.1234:1700000000")  # Emacs' lock
    (content / ".heel-press.yaml.swp").write_bytes(b"\x00\xffvim swap")
    (content / "heel-press.yaml~").write_text("name: [an old copy\n")
    (content / "#heel-press.yaml#").write_text("name: [an autosave\n")
    assert findings(project) == []


def test_a_fifo_does_not_hang_the_check_and_nothing_of_a_linked_file_is_printed(
    project: Path,
) -> None:
    content = project / "content"
    os.mkfifo(content / "calf-raise.yaml")
    secret = project / "secret.txt"
    secret.write_text("name: the secret\n")
    (content / "secret.yaml").symlink_to(secret)
    started = time.perf_counter()
    found = checked(project)
    assert time.perf_counter() - started < 10
    assert [(code, path) for code, path, _, _ in found] == [
        ("Y007", "content/calf-raise.yaml"),
        ("Y007", "content/secret.yaml"),
    ]
    assert not any("secret" in message for _, _, _, message in found)


def test_a_link_to_a_record_inside_content_is_read(project: Path) -> None:
    content = project / "content"
    (content / "heel-press.yaml").rename(content / "heel-press.txt")
    (content / "heel-press.yaml").symlink_to("heel-press.txt")
    assert findings(project) == []


# --- 11. limits -------------------------------------------------------------------------------


def test_real_records_are_far_inside_the_limits() -> None:
    text = RECORD.read_text()
    assert len(text.encode()) * 50 < FILE_BYTES.value
    assert max(len(line) for line in text.splitlines()) * 50 < TEXT_CHARS.value


def test_100000_faq_entries_are_one_finding_and_fast(project: Path) -> None:
    entries = "".join(
        f"  - {{id: q{n}, question: Why {n}?, answer: Because.}}\n" for n in range(100_000)
    )
    (project / "content" / "heel-press.yaml").write_text(
        heel_press_with("faq:\n", "faq:\n" + entries + "old_faq:\n")
    )
    started = time.perf_counter()
    found = checked(project)
    assert time.perf_counter() - started < 5
    assert [code for code, *_ in found] == ["Y010"]
    assert "too large" in found[0][3]


def test_a_list_of_too_many_items_is_one_finding(project: Path) -> None:
    tips = "".join(f"  - Tip number {n}.\n" for n in range(ITEMS.value + 1))
    (project / "content" / "heel-press.yaml").write_text(
        heel_press_with("tips:\n", "tips:\n" + tips + "old_tips:\n")
    )
    assert checked(project) == [
        (
            "Y010",
            "content/heel-press.yaml",
            86,
            f"field 'tips' has too many items ({ITEMS.value + 1:,}, at most {ITEMS.value:,})",
        )
    ]


def test_a_text_too_long_is_a_finding(project: Path) -> None:
    long = "word " * (TEXT_CHARS.value // 5) + "end."
    (project / "content" / "heel-press.yaml").write_text(
        heel_press_with("tips:\n", f"tips:\n  - {long}\n")
    )
    found = checked(project)
    assert [(code, line) for code, _, line, _ in found] == [("Y010", 86)]
    assert found[0][3].startswith("field 'tips[0]' is too long")


def test_the_limits_are_on_the_checks_page() -> None:
    page = catalogue_pages()["reference/checks/y0.md"]
    for limit in LIMITS:
        assert str(limit) in page


@pytest.mark.parametrize("text", ["false\n", "12\n", "2024-01-01\n", "~\n", "just text\n"])
def test_a_record_that_is_one_value_is_a_finding(project: Path, text: str) -> None:
    (project / "content" / "heel-press.yaml").write_text(text)
    found = checked(project)
    assert found
    assert {path for _, path, _, _ in found} == {"content/heel-press.yaml"}


@pytest.mark.parametrize(
    "text",
    ['{"a": &b [1], "c": *b}\n', '{"a":&b [1], "c":*b}\n', "- &b x\n- *b\n", "&b [*b]\n"],
)
def test_an_anchor_is_found_however_it_is_written(text: str) -> None:
    assert [d.code for d in parse_yaml(text, "x.yaml").diagnostics] == ["Y009"]


def test_prose_with_an_ampersand_or_a_star_is_no_anchor() -> None:
    text = "a: Tips & tricks, 5 * 3 and a*b\n"
    assert parse_yaml(text, "x.yaml").diagnostics == ()


def test_a_lock_larger_than_a_record_may_be_is_read(tmp_path: Path) -> None:
    """The lock grows with the site: a site's worth of deep links is more than a record's
    file-size bound, and is still read."""
    from build_tools.source.limits import FILE_BYTES
    from build_tools.source.lock import read_lock

    lock = tmp_path / "anchors.lock"
    lines = [f"exercises/exercise-{n}/#step-{k}\n" for n in range(30_000) for k in range(2)]
    lock.write_text("".join(sorted(lines)))
    assert lock.stat().st_size > FILE_BYTES.value
    read = read_lock(lock, "content/anchors.lock")
    assert not isinstance(read, Diagnostic), read
    assert len(read.anchors) == 60_000
