"""Browse groups → page HTML with the project's templates: the A–Z index, one page per group and
page number, the filter page, and the home page's ways in. Knows nothing of MkDocs.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from functools import partial

import jinja2

from ..addresses import BROWSE, EXERCISES, base_of
from ..memo import Same
from ..model import Exercise, Vocabulary
from ..render.page import Page
from .browse import NO_EQUIPMENT, SHOWN_LIMIT, Group, spread

TITLES = {
    "muscle": "{label} exercises",
    "equipment": "{label} exercises",
    "level": "{label} exercises",
    "category": "{label} exercises",
    "letter": "Exercises A–Z: {label}",
}
SECTIONS = (
    ("by-muscle", "By muscle", "muscle"),
    ("by-equipment", "By equipment", "equipment"),
    ("by-level", "By level", "level"),
    ("by-category", "By category", "category"),
)
FILTERS = (("muscle", "Muscle"), ("equipment", "Equipment"), ("level", "Level"))
AZ_URL = EXERCISES
Remember = Callable[[Hashable, Callable[[], Page]], Page]
FILTER_URL = BROWSE


def _of(groups: Sequence[Group], kind: str) -> list[Group]:
    return [g for g in groups if g.kind == kind]


def _title(group: Group) -> str:
    if group.term == NO_EQUIPMENT:
        return "No-equipment exercises"
    return TITLES[group.kind].format(label=group.label)


def _render_group_page(
    template: jinja2.Template, group: Group, number: int, letters: Sequence[Group]
) -> Page:
    title = _title(group)
    url = group.url(number)
    shown = title if number == 1 else f"{title} (page {number} of {group.pages})"
    html = template.render(
        group=group,
        number=number,
        items=group.page(number),
        title=shown,
        letters=letters,
        base=base_of(url),
    )
    count = len(group.exercises)
    description = f"{title}: {count} exercise{'s' if count != 1 else ''}, A–Z."
    return Page.of(url, shown, description, html)


def _just_compute(key: Hashable, compute: Callable[[], Page]) -> Page:
    return compute()


def group_pages(
    env: jinja2.Environment, groups: Sequence[Group], remember: Remember = _just_compute
) -> list[Page]:
    """Every page of every group. `remember(key, compute)` may reuse a page whose inputs (all in
    `key`) are unchanged since the last build, as `mkdocs serve` does."""
    template = env.get_template("browse_group.html")
    letters = _of(groups, "letter")
    letters_key = tuple((g.term, g.label) for g in letters)
    pages = []
    for group in groups:
        for number in range(1, group.pages + 1):
            key = (
                "browse",
                group.kind,
                group.term,
                group.label,
                number,
                len(group.exercises),
                *map(Same, group.page(number)),
                letters_key if group.kind == "letter" else (),
            )
            pages.append(
                remember(key, partial(_render_group_page, template, group, number, letters))
            )
    return pages


def index_pages(env: jinja2.Environment, groups: Sequence[Group], total: int) -> list[Page]:
    """The A–Z index and the filter page, both in the navigation."""
    letters = _of(groups, "letter")
    az = env.get_template("az_index.html").render(
        letters=letters,
        total=total,
        base=base_of(AZ_URL),
        tiles=total > SHOWN_LIMIT,
        limit=SHOWN_LIMIT,
    )
    sections = [
        {"id": id_, "title": title, "groups": _of(groups, kind)} for id_, title, kind in SECTIONS
    ]
    fields = [
        {"name": kind, "label": label, "groups": _of(groups, kind)} for kind, label in FILTERS
    ]
    browse = env.get_template("browse_index.html").render(
        sections=[s for s in sections if s["groups"]],
        fields=fields,
        letters=letters,
        total=total,
        base=base_of(FILTER_URL),
    )
    return [
        Page.of(AZ_URL, "Exercises A–Z", f"All {total} exercises, A–Z.", az, in_nav=True),
        Page.of(
            FILTER_URL,
            "Browse exercises",
            "Find exercises by muscle, equipment, level and category.",
            browse,
            in_nav=True,
        ),
    ]


def entry_html(
    env: jinja2.Environment,
    ordered: Sequence[Exercise],
    groups: Sequence[Group],
    vocabulary: Vocabulary,
    base: str,
) -> str:
    """The home page's exercises (`ordered` A–Z: all of them, or a bounded spread) and its ways
    into the rest, for a page `base` away from the root."""
    no_equipment = next((g for g in groups if g.term == NO_EQUIPMENT), None)
    total = len(ordered)
    return env.get_template("browse_entry.html").render(
        shown=spread(ordered),
        terms=vocabulary,
        letters=_of(groups, "letter"),
        tiles=total > SHOWN_LIMIT,
        total=total,
        base=base,
        no_equipment=no_equipment,
    )


def browse_pages(
    env: jinja2.Environment,
    groups: Sequence[Group],
    total: int,
    remember: Remember = _just_compute,
) -> list[Page]:
    return [*index_pages(env, groups, total), *group_pages(env, groups, remember)]
