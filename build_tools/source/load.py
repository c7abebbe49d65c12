"""Read `content/`: every exercise record and the vocabulary, each validated against its schema.

Returns models plus diagnostics; a file with any load or schema problem yields no model, so later
stages only ever see well-formed records.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path

from ..diagnostics import Diagnostic
from ..memo import FRESH, Mapper, Memo, in_order
from ..model import Exercise, Vocabulary
from .files import list_records, misnamed_record, read_text
from .limits import excesses
from .lock import LOCK_FILE, AnchorLock, read_lock
from .schema import EXERCISE_SCHEMA, VOCABULARY_SCHEMA, field_name, validate
from .tombstones import Tombstone, load_tombstones
from .yaml_nodes import SourceMap, parse_yaml

VOCABULARY_FILE = Path("vocabulary") / "terms.yaml"


@dataclass(frozen=True)
class Content:
    """Everything loaded from a content folder, and what was wrong with it."""

    exercises: tuple[Exercise, ...]
    vocabulary: Vocabulary | None
    diagnostics: tuple[Diagnostic, ...]
    record_files: tuple[str, ...] = ()
    anchor_lock: AnchorLock | None = None
    """The published deep links (`content/anchors.lock`); None when not read."""
    folder: Path | None = None
    """The content folder on disk, for the checks of the files records name (`content/media/`)."""
    tombstones: tuple[Tombstone, ...] = ()
    """The withdrawn exercises (`content/tombstones/`), in name order."""

    def only(self, exercise: Exercise) -> Content:
        """The same content with one exercise, for a check that looks at one at a time."""
        return replace(self, exercises=(exercise,), diagnostics=(), record_files=())

    @cached_property
    def published(self) -> Content:
        """The same content without its drafts: what every published output is made of."""
        return replace(self, exercises=tuple(e for e in self.exercises if not e.draft))

    @property
    def drafts(self) -> tuple[Exercise, ...]:
        return tuple(e for e in self.exercises if e.draft)

    @cached_property
    def by_slug(self) -> dict[str, Exercise]:
        """The exercises by slug (the first, should two records share one)."""
        found: dict[str, Exercise] = {}
        for exercise in self.exercises:
            found.setdefault(exercise.slug, exercise)
        return found


def record_paths(content_dir: Path) -> list[Path]:
    """The exercise records: every `*.yaml` directly in the content folder, in name order
    (editors' lock and backup files left out)."""
    return list_records(content_dir).records


def display_path(path: Path, root: Path) -> str:
    """POSIX path relative to the project root, as diagnostics print it."""
    try:
        # The folder resolved, not the file: a link is shown where it is, not where it points.
        return (path.parent.resolve() / path.name).relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _read(
    path: Path, shown: str, schema: str, inside: Path
) -> tuple[object, SourceMap, list[Diagnostic]]:
    text = read_text(path, shown, inside)
    if isinstance(text, Diagnostic):
        return None, SourceMap(shown), [text]
    parsed = parse_yaml(text, shown)
    problems = list(parsed.diagnostics)
    if not problems:
        problems.extend(_beyond_limits(parsed.data, parsed.source, len(text)))
    if not problems:  # a document that is only `~` is data too: the schema says it is no record
        problems.extend(validate(parsed.data, parsed.source, schema))
    return parsed.data, parsed.source, problems


def _beyond_limits(data: object, source: SourceMap, text_length: int) -> list[Diagnostic]:
    found = []
    for excess in excesses(data, text_length):
        name = f"field '{field_name(excess.at)}'" if excess.at else "the record"
        if excess.key is None:
            location = source.value(excess.at)
        else:
            location = source.key((*excess.at, excess.key))
        found.append(Diagnostic("Y010", f"{name} {excess.problem}", location))
    return found


def load_exercise(
    path: Path, root: Path, shown: str | None = None
) -> tuple[Exercise | None, list[Diagnostic]]:
    """One record; `shown` is its path as diagnostics print it, when the caller knows it. Only
    a plain file, or a link to one in the record's own folder, is read."""
    shown = shown or display_path(path, root)
    data, source, problems = _read(path, shown, EXERCISE_SCHEMA, path.parent)
    if problems or not isinstance(data, dict):
        return None, problems
    return Exercise.from_data(data, source), problems


def load_vocabulary(
    path: Path, root: Path, content_dir: Path | None = None
) -> tuple[Vocabulary | None, list[Diagnostic]]:
    inside = content_dir or path.parent.parent
    data, source, problems = _read(path, display_path(path, root), VOCABULARY_SCHEMA, inside)
    if problems or not isinstance(data, dict):
        return None, problems
    return Vocabulary.from_data(data, source), problems


def load_content(
    content_dir: Path, root: Path, memo: Memo = FRESH, map_: Mapper = in_order
) -> Content:
    """Load the vocabulary and every record; all problems of all files in one pass.

    `memo` may keep what an unchanged file gave last time; `map_` reads the records
    (`speed.forked.forked_map` reads half of them on another core).
    """
    diagnostics: list[Diagnostic] = []
    vocabulary_path = content_dir / VOCABULARY_FILE
    ((vocabulary, problems),) = memo.files(
        [vocabulary_path], lambda p: load_vocabulary(p, root, content_dir)
    )
    diagnostics.extend(problems)
    exercises: list[Exercise] = []
    listing = list_records(content_dir)
    paths = listing.records
    # Every record sits directly in the content folder: resolve that folder once, not each file.
    folder = display_path(content_dir, root)

    def shown_as(path: Path) -> str:
        return f"{folder}/{path.name}" if folder != "." else path.name

    shown = [shown_as(p) for p in paths]
    names = dict(zip(paths, shown, strict=True))
    loaded = memo.files(paths, lambda p: load_exercise(p, root, names[p]), map_)
    for exercise, problems in loaded:
        diagnostics.extend(problems)
        if exercise is not None:
            exercises.append(exercise)
    misnamed = [shown_as(p) for p in listing.misnamed]
    diagnostics.extend(
        misnamed_record(p, s) for p, s in zip(listing.misnamed, misnamed, strict=True)
    )
    lock_file = content_dir / LOCK_FILE
    lock = read_lock(lock_file, display_path(lock_file, root), content_dir)
    if isinstance(lock, Diagnostic):
        diagnostics.append(lock)
    tombstones, problems = load_tombstones(content_dir, folder)
    diagnostics.extend(problems)
    return Content(
        tuple(exercises),
        vocabulary,
        tuple(diagnostics),
        # A misnamed record is a record that did not load: its page is not gone.
        (*shown, *misnamed),
        None if isinstance(lock, Diagnostic) else lock,
        content_dir,
        tombstones,
    )
