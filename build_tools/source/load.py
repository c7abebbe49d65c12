"""Read `content/`: every exercise record and the vocabulary, each validated against its schema.

Returns models plus diagnostics; a file with any load or schema problem yields no model, so later
stages only ever see well-formed records.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path

from ..diagnostics import Diagnostic, Location
from ..memo import FRESH, Mapper, Memo, in_order
from ..model import Exercise, Vocabulary
from .lock import LOCK_FILE, AnchorLock, read_lock
from .schema import EXERCISE_SCHEMA, VOCABULARY_SCHEMA, validate
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

    def only(self, exercise: Exercise) -> Content:
        """The same content with one exercise, for a check that looks at one at a time."""
        return replace(self, exercises=(exercise,), diagnostics=(), record_files=())

    @cached_property
    def by_slug(self) -> dict[str, Exercise]:
        """The exercises by slug (the first, should two records share one)."""
        found: dict[str, Exercise] = {}
        for exercise in self.exercises:
            found.setdefault(exercise.slug, exercise)
        return found


def record_paths(content_dir: Path) -> list[Path]:
    """The exercise records: every `*.yaml` directly in the content folder, in name order."""
    return sorted(content_dir.glob("*.yaml"))


def display_path(path: Path, root: Path) -> str:
    """POSIX path relative to the project root, as diagnostics print it."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _read(path: Path, shown: str, schema: str) -> tuple[object, SourceMap, list[Diagnostic]]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        reason = getattr(error, "strerror", None) or str(error)
        return (
            None,
            SourceMap(shown),
            [Diagnostic("Y006", f"cannot read the file: {reason}", Location(shown))],
        )
    parsed = parse_yaml(text, shown)
    problems = list(parsed.diagnostics)
    if parsed.data is not None and not problems:
        problems.extend(validate(parsed.data, parsed.source, schema))
    return parsed.data, parsed.source, problems


def load_exercise(
    path: Path, root: Path, shown: str | None = None
) -> tuple[Exercise | None, list[Diagnostic]]:
    """One record; `shown` is its path as diagnostics print it, when the caller knows it."""
    data, source, problems = _read(path, shown or display_path(path, root), EXERCISE_SCHEMA)
    if problems or not isinstance(data, dict):
        return None, problems
    return Exercise.from_data(data, source), problems


def load_vocabulary(path: Path, root: Path) -> tuple[Vocabulary | None, list[Diagnostic]]:
    data, source, problems = _read(path, display_path(path, root), VOCABULARY_SCHEMA)
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
    ((vocabulary, problems),) = memo.files([vocabulary_path], lambda p: load_vocabulary(p, root))
    diagnostics.extend(problems)
    exercises: list[Exercise] = []
    paths = record_paths(content_dir)
    # Every record sits directly in the content folder: resolve that folder once, not each file.
    folder = display_path(content_dir, root)
    shown = [f"{folder}/{p.name}" if folder != "." else p.name for p in paths]
    names = dict(zip(paths, shown, strict=True))
    loaded = memo.files(paths, lambda p: load_exercise(p, root, names[p]), map_)
    for exercise, problems in loaded:
        diagnostics.extend(problems)
        if exercise is not None:
            exercises.append(exercise)
    lock_file = content_dir / LOCK_FILE
    return Content(
        tuple(exercises),
        vocabulary,
        tuple(diagnostics),
        tuple(shown),
        read_lock(lock_file, display_path(lock_file, root)),
    )
