"""Record → page HTML with the project's Jinja templates. Knows nothing of MkDocs.

Templates render with autoescape and `StrictUndefined`: record text is data and always escaped,
and a field a template names but the model lacks is an error, never an empty string.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import jinja2

from ..anchors import page_url
from ..model import Exercise, FaqEntry, Reference, Step, Term, Vocabulary
from ..site import browse
from .figure import stance_figures

EXERCISE_TEMPLATE = "exercise.html"

# Only our own template markup can match: record text is escaped, so `<h2` or `id="` in a
# record reaches the output as `&lt;h2` and `id=&#34;`.
_H2 = re.compile(r'<h2 id="([^"]+)">(.*?)<a class="headerlink"', re.S)
_ID = re.compile(r'\sid="([^"]+)"')


@dataclass(frozen=True)
class Heading:
    """A table-of-contents entry; `title_html` is markup from our own template."""

    id: str
    title_html: str


@dataclass(frozen=True)
class RenderedPage:
    """One exercise page: its body HTML and what the site generator needs to know of it."""

    slug: str
    url: str
    title: str
    description: str
    html: str
    toc: tuple[Heading, ...]
    anchors: frozenset[str]


def make_environment(templates_dir: Path) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates_dir),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.globals["names"] = term_names
    env.globals["label"] = reference_label
    env.globals["stance_figures"] = stance_figures
    env.globals["browse_url"] = browse.url
    env.globals["term_links"] = term_links
    return env


def base_of(url: str) -> str:
    """The relative path from a page at directory URL `url` back to the site root."""
    return "../" * url.count("/")


def page_parts(body: str) -> tuple[tuple[Heading, ...], frozenset[str]]:
    """The table of contents (our `h2`s with permalinks) and every id of a rendered body."""
    toc = tuple(Heading(id_, title) for id_, title in _H2.findall(body))
    return toc, frozenset(_ID.findall(body))


def term_links(terms: Mapping[str, Term], ids: Iterable[str], kind: str) -> list[tuple[str, str]]:
    """(browse page path from the site root, display name) of each vocabulary id."""
    return [(browse.url(kind, i), terms[i].name) for i in ids]


def term_names(terms: Mapping[str, Term], ids: Iterable[str]) -> str:
    """Display names of vocabulary ids, joined for a sentence: `Soleus, Achilles tendon`."""
    return ", ".join(terms[i].name for i in ids)


def reference_label(exercise: Exercise, reference: Reference) -> str:
    """A link's text for a reference: `Step 5`, the FAQ question, or the variation's name."""
    target = exercise.target(reference)
    if target is None:  # the checks stop a record with such a reference before rendering
        raise ValueError(f"reference '{reference}' does not resolve")
    if isinstance(target, Step):
        return f"Step {exercise.instructions.index(target) + 1}"
    return target.question if isinstance(target, FaqEntry) else target.name


def render_exercise(
    env: jinja2.Environment,
    exercise: Exercise,
    terms: Vocabulary,
    related: Sequence[Exercise] = (),
    *,
    site_url: str = "",
) -> RenderedPage:
    """The page body; deep links that leave the page (copy, print) are absolute under `site_url`."""
    body = env.get_template(EXERCISE_TEMPLATE).render(
        exercise=exercise,
        terms=terms,
        related=related,
        base=base_of(exercise.url),
        page_url=page_url(site_url, exercise),
    )
    toc, anchors = page_parts(body)
    return RenderedPage(
        slug=exercise.slug,
        url=exercise.url,
        title=exercise.name,
        description=exercise.summary,
        html=body,
        toc=toc,
        anchors=anchors,
    )
