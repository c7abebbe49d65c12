"""Record → the body HTML of its page, with the project's templates; no generator here."""

from __future__ import annotations

from collections.abc import Sequence

import jinja2

from ..addresses import absolute, base_of
from ..model import Exercise, Vocabulary
from .page import Page

EXERCISE_TEMPLATE = "exercise.html"


def render_exercise(
    env: jinja2.Environment,
    exercise: Exercise,
    terms: Vocabulary,
    related: Sequence[Exercise] = (),
    *,
    site_url: str = "",
) -> Page:
    """The page; deep links that leave the page (copy, print) are absolute under `site_url`."""
    body = env.get_template(EXERCISE_TEMPLATE).render(
        exercise=exercise,
        terms=terms,
        related=related,
        base=base_of(exercise.url),
        page_url=absolute(site_url, exercise.url),
    )
    return Page.of(exercise.url, exercise.name, exercise.summary, body)
