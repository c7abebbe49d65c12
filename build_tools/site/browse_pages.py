"""Browse groups → page HTML with the project's templates: the A–Z index, one page per group and
page number, the filter page, and the home page's ways in. Knows nothing of MkDocs.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from functools import cached_property

import jinja2

from .browse import NO_EQUIPMENT, Group
from ..speed.cache import Same
from ..render.exercise import Heading, base_of, page_parts

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
AZ_URL = "exercises/"
Remember = Callable[[Hashable, Callable[[], "SitePage"]], "SitePage"]
FILTER_URL = "browse/"


@dataclass(frozen=True)
class SitePage:
    """A page whose body our templates made; `src_uri` is where it pretends to sit in `docs/`."""

    src_uri: str
    url: str
    title: str
    description: str
    html: str
    toc: tuple[Heading, ...]
    anchors: frozenset[str]
    in_nav: bool = False

    @cached_property
    def digest(self) -> bytes:
        """A fingerprint of what the page shows, made once per page (an unchanged record's page
        is the same object from one rebuild of `mkdocs serve` to the next)."""
        digest = hashlib.blake2b(digest_size=16)
        for part in (self.title, self.description, self.html):
            digest.update(part.encode())
            digest.update(b"\0")
        return digest.digest()


def _page(url: str, title: str, description: str, html: str, *, in_nav: bool = False) -> SitePage:
    toc, anchors = page_parts(html)
    return SitePage(f"{url}index.md", url, title, description, html, toc, anchors, in_nav)


def _of(groups: Sequence[Group], kind: str) -> list[Group]:
    return [g for g in groups if g.kind == kind]


def _title(group: Group) -> str:
    if group.term == NO_EQUIPMENT:
        return "No-equipment exercises"
    return TITLES[group.kind].format(label=group.label)


def _render_group_page(
    template: jinja2.Template, group: Group, number: int, letters: Sequence[Group]
) -> SitePage:
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
    return _page(url, shown, description, html)


def _just_compute(key: Hashable, compute: Callable[[], SitePage]) -> SitePage:
    return compute()


def group_pages(
    env: jinja2.Environment, groups: Sequence[Group], remember: Remember = _just_compute
) -> list[SitePage]:
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
                remember(
                    key,
                    lambda g=group, n=number: _render_group_page(template, g, n, letters),
                )
            )
    return pages


def index_pages(env: jinja2.Environment, groups: Sequence[Group], total: int) -> list[SitePage]:
    """The A–Z index and the filter page, both in the navigation."""
    letters = _of(groups, "letter")
    az = env.get_template("az_index.html").render(
        letters=letters, total=total, base=base_of(AZ_URL)
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
        _page(AZ_URL, "Exercises A–Z", f"All {total} exercises, A–Z.", az, in_nav=True),
        _page(
            FILTER_URL,
            "Browse exercises",
            "Find exercises by muscle, equipment, level and category.",
            browse,
            in_nav=True,
        ),
    ]


def entry_html(env: jinja2.Environment, groups: Sequence[Group], total: int, base: str) -> str:
    """The home page's ways into the exercises, for a page `base` away from the root."""
    no_equipment = next((g for g in groups if g.term == NO_EQUIPMENT), None)
    return env.get_template("browse_entry.html").render(
        letters=_of(groups, "letter"), total=total, base=base, no_equipment=no_equipment
    )


def browse_pages(
    env: jinja2.Environment,
    groups: Sequence[Group],
    total: int,
    remember: Remember = _just_compute,
) -> list[SitePage]:
    return [*index_pages(env, groups, total), *group_pages(env, groups, remember)]
