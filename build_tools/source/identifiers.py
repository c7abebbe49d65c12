"""What an id is, and how the schemas' patterns are matched: whole, in one place.

The schema files use ECMA regexes, as JSON Schema says and editors' YAML tooling reads them: there
`$` is the end of the text. Python's `$` also matches before a final newline, so `"old-slug\\n"`
would pass `^[a-z0-9]+(-[a-z0-9]+)*$` and reach a host configuration file. Both validators (the
compiled fast path and jsonschema) are given the patterns through `whole_text`, and the anchor
lock reads its ids with `is_id`, so the schema, the checks and the host files agree on every id,
slug, alias and vocabulary key.
"""

from __future__ import annotations

import re
from typing import Any

ID = r"[a-z0-9]+(?:-[a-z0-9]+)*"
"""An id, slug, alias or vocabulary key: lowercase letters and digits joined by single hyphens
(the schemas' `$defs/id` pattern)."""

_ID = re.compile(ID)


def is_id(text: str) -> bool:
    """`text` is an id, all of it: no line break before or after."""
    return _ID.fullmatch(text) is not None


def whole_text(pattern: str) -> str:
    """An ECMA pattern as Python must be given it to mean the same: a final `$` becomes `\\Z`."""
    if pattern.endswith("$") and not pattern.endswith("\\$"):
        return pattern[:-1] + "\\Z"
    return pattern


def python_patterns(schema: Any) -> Any:
    """A copy of `schema` with every `pattern` matched as JSON Schema means it (`whole_text`)."""
    if isinstance(schema, list):
        return [python_patterns(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    return {
        key: whole_text(value)
        if key == "pattern" and isinstance(value, str)
        else python_patterns(value)
        for key, value in schema.items()
    }
