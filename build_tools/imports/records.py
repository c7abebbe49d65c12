"""Records written as an editor would write them, and re-imports that keep an editor's changes.

A record's `origin` names the source, the exercise's id there and a fingerprint of each field as
it was imported: the first 16 hex digits of the SHA-256 of the field's value as canonical JSON.
The value, not the text: rewrapping a paragraph is no edit. On a re-import, a field whose value
still has its fingerprint is the source's to update; one whose value differs (or that was
deleted) is the editor's and is kept, and so is a field the editor wrote that the import never
did. A new record is written whole; an existing one is edited as text, field by field, so that
its comments and layout stay as the editor left them.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import yaml

from ..model import REQUIRED_SECTIONS

MODELINE = "# yaml-language-server: $schema=../build_tools/schemas/exercise.schema.json\n"

ORDER = (
    "name",
    "slug",
    "draft",
    "aliases",
    "other_names",
    "summary",
    "category",
    "level",
    "equipment",
    "muscles",
    "when_to_use",
    "description",
    "instructions",
    "variations",
    "tips",
    "faq",
    "stance",
    "related",
    "credit",
    "origin",
)
"""The fields in the order records write them (Heel Press's)."""

_FLOW_LISTS = {
    "equipment",
    "when_to_use",
    "related",
    "aliases",
    "primary",
    "secondary",
    "sections",
    "author",
}
_FOLD_AT = 60
_MISSING = object()


def fingerprint(value: Any) -> str:
    canonical = json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]


class _Flow(list[Any]):
    pass


class _Dumper(yaml.CSafeDumper):
    pass


def _represent_str(dumper: _Dumper, text: str) -> yaml.ScalarNode:
    style = None
    if "\n" in text:
        style = "|"
    elif len(text) > _FOLD_AT:
        style = ">"
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


def _represent_flow(dumper: _Dumper, items: _Flow) -> yaml.SequenceNode:
    return dumper.represent_sequence("tag:yaml.org,2002:seq", items, flow_style=True)


_Dumper.add_representer(str, _represent_str)
_Dumper.add_representer(_Flow, _represent_flow)


def _styled(key: str, value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _styled(k, v) for k, v in value.items()}
    if isinstance(value, list):
        items = [_styled(key, v) for v in value]
        return _Flow(items) if key in _FLOW_LISTS else items
    return value


def field_text(key: str, value: Any) -> str:
    """One top-level field as YAML lines, lists indented under their key as records are written
    by hand (libyaml writes them flush with the key: the whole value moves right as one, which
    keeps every block scalar's meaning)."""
    text = yaml.dump(
        {key: _styled(key, value)},
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        # libyaml breaks a line past this width, so lines end a word later: records stay in 100.
        width=84,
        default_flow_style=False,
    )
    if isinstance(value, list) and not text.startswith(f"{key}: ["):
        head, _, rest = text.partition("\n")
        text = (
            head
            + "\n"
            + "".join(
                "  " + line if line.strip() else line for line in rest.splitlines(keepends=True)
            )
        )
    return text


ORIGIN_COMMENT = "# What was imported, to tell the source's changes from an editor's: keep as is.\n"


def record_text(data: Mapping[str, Any]) -> str:
    return MODELINE + "".join(
        (ORIGIN_COMMENT if k == "origin" else "") + field_text(k, data[k]) for k in ordered(data)
    )


def ordered(data: Mapping[str, Any]) -> list[str]:
    rank = {k: i for i, k in enumerate(ORDER)}
    return sorted(data, key=lambda k: rank.get(k, len(ORDER)))


def missing_sections(data: Mapping[str, Any]) -> list[str]:
    return [name for name in REQUIRED_SECTIONS if name not in data]


@dataclass
class Merge:
    """The outcome for one existing record."""

    data: dict[str, Any]
    """The record as it will be."""
    changed: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    """Fields the source changed that the editor had changed too: the editor's stay."""
    fingerprints: dict[str, str] = field(default_factory=dict)


