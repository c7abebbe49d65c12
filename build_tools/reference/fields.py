"""The field reference for editors, generated from the JSON Schemas so it can never drift."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..licenses import LICENSES
from ..source.schema import EXERCISE_SCHEMA, VOCABULARY_SCHEMA, load_schema

_MORE = {
    "credit[].license": "The site knows "
    + ", ".join(f"`{key}` ({item.name})" for key, item in LICENSES.items())
    + "; the CC BY ones ask for `author`.",
}
"""What the reference adds to a field's own description: facts the code holds, not the schema."""
_TYPES = {"credit[].license": "SPDX licence id"}


def _resolve(schema: dict[str, Any], root: dict[str, Any]) -> dict[str, Any]:
    """Merge a local `$ref` into the keywords written beside it (beside-keywords win)."""
    ref = schema.get("$ref")
    if not ref or not ref.startswith("#/$defs/"):
        return schema
    target = _resolve(root["$defs"][ref.removeprefix("#/$defs/")], root)
    return {**target, **{k: v for k, v in schema.items() if k != "$ref"}}


def _type(schema: dict[str, Any], root: dict[str, Any]) -> str:
    kind = schema.get("type")
    if kind == "array":
        items = _resolve(schema.get("items", {}), root)
        if "enum" in items:
            return "list, each " + _type(items, root)
        inner = "mappings" if items.get("type") == "object" else _type(items, root)
        return f"list of {inner}"
    if kind == "string" and schema.get("pattern", "").startswith("^(step|faq|variation):"):
        return "reference (`step:<id>`, `faq:<id>`, `variation:<id>`)"
    if kind == "string" and schema.get("pattern", "").startswith("^[a-z0-9]+"):
        return "id (kebab-case)"
    if kind == "string" and schema.get("pattern", "").startswith("^https://"):
        return "https address"
    if "enum" in schema and kind is None:
        return "one of " + ", ".join(f"`{value}`" for value in schema["enum"])
    if kind == "string" and "\\n" in schema.get("pattern", ""):
        return "one line of text"
    return {"string": "text", "object": "mapping", "integer": "whole number"}.get(
        str(kind), str(kind)
    )


def _rows(schema: dict[str, Any], root: dict[str, Any], prefix: str) -> Iterator[str]:
    required = set(schema.get("required", ()))
    # The record's `else` branch holds what a published record must have and a draft may lack.
    published = set(schema.get("else", {}).get("required", ())) - required
    for name, raw in schema.get("properties", {}).items():
        field = _resolve(raw, root)
        path = f"{prefix}{name}"
        need = "required" if name in required else "optional"
        if name in published:
            need = "required (a draft may lack it)"
        description = " ".join(field.get("description", "").split())
        if path in _MORE:
            description = f"{description} {_MORE[path]}"
        description = description.replace("|", "\\|")
        kind = _TYPES.get(path) or _type(field, root)
        yield f"| `{path}` | {kind} | {need} | {description} |"
        if field.get("type") == "object":
            yield from _rows(field, root, f"{path}.")
        items = _resolve(field.get("items", {}), root)
        if field.get("type") == "array" and items.get("type") == "object":
            yield from _rows(items, root, f"{path}[].")


def _table(schema: dict[str, Any]) -> list[str]:
    return [
        "| Field | Type | | Meaning |",
        "| --- | --- | --- | --- |",
        *_rows(schema, schema, ""),
    ]


def field_reference() -> str:
    """Markdown for the `Record fields` page."""
    exercise = load_schema(EXERCISE_SCHEMA)
    vocabulary = load_schema(VOCABULARY_SCHEMA)
    terms = _resolve(vocabulary["$defs"]["terms"], vocabulary)["additionalProperties"]
    lines = [
        "# Record fields",
        "",
        "This page is generated from the JSON Schemas in `build_tools/schemas/` at every build;",
        "edit the schema's `description` to change it.",
        "",
        "## Exercise record",
        "",
        f"`content/<slug>.yaml`. {exercise['description']}",
        "",
        *_table(exercise),
        "",
        "## Vocabulary",
        "",
        f"`content/vocabulary/terms.yaml`. {vocabulary['description']}",
        "",
        *_table(vocabulary),
        "",
        "Each term, under its id:",
        "",
        *_table(terms),
        "",
    ]
    return "\n".join(lines)
