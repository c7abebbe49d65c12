"""A compiled yes/no validity test against our schemas, for the common case of a valid file.

jsonschema explains each problem with its path, which diagnostics need; it is also slow enough
per record to take most of the time of a build of many records. fastjsonschema compiles the same
schema to Python once and answers "valid?" at a small part of that cost, so jsonschema runs only
on files that have a problem. Only a valid answer is trusted: a failure of the compiled test, or a
schema it cannot compile, falls back to jsonschema.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import fastjsonschema

DRAFT_07 = "http://json-schema.org/draft-07/schema#"
_NOTES = {"description", "examples", "title", "$comment"}
_SCHEMA_MAPS = {"properties", "patternProperties"}


def as_draft_07(schema: dict[str, Any]) -> dict[str, Any]:
    """The same constraints in draft 7, which fastjsonschema compiles, with local `$ref`s inlined.

    Draft 7 ignores keywords beside a `$ref` (2020-12 applies them: `"$ref": "#/$defs/line",
    "maxLength": 200`), so each such pair becomes an `allOf` of the two. Inlining also spares the
    compiled code a function call per referenced value.
    """
    definitions = schema.get("$defs", {})

    def convert(node: Any) -> Any:
        if isinstance(node, list):
            return [convert(item) for item in node]
        if not isinstance(node, dict):
            return node
        converted: dict[str, Any] = {}
        for key, value in node.items():
            if key in _NOTES or key == "$defs":
                continue
            if key in _SCHEMA_MAPS:  # field name → schema: the names are data, not keywords
                converted[key] = {name: convert(sub) for name, sub in value.items()}
            else:
                converted[key] = convert(value)
        reference = converted.pop("$ref", None)
        if reference is None:
            return converted
        target = convert(definitions[reference.removeprefix("#/$defs/")])
        return {"allOf": [target, converted]} if converted else target

    converted: dict[str, Any] = convert(schema)  # a mapping converts to a mapping
    converted["$schema"] = DRAFT_07
    converted.pop("$id", None)
    return converted


def compile_check(schema: dict[str, Any]) -> Callable[[Any], bool]:
    try:
        validate = fastjsonschema.compile(
            as_draft_07(schema), use_default=False, detailed_exceptions=False
        )
    except fastjsonschema.JsonSchemaDefinitionException:
        return lambda data: False

    def check(data: Any) -> bool:
        try:
            validate(data)
        except fastjsonschema.JsonSchemaException:
            return False
        return True

    return check