def merge(current: Mapping[str, Any], new: Mapping[str, Any], managed: Sequence[str]) -> Merge:
    """The record `current` with what the source now says (`new`) applied where the editor
    left the imported value alone. `draft` is worked out from the merged fields."""
    origin = current.get("origin") or {}
    old_prints: dict[str, str] = dict(origin.get("fingerprints") or {})
    result = Merge(dict(current))
    for key in managed:
        if key == "draft":
            continue
        _apply(result, key, current.get(key, _MISSING), new.get(key, _MISSING), old_prints)
    lacking = missing_sections(result.data)
    wanted = True if lacking else _MISSING
    _apply(result, "draft", current.get("draft", _MISSING), wanted, old_prints)
    return result


def _apply(result: Merge, key: str, now: Any, new: Any, old_prints: Mapping[str, str]) -> None:
    old = old_prints.get(key)
    new_print = None if new is _MISSING else fingerprint(new)
    if old is None:
        if now is not _MISSING:  # the editor's own field, or one the editor added back
            if new is not _MISSING and fingerprint(now) != new_print:
                result.kept.append(key)
            return
        if new is not _MISSING:
            result.data[key] = new
            result.changed.append(key)
            result.fingerprints[key] = new_print or ""
        return
    edited = now is _MISSING or fingerprint(now) != old
    if edited:
        if new_print != old:
            result.kept.append(key)
        result.fingerprints[key] = old  # still the editor's next time
        return
    if new is _MISSING:
        del result.data[key]
        result.changed.append(key)
        return
    if new_print != old:
        result.data[key] = new
        result.changed.append(key)
    result.fingerprints[key] = new_print or ""


def spliced(text: str, before: Mapping[str, Any], after: Mapping[str, Any]) -> str | None:
    """The record's text with each top-level field whose value changed rewritten in place, a
    removed one deleted and a new one inserted after the field before it in `ORDER`; None when
    the text's layout is beyond this (a document that is no plain mapping)."""
    try:
        node = yaml.compose(text, Loader=yaml.CSafeLoader)
    except yaml.YAMLError:
        return None
    if not isinstance(node, yaml.MappingNode):
        return None
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    spans: dict[str, tuple[int, int]] = {}
    for key_node, value_node in node.value:
        start = key_node.start_mark.line
        end_mark = value_node.end_mark
        end = end_mark.line + (1 if end_mark.column > 0 else 0)
        end = min(max(end, start + 1), len(lines))
        while end > start + 1 and (
            not lines[end - 1].strip() or lines[end - 1].lstrip().startswith("#")
        ):
            end -= 1
        spans[str(key_node.value)] = (start, end)
    edits: list[tuple[int, int, int, str]] = []
    rank = {k: i for i, k in enumerate(ORDER)}
    for key in set(before) | set(after):
        old, new = before.get(key, _MISSING), after.get(key, _MISSING)
        if old is not _MISSING and new is not _MISSING and old == new:
            continue
        if key in spans:
            start, end = spans[key]
            edits.append(
                (start, end, rank.get(key, 0), "" if new is _MISSING else field_text(key, new))
            )
            continue
        if new is _MISSING:
            continue
        earlier = [k for k in spans if rank.get(k, len(ORDER)) < rank.get(key, len(ORDER))]
        at = max((spans[k][1] for k in earlier), default=_first_field_line(spans, len(lines)))
        edits.append((at, at, rank.get(key, 0), field_text(key, new)))
    # From the end backwards, so that earlier positions stay true; insertions at one place in
    # reverse order, so that they end up in `ORDER`.
    for start, end, _, replacement in sorted(edits, key=lambda e: (e[0], e[1], e[2]), reverse=True):
        lines[start:end] = replacement.splitlines(keepends=True)
    return "".join(lines)


def _first_field_line(spans: Mapping[str, tuple[int, int]], count: int) -> int:
    return min((s for s, _ in spans.values()), default=count)
