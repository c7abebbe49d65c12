"""Record → the body HTML of its page, with the project's templates; no generator here."""

from __future__ import annotations

from collections.abc import Sequence

import jinja2

from ..addresses import BROWSE, absolute, base_of
from ..checks.drafts import lacking
from ..media.derive import NO_MEDIA, ShownMedia
from ..model import Exercise, Term, Vocabulary
from .environment import term_links
from .markup import LinkTargets
from .moved import MovedAway
from .page import Page

EXERCISE_TEMPLATE = "exercise.html"


def render_exercise(
    env: jinja2.Environment,
    exercise: Exercise,
    terms: Vocabulary,
    related: Sequence[Exercise] = (),
    *,
    site_url: str = "",
    link_targets: LinkTargets | None = None,
    media: ShownMedia = NO_MEDIA,
    moved_away: Sequence[MovedAway] = (),
) -> Page:
    """The page; deep links that leave the page (copy, print) are absolute under `site_url`.
    Links in the record's text land on `link_targets` (the site's exercises; without them,
    only on this page). `media` is what the page shows of the record's pictures and videos
    (`media.derive.RecordMedia.shown`).

    A draft's page (shown only by `mkdocs serve`) says what the draft lacks, and its terms
    lead to the browse index: the browse pages are made of published records alone, so the
    page of a term only drafts use does not exist. `moved_away` are the items that moved from
    this page's address to other exercises (`render/moved.py`)."""
    extra = {}
    if exercise.draft:
        extra = {"term_links": _to_browse_index, "draft_lacks": lacking(exercise)}
    body = env.get_template(EXERCISE_TEMPLATE).render(
        exercise=exercise,
        terms=terms,
        related=related,
        base=base_of(exercise.url),
        page_url=absolute(site_url, exercise.url),
        link_targets=link_targets or LinkTargets((exercise,)),
        media=media,
        moved_away=moved_away,
        **extra,
    )
    title = f"{exercise.name} (draft)" if exercise.draft else exercise.name
    return Page.of(exercise.url, title, exercise.summary, body)


def _to_browse_index(
    terms: dict[str, Term], ids: Sequence[str], kind: str
) -> list[tuple[str, str]]:
    return [(BROWSE, name) for _, name in term_links(terms, ids, kind)]
