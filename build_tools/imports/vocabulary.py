"""A source's muscles, equipment and categories as ids of our vocabulary.

A source term maps through the source's own table first (names whose meaning differs from our
alias of the same word, such as free-exercise-db's "chest", which our vocabulary keeps off the
muscle's aliases so that "chest height" never reads as one), then by its names against our ids,
names and aliases, ignoring case. A term that matches nothing becomes a new term, named as the
source names it, with the source's names as aliases; the new terms are appended to the
vocabulary file's sections as text, so its comments and layout stay as they are.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import yaml

from .naming import slugify
from .source import SourceTerm

KIND_OF_FIELD = {"category": "categories", "equipment": "equipment", "muscles": "muscles"}


@dataclass(frozen=True)
class NewTerm:
    kind: str
    id: str
    name: str
    aliases: tuple[str, ...]


@dataclass
class TermMap:
    """Our vocabulary (as the file holds it) and the terms an import adds to it."""

    data: dict[str, Any]
    tables: Mapping[str, Mapping[str, Sequence[str]]]
    """Per kind, a source name (lower case) → our ids, for names that matching would get wrong."""
    added: list[NewTerm] = field(default_factory=list)
    _index: dict[str, dict[str, str]] = field(default_factory=dict)
    _by_key: dict[tuple[str, str], tuple[str, ...]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for kind in ("categories", "equipment", "muscles", "levels"):
            index: dict[str, str] = {}
            for term_id, term in (self.data.get(kind) or {}).items():
                for word in (term_id, term.get("name", ""), *term.get("aliases", ())):
                    index.setdefault(_key(word), term_id)
            self._index[kind] = index

    def ids(self, kind: str, term: SourceTerm) -> tuple[str, ...]:
        """Our ids for a source term, adding a new term when none fits."""
        known = self._by_key.get((kind, term.key))
        if known is not None:
            return known
        found = self._lookup(kind, term)
        self._by_key[(kind, term.key)] = found
        return found

    def _lookup(self, kind: str, term: SourceTerm) -> tuple[str, ...]:
        table = self.tables.get(kind, {})
        for name in term.names:
            if name.casefold() in table:
                return tuple(table[name.casefold()])
        index = self._index[kind]
        for name in term.names:
            if _key(name) in index:
                return (index[_key(name)],)
        name = next((n for n in term.names if n.strip()), term.key).strip()
        base = slugify(name) or slugify(term.key) or "term"
        term_id, n = base, 2
        while term_id in (self.data.get(kind) or {}) or any(
            t.kind == kind and t.id == term_id for t in self.added
        ):
            term_id, n = f"{base}-{n}", n + 1
        aliases = tuple(dict.fromkeys(n.strip() for n in term.names if n.strip()))
        self.added.append(NewTerm(kind, term_id, name, aliases))
        for word in (term_id, *aliases):
            index.setdefault(_key(word), term_id)
        return (term_id,)

    def name(self, kind: str, term_id: str) -> str:
        """The display name of one of our terms (or one this import adds)."""
        term = (self.data.get(kind) or {}).get(term_id)
        if term is not None:
            return str(term.get("name", term_id))
        added = next((t for t in self.added if t.kind == kind and t.id == term_id), None)
        return added.name if added else term_id


def _key(word: str) -> str:
    return re.sub(r"\s+", " ", word).strip().casefold()


def with_new_terms(text: str, added: Sequence[NewTerm]) -> str:
    """The vocabulary file's text with each new term appended to the end of its section (a
    section the file lacks is added at the end)."""
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    for kind in dict.fromkeys(t.kind for t in added):
        entries = [_entry(t) for t in added if t.kind == kind]
        start = next((i for i, line in enumerate(lines) if line.startswith(f"{kind}:")), None)
        if start is None:
            lines += [f"{kind}:\n", *entries]
            continue
        end = start + 1
        while end < len(lines) and (lines[end][:1] in (" ", "\t", "\n", "#") or not lines[end]):
            end += 1
        # Blank lines and comments at the end of a section introduce the next one: keep them there.
        while end > start + 1 and (not lines[end - 1].strip() or lines[end - 1].startswith("#")):
            end -= 1
        lines[end:end] = entries
    return "".join(lines)


def _entry(term: NewTerm) -> str:
    value: dict[str, Any] = {"name": term.name}
    if term.aliases:
        value["aliases"] = list(term.aliases)
    flow = yaml.safe_dump(
        {term.id: value}, default_flow_style=True, allow_unicode=True, width=10_000, sort_keys=False
    ).strip()
    return f"  {flow[1:-1].strip()}\n"  # `{id: {...}}` without the outer braces
