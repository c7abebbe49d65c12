"""The fast YAML path gives the same data as the full one, and the same positions when asked."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from build_tools.source.yaml_nodes import SourceMap, _Loader, _Walker, parse_yaml

from .bench.corpus import load_corpus, write_project
from .conftest import ROOT


def full_path(text: str, path: str) -> tuple[object, SourceMap]:
    source = SourceMap(path)
    data = _Walker(source).walk(yaml.compose(text, Loader=_Loader), ())
    return data, source


def records(tmp_path: Path) -> list[Path]:
    project = write_project(tmp_path, 25, load_corpus())
    return [ROOT / "content" / "heel-press.yaml", *sorted((project / "content").glob("*.yaml"))]


def test_same_data_and_same_positions(tmp_path: Path) -> None:
    for path in records(tmp_path):
        text = path.read_text()
        fast = parse_yaml(text, path.name)
        data, source = full_path(text, path.name)
        assert fast.diagnostics == ()
        assert fast.data == data
        assert fast.source.values == {}  # nothing located until a position is asked for
        for at in source.values:
            assert fast.source.value(at) == source.value(at)
            assert fast.source.key(at) == source.key(at)
        assert fast.source.values == source.values


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("a: 1\na: 2\n", "Y002"),
        ("a: !thing 1\n", "Y005"),
        ("? [a, b]\n: 1\n", "Y004"),
        ("a: [1\n", "Y001"),
        ("", "Y003"),
    ],
)
def test_what_the_fast_path_cannot_explain_goes_the_full_way(text: str, code: str) -> None:
    parsed = parse_yaml(text, "x.yaml")
    assert [d.code for d in parsed.diagnostics] == [code]
