"""What a check says of drafts: each is listed with what it still lacks, and its findings are
told as notes, which never fail a run: nothing of a draft is published, so nothing of it can
break the site. A file that cannot be read or fails the schema is no draft yet; its findings
stay what they are.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..diagnostics import Diagnostic, Severity
from ..model import Exercise
from ..source.load import Content
from .registry import describe

DRAFT = "D001"

describe(
    DRAFT,
    "draft, not published",
    """What it catches: a record with `draft: true`, and the fields the site requires that it
    still lacks. A note, never an error: `check` and `--strict` builds pass with drafts in
    the content. The draft's other findings are told as notes too.

    Why: a draft is loaded and checked, so its editor sees what to finish, but no page,
    search entry, browse listing, redirect or anchor-lock line is made of it; `mkdocs serve`
    shows its page, marked as a draft.

    How to fix: write what it lacks, then remove `draft: true` to publish it.""",
    example="content/calf-raise.yaml:3:1: D001 draft, not published: lacks summary, category, "
    "level, "
    "equipment, muscles, when_to_use, description, tips and faq",
    severity=Severity.NOTE,
)


def lacking(exercise: Exercise) -> str:
    """What a draft still lacks, as the end of a sentence about it."""
    missing = exercise.missing
    if not missing:
        return "has every field the site requires: remove 'draft: true' to publish it"
    listed = missing[0] if len(missing) == 1 else f"{', '.join(missing[:-1])} and {missing[-1]}"
    return f"lacks {listed}"


def drafts_line(diagnostics: Iterable[Diagnostic]) -> str | None:
    """What a build says of the drafts it left out, in one line instead of their notes."""
    count = sum(1 for d in diagnostics if d.code == DRAFT)
    if not count:
        return None
    noun = "draft was" if count == 1 else "drafts were"
    return f"{count} {noun} not published; `python -m build_tools check` lists what each lacks"


def told_of_drafts(content: Content, diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    """`diagnostics` with each finding in a draft's file told as a note, and a D001 note per
    draft."""
    drafts = {e.source.path: e for e in content.drafts}
    told = [d.as_note() if d.location.path in drafts else d for d in diagnostics]
    for exercise in drafts.values():
        message = f"draft, not published: {lacking(exercise)}"
        told.append(Diagnostic(DRAFT, message, exercise.source.key(("draft",)), Severity.NOTE))
    return told


def previewed(content: Content, diagnostics: Iterable[Diagnostic]) -> tuple[Exercise, ...]:
    """The drafts whose page `mkdocs serve` shows: those with no error of their own (a
    reference that points nowhere would break their page as it breaks a published one)."""
    broken = {d.location.path for d in diagnostics if d.is_error}
    return tuple(e for e in content.drafts if e.source.path not in broken)
