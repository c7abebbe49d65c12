"""One import, start to end: read the source, map it, name it, merge it with what the folder
holds, check every record against the schema, and only then write, all or nothing.

Every record and the vocabulary are first written into a staging folder beside the records;
each file is then renamed into place. Nothing is written when any input is bad or any record
would fail the schema.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..diagnostics import Location
from ..source.files import list_records
from ..source.load import VOCABULARY_FILE, display_path
from ..source.schema import EXERCISE_SCHEMA, validate
from ..source.yaml_nodes import parse_yaml
from . import free_exercise_db, wger
from .naming import Member, name_groups, slugify
from .records import fingerprint, merge, missing_sections, record_text, spliced
from .source import Problem, SourceExercise
from .vocabulary import TermMap, with_new_terms

MANAGED = (
    "name",
    "draft",
    "other_names",
    "summary",
    "category",
    "level",
    "equipment",
    "muscles",
    "description",
    "instructions",
    "tips",
    "related",
    "credit",
)
"""The fields an import writes and keeps up to date (a record's slug never changes)."""

SOURCES = (free_exercise_db.NAME, wger.NAME)


@dataclass(frozen=True)
class Options:
    source: str
    path: Path
    into: Path
    root: Path
    language: str = "en"


@dataclass
class Outcome:
    """What an import did, for its summary."""

    read: int = 0
    new: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    """One line each: the file and why."""
    kept: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    left_out: list[str] = field(default_factory=list)
    terms: list[str] = field(default_factory=list)
    drafts: Counter[str] = field(default_factory=Counter)
    draft_count: int = 0
    media: Counter[str] = field(default_factory=Counter)
    media_note: str = ""

    def lines(self) -> list[str]:
        out = [
            f"new {len(self.new)}, updated {len(self.updated)}, unchanged {len(self.unchanged)},"
            f" skipped {len(self.skipped) + len(self.duplicates)}"
        ]
        out += self.skipped
        out += self.duplicates
        out += self.kept
        out += [f"left out {line}" for line in self.left_out]
        if self.terms:
            out.append(f"new vocabulary terms: {', '.join(self.terms)}")
        if self.draft_count:
            lacking = ", ".join(f"{name} {n}" for name, n in self.drafts.most_common())
            out.append(f"drafts: {self.draft_count} (lacking: {lacking})")
        for kind, count in sorted(self.media.items()):
            what = (
                kind if count != 1 else kind.replace("images", "image").replace("videos", "video")
            )
            out.append(f"{count:,} {what} not imported: {self.media_note}")
        return out


@dataclass
class _Existing:
    path: Path
    text: str
    data: dict[str, Any]


def import_source(options: Options) -> tuple[Outcome, list[Problem]]:
    """Runs one import; with any problem, nothing is written."""
    outcome = Outcome()
    shown = display_path(options.path, options.root)
    if not options.path.exists():
        return outcome, [Problem(Location(shown), "no such file or folder")]
    problems: list[Problem] = []
    language = ""
    if options.source == wger.NAME:
        wanted = wger.language_id(options.language)
        if wanted is None:
            return outcome, [Problem(Location(shown), f"unknown language {options.language!r}")]
        language = next((c for c, i in wger.LANGUAGES.items() if i == wanted), str(wanted))
        exercises, problems, outcome.left_out = wger.read(options.path, shown, wanted, language)
        tables = wger.TABLES
        outcome.media_note = "media carry licences of their own; this import takes text only"
    else:
        exercises, problems = free_exercise_db.read(options.path, shown)
        tables = free_exercise_db.TABLES
        outcome.media_note = free_exercise_db.MEDIA_NOTE
    seen: dict[str, SourceExercise] = {}
    for exercise in exercises:
        first = seen.setdefault(exercise.id, exercise)
        if first is not exercise:
            problems.append(
                Problem(exercise.location, f"exercise id {exercise.id!r} appears twice")
            )
    vocabulary_path = options.into / VOCABULARY_FILE
    vocabulary_shown = display_path(vocabulary_path, options.root)
    try:
        vocabulary_text = vocabulary_path.read_text(encoding="utf-8")
        vocabulary = yaml.load(vocabulary_text, Loader=yaml.CSafeLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        problems.append(Problem(Location(vocabulary_shown), f"cannot read the vocabulary: {error}"))
        return outcome, problems
    if not isinstance(vocabulary, dict):
        problems.append(Problem(Location(vocabulary_shown), "the vocabulary is not a mapping"))
        return outcome, problems
    if problems:
        return outcome, problems
    outcome.read = len(exercises)
    terms = TermMap(vocabulary, tables)
    existing, foreign, taken = _existing(options, outcome)
    mapped = {e.id: _fields(e, terms) for e in exercises}
    members: list[Member] = [*foreign]
    by_id: dict[str, Member] = {}
    for exercise in exercises:
        here = existing.get(exercise.id)
        member = Member(
            key=f"{exercise.source} {exercise.id}",
            name=exercise.name,
            facts=_facts(mapped[exercise.id], exercise, terms),
            fixed_slug=here.path.stem if here else None,
        )
        members.append(member)
        by_id[exercise.id] = member
    name_groups(members, taken)
    groups: dict[str, list[str]] = {}
    for exercise in exercises:
        member = by_id[exercise.id]
        if exercise.group and member.duplicate_of is None:
            groups.setdefault(exercise.group, []).append(member.slug)
    writes: dict[Path, str] = {}
    folder = display_path(options.into, options.root)
    for exercise in exercises:
        member = by_id[exercise.id]
        twin = member.duplicate_of
        if twin is not None:
            where = twin.slug or twin.fixed_slug
            outcome.duplicates.append(
                f"likely duplicate: {member.key} {exercise.name!r} is {folder}/{where}.yaml"
                f" ({twin.key}) again, with the same {', '.join(member.same) or 'facts'}:"
                " not written; merge them by hand, keeping the merged one's slug as an alias"
            )
            continue
        record = dict(mapped[exercise.id])
        record["name"] = member.title
        if member.title != exercise.name:
            others = [exercise.name, *record.get("other_names", ())]
            record["other_names"] = list(dict.fromkeys(others))
        related = sorted(s for s in groups.get(exercise.group or "", ()) if s != member.slug)
        if related:
            record["related"] = related
        here = existing.get(exercise.id)
        path = options.into / f"{member.slug}.yaml"
        shown_path = display_path(path, options.root)
        origin: dict[str, Any] = {"from": exercise.source, "id": exercise.id}
        if language:
            origin["language"] = language
        if here is None:
            record = {"name": record.pop("name"), "slug": member.slug, **record}
            lacking = missing_sections(record)
            if lacking:
                record["draft"] = True
            origin["fingerprints"] = {k: fingerprint(record[k]) for k in MANAGED if k in record}
            record["origin"] = origin
            text = record_text(record)
            outcome.new.append(shown_path)
        else:
            _keep_step_ids(record, here.data)
            result = merge(here.data, record, MANAGED)
            if result.kept:
                fields = ", ".join(result.kept)
                if result.changed:
                    outcome.kept.append(f"kept in {shown_path}: edited since import ({fields})")
                else:
                    outcome.skipped.append(f"skipped {shown_path}: edited since import ({fields})")
            if not result.changed:
                if not result.kept:
                    outcome.unchanged.append(shown_path)
                _count_draft(outcome, here.data)
                continue
            origin["fingerprints"] = result.fingerprints
            result.data["origin"] = origin
            edited = spliced(here.text, here.data, result.data)
            if edited is None:
                outcome.skipped.append(f"skipped {shown_path}: its text is no plain YAML mapping")
                continue
            text, record = edited, result.data
            outcome.updated.append(shown_path)
        _count_draft(outcome, record)
        for kind, count in exercise.media.items():
            outcome.media[kind] += count
        problems.extend(_schema_problems(text, shown_path, exercise, record))
        writes[path] = text
    if terms.added:
        writes[vocabulary_path] = with_new_terms(vocabulary_text, terms.added)
        outcome.terms = [f"{t.kind} {t.id} ({t.name})" for t in terms.added]
    if problems:
        return outcome, problems
    _write_all(options.into, writes)
    return outcome, []


def _existing(
    options: Options, outcome: Outcome
) -> tuple[dict[str, _Existing], list[Member], set[str]]:
    """This source's records already in the folder (by source id), the others as naming
    members, and every slug in use (old slugs kept as aliases too)."""
    mine: dict[str, _Existing] = {}
    foreign: list[Member] = []
    taken: set[str] = set()
    for path in list_records(options.into).records:
        taken.add(path.stem)
        shown = display_path(path, options.root)
        try:
            text = path.read_text(encoding="utf-8")
            data = yaml.load(text, Loader=yaml.CSafeLoader)
        except (OSError, UnicodeDecodeError, yaml.YAMLError):
            outcome.skipped.append(f"left {shown} as it is: it is not readable YAML")
            continue
        if not isinstance(data, dict):
            continue
        for alias in data.get("aliases") or ():
            taken.add(str(alias))
        origin = data.get("origin")
        if (
            isinstance(origin, dict)
            and origin.get("from") == options.source
            and str(origin.get("id")) not in mine
        ):
            mine[str(origin.get("id"))] = _Existing(path, text, data)
            continue
        name = data.get("name")
        if isinstance(name, str):
            foreign.append(Member(key=shown, name=name, facts=_record_facts(data), foreign=True))
    return mine, foreign, taken


def _fields(exercise: SourceExercise, terms: TermMap) -> dict[str, Any]:
    """The record's fields from the source, in `records.ORDER`, without name and slug."""
    record: dict[str, Any] = {}
    if exercise.other_names:
        record["other_names"] = exercise.other_names
    if exercise.summary:
        record["summary"] = exercise.summary
    if exercise.category:
        ids = terms.ids("categories", exercise.category)
        record["category"] = ids[0]
    if exercise.level:
        record["level"] = exercise.level
    equipment = _ids(terms, "equipment", exercise.equipment)
    if equipment:
        record["equipment"] = equipment
    primary = _ids(terms, "muscles", exercise.primary)
    secondary = [m for m in _ids(terms, "muscles", exercise.secondary) if m not in primary]
    if primary:
        record["muscles"] = {"primary": primary, **({"secondary": secondary} if secondary else {})}
    elif secondary:
        record["muscles"] = {"primary": secondary}  # the schema wants a primary; none was named
    if exercise.description:
        record["description"] = exercise.description
    if exercise.instructions:
        record["instructions"] = [
            {"id": step_id, "text": text}
            for step_id, text in zip(
                _step_ids(exercise.instructions), exercise.instructions, strict=True
            )
        ]
    if exercise.tips:
        record["tips"] = exercise.tips
    if exercise.credit:
        sections = [s for s in ("summary", "description", "instructions", "tips") if s in record]
        if sections:
            record["credit"] = [{**exercise.credit, "sections": sections}]
    return record


def _ids(terms: TermMap, kind: str, source_terms: Sequence[Any]) -> list[str]:
    found: list[str] = []
    for term in source_terms:
        found.extend(terms.ids(kind, term))
    return list(dict.fromkeys(found))


def _step_ids(steps: Sequence[str]) -> list[str]:
    """Each step's id from its first words, unique within the record."""
    ids: list[str] = []
    for step in steps:
        base = "-".join(slugify(step).split("-")[:4])[:40].strip("-") or "step"
        candidate, n = base, 2
        while candidate in ids:
            candidate, n = f"{base}-{n}", n + 1
        ids.append(candidate)
    return ids


def _keep_step_ids(record: dict[str, Any], current: Mapping[str, Any]) -> None:
    """A re-import keeps each step's published id (its anchor), step by step."""
    old = current.get("instructions")
    new = record.get("instructions")
    if not isinstance(old, list) or not isinstance(new, list):
        return
    used: set[str] = set()
    for index, step in enumerate(new):
        before = old[index] if index < len(old) else None
        old_id = before.get("id") if isinstance(before, dict) else None
        if isinstance(old_id, str) and old_id not in used:
            step["id"] = old_id
        used.add(step["id"])
    ids = [s["id"] for s in new]
    if len(set(ids)) != len(ids):  # kept and new ids met: fall back to fresh ones
        for step, step_id in zip(new, _step_ids([s["text"] for s in new]), strict=True):
            step["id"] = step_id


def _facts(
    record: Mapping[str, Any], exercise: SourceExercise, terms: TermMap
) -> dict[str, tuple[str, ...]]:
    facts = _record_facts(record, terms)
    for trait in ("force", "mechanic"):
        if exercise.traits.get(trait):
            facts[trait] = (exercise.traits[trait],)
    return facts


def _record_facts(
    record: Mapping[str, Any], terms: TermMap | None = None
) -> dict[str, tuple[str, ...]]:
    def names(kind: str, ids: Any) -> tuple[str, ...]:
        if not isinstance(ids, list):
            return ()
        return tuple(terms.name(kind, str(i)) if terms else str(i) for i in ids)

    muscles = record.get("muscles")
    facts = {
        "equipment": names("equipment", record.get("equipment")),
        "category": names("categories", [record["category"]] if record.get("category") else None),
        "muscles": names("muscles", muscles.get("primary") if isinstance(muscles, dict) else None),
        "level": (str(record["level"]).capitalize(),) if record.get("level") else (),
    }
    return {k: v for k, v in facts.items() if v}


def _count_draft(outcome: Outcome, record: Mapping[str, Any]) -> None:
    if record.get("draft") is True:
        outcome.draft_count += 1
        outcome.drafts.update(missing_sections(record))


def _schema_problems(
    text: str, shown: str, exercise: SourceExercise, record: Mapping[str, Any]
) -> list[Problem]:
    """The record's text read back must be the record and pass the schema."""
    parsed = parse_yaml(text, shown)
    found = list(parsed.diagnostics) or validate(parsed.data, parsed.source, EXERCISE_SCHEMA)
    if not found and parsed.data != record:
        message = f"{exercise.source} {exercise.id}: the text written for {shown} reads back"
        return [Problem(exercise.location, message + " as another record (an importer bug)")]
    return [
        Problem(
            exercise.location,
            f"{exercise.source} {exercise.id} {exercise.name!r} would make a record that fails"
            f" the schema: {d.format()}",
        )
        for d in found
    ]


def _write_all(into: Path, writes: Mapping[Path, str]) -> None:
    """Every file into a staging folder beside the records, then each renamed into place."""
    if not writes:
        return
    staging = Path(tempfile.mkdtemp(prefix=".import-", dir=into))
    try:
        staged: list[tuple[Path, Path]] = []
        for index, (path, text) in enumerate(writes.items()):
            temporary = staging / f"{index}.yaml"
            temporary.write_text(text, encoding="utf-8")
            staged.append((temporary, path))
        for temporary, path in staged:
            os.replace(temporary, path)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
