"""The compiled validity test agrees with jsonschema: valid is valid, and any problem jsonschema
would report makes the compiled test say "not valid" (so jsonschema runs and explains it)."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

import jsonschema
import pytest
import yaml

from build_tools.source.schema import EXERCISE_SCHEMA, VOCABULARY_SCHEMA, _is_valid, load_schema

from .conftest import ROOT


def record() -> dict[str, Any]:
    return yaml.safe_load((ROOT / "content" / "heel-press.yaml").read_text())


def vocabulary() -> dict[str, Any]:
    return yaml.safe_load((ROOT / "content" / "vocabulary" / "terms.yaml").read_text())


def broken_records() -> Iterator[tuple[str, dict[str, Any]]]:
    base = record()
    for key in load_schema(EXERCISE_SCHEMA)["required"]:
        data = copy.deepcopy(base)
        del data[key]
        yield f"without {key}", data
    cases = {
        "unknown field": lambda d: d.update(tipps=["x"]),
        "summary too long (beside a $ref)": lambda d: d.update(summary="x" * 201),
        "faq id too long (beside a $ref)": lambda d: d["faq"][0].update(id="a" * 41),
        "slug not kebab-case": lambda d: d.update(slug="Heel Press"),
        "name on two lines": lambda d: d.update(name="Heel\nPress"),
        "blank tip": lambda d: d["tips"].__setitem__(0, "   "),
        "number as a name": lambda d: d.update(name=3),
        "empty equipment": lambda d: d.update(equipment=[]),
        "equipment twice": lambda d: d.update(equipment=["wall", "wall"]),
        "muscles not a mapping": lambda d: d.update(muscles=["soleus"]),
        "unknown muscles field": lambda d: d["muscles"].update(tertiary=["soleus"]),
        "step without text": lambda d: d["instructions"][0].pop("text"),
        "variation without muscles": lambda d: d["variations"][0].pop("muscles"),
        "empty other names entry": lambda d: d.update(other_names=[""]),
        "other name twice": lambda d: d.update(other_names=["Wall", "Wall"]),
        "null description": lambda d: d.update(description=None),
    }
    for name, change in cases.items():
        data = copy.deepcopy(base)
        change(data)
        yield name, data


def broken_vocabularies() -> Iterator[tuple[str, dict[str, Any]]]:
    cases = {
        "term id not kebab-case": lambda d: d["muscles"].update({"Lower Back": {"name": "x"}}),
        "term without a name": lambda d: d["equipment"].update(rope={}),
        "empty kind": lambda d: d.update(levels={}),
        "unknown kind": lambda d: d.update(moods={"calm": {"name": "Calm"}}),
        "alias twice": lambda d: d["equipment"]["wall"].update(aliases=["wall", "wall"]),
    }
    for name, change in cases.items():
        data = vocabulary()
        change(data)
        yield name, data


def jsonschema_valid(data: Any, schema: str) -> bool:
    return not list(jsonschema.Draft202012Validator(load_schema(schema)).iter_errors(data))


def test_valid_content_passes_the_compiled_test() -> None:
    assert _is_valid(EXERCISE_SCHEMA)(record())
    assert _is_valid(VOCABULARY_SCHEMA)(vocabulary())
    assert _is_valid(EXERCISE_SCHEMA)({**record(), "other_names": ["Wall calf stretch"]})


@pytest.mark.parametrize(("case", "data"), list(broken_records()), ids=lambda v: str(v)[:40])
def test_every_broken_record_fails_the_compiled_test(case: str, data: dict[str, Any]) -> None:
    assert not jsonschema_valid(data, EXERCISE_SCHEMA), case
    assert not _is_valid(EXERCISE_SCHEMA)(data), case


@pytest.mark.parametrize(("case", "data"), list(broken_vocabularies()), ids=lambda v: str(v)[:40])
def test_every_broken_vocabulary_fails_the_compiled_test(case: str, data: dict[str, Any]) -> None:
    assert not jsonschema_valid(data, VOCABULARY_SCHEMA), case
    assert not _is_valid(VOCABULARY_SCHEMA)(data), case
