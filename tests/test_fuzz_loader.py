"""Property-based fuzzing of `python -m build_tools check` over hostile records.

Random YAML documents, records with one field swapped for a random value, and byte-level
mutations of the Heel Press record are written over `content/heel-press.yaml` of one scratch
project; for each, `check` runs in-process and must exit 0 or 1 with every finding located, never
raise, and stay within a time and a memory bound per case (a timer and an address-space limit).

`FUZZ_EXAMPLES=20000` runs that many cases of each strategy; the default, about 2,200 cases in
all, keeps CI short. The byte mutations run the command itself, pages rendered; the strategies
that rarely make a valid record run what it runs but the rendering, which is most of a valid
record's time and none of the loader's.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import resource
import signal
import time
from collections.abc import Iterator
from pathlib import Path
from types import FrameType
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from build_tools.build.pipeline import Project, run
from build_tools.cli.main import main
from build_tools.source.yaml_nodes import parse_yaml

from .conftest import ROOT, copy_project

SCALE = int(os.environ.get("FUZZ_EXAMPLES", "0")) or None
"""Cases per strategy when set; by default each strategy has its own share of about 2,200."""
SECONDS_PER_CASE = 5
MEMORY_PER_CASE = 1 << 30
"""Address space a case may take beyond what the test process already holds."""

settings.register_profile(
    "loader-fuzz",
    deadline=None,  # the timer below bounds each case; Hypothesis' deadline would be flaky
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    database=None,
)


def fuzz(examples: int) -> settings:
    return settings(settings.get_profile("loader-fuzz"), max_examples=SCALE or examples)


RECORD_BYTES = (ROOT / "content" / "heel-press.yaml").read_bytes()
RECORD_DATA = yaml.safe_load(RECORD_BYTES)


class CaseTooSlow(Exception):
    pass


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_project(tmp_path_factory.mktemp("fuzz"))


@contextlib.contextmanager
def bounded(seconds: float = SECONDS_PER_CASE) -> Iterator[None]:
    """At most `seconds` of wall time and MEMORY_PER_CASE more address space."""

    def too_slow(signum: int, frame: FrameType | None) -> None:
        raise CaseTooSlow(f"a case took more than {seconds} s")

    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    with open("/proc/self/statm") as statm:
        held = int(statm.read().split()[0]) * resource.getpagesize()
    limit = held + MEMORY_PER_CASE
    resource.setrlimit(resource.RLIMIT_AS, (limit if hard < 0 else min(limit, hard), hard))
    previous = signal.signal(signal.SIGALRM, too_slow)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def check_survives(project: Path, record: bytes) -> None:
    """`python -m build_tools check` as the command runs it, pages rendered for a valid record."""
    (project / "content" / "heel-press.yaml").write_bytes(record)
    out, err = io.StringIO(), io.StringIO()
    with bounded(), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["check", "--root", str(project), "--format", "json"])
    assert code in (0, 1), err.getvalue()
    findings = json.loads(out.getvalue())
    assert (code == 1) == any(f["severity"] == "error" for f in findings)
    for finding in findings:
        assert finding["path"]
        assert finding["line"] >= 1
        assert finding["column"] >= 1
        assert len(finding["code"]) == 4


def load_and_checks_survive(project: Path, record: bytes) -> None:
    """What `check` runs but the rendering, cheaper for the strategies that rarely make a valid
    record: the loader and every record check."""
    (project / "content" / "heel-press.yaml").write_bytes(record)
    with bounded():
        result = run(Project.at(project), render=False)
    for diagnostic in result.diagnostics:
        assert diagnostic.location.path
        assert diagnostic.location.line >= 1
        assert diagnostic.location.column >= 1
    if not result.content.exercises:  # a record is read or said to be wrong, never dropped
        shown = {d.location.path for d in result.diagnostics if d.severity.value == "error"}
        assert "content/heel-press.yaml" in shown


# Characters that mean something to YAML, or to a reader of bytes.
SPECIAL = b"&*!<>[]{}:,-#|'\"%@?~\\\n\r\t \x00\x07\x1b\x85\xc3\xff\xfe"

mutation = st.one_of(
    st.tuples(st.just("replace"), st.integers(0), st.binary(min_size=1, max_size=4)),
    st.tuples(
        st.just("insert"),
        st.integers(0),
        st.lists(st.sampled_from(list(SPECIAL)), min_size=1, max_size=6).map(bytes),
    ),
    st.tuples(st.just("delete"), st.integers(0), st.integers(1, 40)),
    st.tuples(st.just("repeat"), st.integers(0), st.integers(2, 400)),
)


def mutated(record: bytes, mutations: list[tuple[str, int, Any]]) -> bytes:
    data = bytearray(record)
    for operation, where, what in mutations:
        at = where % (len(data) + 1)
        if operation == "replace":
            data[at : at + len(what)] = what
        elif operation == "insert":
            data[at:at] = what
        elif operation == "delete":
            del data[at : at + what]
        else:  # a line or part of one, many times: long lists, deep nesting, big files
            end = data.find(b"\n", at)
            piece = bytes(data[at : end + 1 if end >= 0 else len(data)]) or b"- x\n"
            data[at:at] = piece * what
    return bytes(data)


scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True),
    st.text(max_size=20),
    st.sampled_from(["heel-press", "step:lean-in", "faq:heel-lift", "wall", "beginner", "<<"]),
)
# Deferred rather than `st.recursive`, whose check that the extension recurses misfires on long
# runs; lists and mappings are kept short, so a document stays small.
documents: st.SearchStrategy[Any] = st.deferred(
    lambda: (
        scalars
        | st.lists(documents, max_size=4)
        | st.dictionaries(st.text(max_size=8), documents, max_size=4)
    )
)


def paths(data: Any, at: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield at
    if isinstance(data, dict):
        for key, value in data.items():
            yield from paths(value, (*at, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from paths(value, (*at, index))


RECORD_PATHS = list(paths(RECORD_DATA))[1:]


def replaced(at: tuple[Any, ...], value: Any) -> Any:
    copy = json.loads(json.dumps(RECORD_DATA))
    target = copy
    for part in at[:-1]:
        target = target[part]
    target[at[-1]] = value
    return copy


def dumped(data: Any) -> bytes:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False).encode("utf-8")


@fuzz(400)
@given(st.lists(mutation, min_size=1, max_size=6))
def test_check_survives_byte_mutations_of_heel_press(
    scratch: Path, mutations: list[tuple[str, int, Any]]
) -> None:
    check_survives(scratch, mutated(RECORD_BYTES, mutations))


@fuzz(600)
@given(documents)
def test_check_survives_random_yaml_documents(scratch: Path, document: Any) -> None:
    load_and_checks_survive(scratch, dumped(document))


@fuzz(300)
@given(st.sampled_from(RECORD_PATHS), documents)
def test_check_survives_a_field_of_heel_press_swapped_for_anything(
    scratch: Path, at: tuple[Any, ...], value: Any
) -> None:
    load_and_checks_survive(scratch, dumped(replaced(at, value)))


TOKENS = [
    "a", "- ", ": ", "\n", "  ", "[", "]", "{", "}", ", ", "&x ", "*x", "!!str ", "!t ", "<<: ",
    "? ", "|\n", ">-\n", "'", '"', "#c", "---\n", "...\n", "%YAML 1.1\n", "\t", "\\", "\x00", "9" * 30,
]  # fmt: skip


@fuzz(900)
@given(st.lists(st.sampled_from(TOKENS), max_size=60).map("".join))
def test_check_survives_yaml_token_soup(scratch: Path, text: str) -> None:
    load_and_checks_survive(scratch, text.encode("utf-8"))


def test_the_bounds_catch_a_case_that_runs_away() -> None:
    # The bounds are real: a case that runs past the timer, or allocates past the limit, fails.
    with pytest.raises(CaseTooSlow), bounded(seconds=0.2):
        time.sleep(2)
    with pytest.raises(MemoryError), bounded():
        bytearray(MEMORY_PER_CASE + (1 << 28))


ANCHOR_TOKENS = [*TOKENS, "&x", "*x", ":", '"k":', ",", "!x"]


@fuzz(1500)
@given(st.lists(st.sampled_from(ANCHOR_TOKENS), max_size=40).map("".join))
def test_every_anchor_or_alias_the_parser_sees_is_refused(text: str) -> None:
    # The loader looks for anchors only in a text that may hold one: that guess never misses.
    try:
        events = list(yaml.parse(text, Loader=yaml.CSafeLoader))
    except yaml.YAMLError:
        return
    if any(isinstance(e, yaml.AliasEvent) or getattr(e, "anchor", None) for e in events):
        assert "Y009" in [d.code for d in parse_yaml(text, "x.yaml").diagnostics]
