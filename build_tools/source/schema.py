"""JSON Schema validation of parsed records, as diagnostics at the field's own line and column.

The schema files in `schemas/` are the single source of truth for the shape of a record: the
loader validates against them, editors get completion from them, and the field reference in the
docs is generated from them. Their patterns are matched whole, as JSON Schema means them
(`identifiers.python_patterns`).
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Callable, Iterator, Mapping
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from ..diagnostics import Diagnostic
from .identifiers import python_patterns
from .schema_fast import compile_check
from .yaml_nodes import Path, SourceMap

if TYPE_CHECKING:
    import jsonschema

SCHEMA_DIR = resources.files("build_tools") / "schemas"
EXERCISE_SCHEMA = "exercise.schema.json"
VOCABULARY_SCHEMA = "vocabulary.schema.json"

_TYPE_NAMES = {
    "string": "text",
    "array": "a list",
    "object": "a mapping of fields",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
}


@cache
def load_schema(name: str) -> dict[str, Any]:
    schema: dict[str, Any] = json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8"))
    return schema


@cache
def _validator(name: str) -> jsonschema.protocols.Validator:
    # Imported on first use: valid records never need it (see schema_fast.py), and importing it
    # would be a noticeable part of every build's start.
    import jsonschema

    schema = python_patterns(load_schema(name))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def field_name(path: Path) -> str:
    """`("faq", 3, "id")` → `faq[3].id`; the whole record is `record`."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text or "record"


def _got(value: Any) -> str:
    if isinstance(value, str):
        return f"'{value}'" if len(value) <= 40 else f"'{value[:37]}...'"
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, (int, float)):
        return str(value)
    return "a list" if isinstance(value, list) else "a mapping"


def _describe_pattern(pattern: str) -> str:
    if pattern.startswith("^(step|faq|variation):"):
        return "a reference 'step:<id>', 'faq:<id>' or 'variation:<id>'"
    if pattern.startswith("^[0-9]{4}-"):
        return "a date 'YYYY-MM-DD'"
    if pattern.startswith("^[a-z0-9]+(-[a-z0-9]+)*#"):
        return "an old place '<slug>#<id>' (kebab-case, joined by '#')"
    if pattern.startswith("^[a-z0-9]+(-[a-z0-9]+)*"):
        return "kebab-case (lowercase letters and digits joined by single hyphens)"
    if pattern.startswith("^[A-Z][0-9]{3}"):
        return "a code such as 'C302' (a capital letter and three digits)"
    if pattern.startswith("^[a-z_]+(\\["):
        return "a field as findings print it, such as 'tips[5]' or 'faq[2].answer'"
    if "\\n" in pattern:
        return "one line of text"
    return "not blank"


def validate(data: Any, source: SourceMap, schema_name: str) -> list[Diagnostic]:
    """Every schema violation in `data`, each located at the offending key or value."""
    found = list(_diagnostics(data, source, schema_name))
    # One bad value can break several keywords (a `$ref` and its sibling): report each place once.
    unique: dict[tuple[Any, ...], Diagnostic] = {}
    for diagnostic in found:
        unique.setdefault((diagnostic.location, diagnostic.message), diagnostic)
    return list(unique.values())


@cache
def _is_valid(name: str) -> Callable[[Any], bool]:
    return compile_check(python_patterns(load_schema(name)))


def _diagnostics(data: Any, source: SourceMap, schema_name: str) -> Iterator[Diagnostic]:
    if _is_valid(schema_name)(data):  # the common case, far cheaper than finding what is wrong
        return
    for error in _validator(schema_name).iter_errors(data):
        yield from translate(error, source)


def translate(error: jsonschema.ValidationError, source: SourceMap) -> Iterator[Diagnostic]:
    """One schema error in our own words, at the position of the field it is about."""
    path: Path = tuple(error.absolute_path)
    name = field_name(path)
    keyword = error.validator
    if keyword == "required":
        missing = error.message.split("'")[1]
        where = f" in {name}" if path else ""
        yield Diagnostic("S101", f"missing required field '{missing}'{where}", source.key(path))
    elif keyword == "additionalProperties":
        # It fails only on a mapping, under a schema object (the stubs also allow the sentinel
        # of an error made by hand).
        assert isinstance(error.schema, Mapping)
        assert isinstance(error.instance, dict)
        known = sorted(error.schema.get("properties", {}))
        for key in sorted(set(error.instance) - set(known)):
            hint = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
            suffix = (
                f" (did you mean '{hint[0]}'?)" if hint else f"; expected one of {', '.join(known)}"
            )
            where = f" in {name}" if path else ""
            yield Diagnostic(
                "S102", f"unknown field '{key}'{where}{suffix}", source.key((*path, key))
            )
    elif keyword == "type":
        expected = _TYPE_NAMES.get(str(error.validator_value), str(error.validator_value))
        yield Diagnostic(
            "S103",
            f"field '{name}' must be {expected}, got {_got(error.instance)}",
            source.value(path),
        )
    elif keyword in {"minItems", "minLength", "minProperties"}:
        yield Diagnostic("S104", f"field '{name}' must not be empty", source.value(path))
    elif keyword == "pattern" and "propertyNames" in error.absolute_schema_path:
        # A key failed `propertyNames`: jsonschema gives the mapping's path, the key as instance.
        assert isinstance(error.instance, str)
        message = f"key {_got(error.instance)} in '{name}' must be kebab-case"
        yield Diagnostic("S105", message, source.key((*path, error.instance)))
    elif keyword == "pattern":
        wanted = _describe_pattern(str(error.validator_value))
        message = f"field '{name}' must be {wanted}, got {_got(error.instance)}"
        yield Diagnostic("S105", message, source.value(path))
    elif keyword == "uniqueItems":
        assert isinstance(error.instance, list)  # it fails only on a list
        seen: set[str] = set()
        for index, item in enumerate(error.instance):
            text = json.dumps(item, sort_keys=True)
            if text in seen:
                message = f"field '{name}' lists {_got(item)} more than once"
                yield Diagnostic("S106", message, source.value((*path, index)))
            seen.add(text)
    elif keyword == "maxLength":
        assert isinstance(error.instance, str)  # it fails only on text
        size, limit = len(error.instance), error.validator_value
        message = f"field '{name}' is too long ({size} characters, at most {limit})"
        yield Diagnostic("S107", message, source.value(path))
    elif keyword == "propertyNames":
        assert isinstance(error.instance, str)  # a key: only text can fail the kebab-case pattern
        message = f"key {_got(error.instance)} in '{name}' must be kebab-case"
        yield Diagnostic("S105", message, source.key((*path, error.instance)))
    else:
        yield Diagnostic("S100", f"field '{name}': {error.message}", source.value(path))
