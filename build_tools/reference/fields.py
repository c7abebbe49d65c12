"""The field reference for editors, generated from the JSON Schemas so it can never drift."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..source.schema import EXERCISE_SCHEMA, VOCABULARY_SCHEMA, load_schema


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
        inner = "mappings" if items.get("type") == "object" else _type(items, root)
        return f"list of {inner}"
    if kind == "string" and schema.get("pattern", "").startswith("^(step|faq|variation):"):
        return "reference (`step:<id>`, `faq:<id>`, `variation:<id>`)"
    if kind == "string" and schema.get("pattern", "").startswith("^[a-z0-9]+"):
        return "id (kebab-case)"
    if kind == "string" and "\\n" in schema.get("pattern", ""):
        return "one line of text"
    return {"string": "text", "object": "mapping", "integer": "whole number"}.get(
        str(kind), str(kind)
    )


def _rows(schema: dict[str, Any], root: dict[str, Any], prefix: str) -> Iterator[str]:
    required = set(schema.get("required", ()))
    for name, raw in schema.get("properties", {}).items():
        field = _resolve(raw, root)
        path = f"{prefix}{name}"
        need = "required" if name in required else "optional"
        description = " ".join(field.get("description", "").split()).replace("|", "\\|")
        yield f"| `{path}` | {_type(field, root)} | {need} | {description} |"
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
