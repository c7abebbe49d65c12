"""Record → the body HTML of its page, with the project's templates; no generator here."""

from __future__ import annotations

from collections.abc import Sequence

import jinja2

from ..addresses import absolute, base_of
from ..model import Exercise, Vocabulary
from .markup import LinkTargets
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
) -> Page:
    """The page; deep links that leave the page (copy, print) are absolute under `site_url`.
    Links in the record's text land on `link_targets` (the site's exercises; without them,
    only on this page)."""
    body = env.get_template(EXERCISE_TEMPLATE).render(
        exercise=exercise,
        terms=terms,
        related=related,
        base=base_of(exercise.url),
        page_url=absolute(site_url, exercise.url),
        link_targets=link_targets or LinkTargets((exercise,)),
    )
    return Page.of(exercise.url, exercise.name, exercise.summary, body)
