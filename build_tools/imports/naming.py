"""Slugs and titles from names, told apart by what differs in the data, never by a bare number.

Exercises whose names make the same slug form a group, with the records already in the folder
that are not this import's (written by hand, or from another source). Within a group, exercises
whose facts are all the same (equipment, category, muscles, level and the source's own traits)
are likely duplicates: the first is written and the others are reported for an editor to merge.
Each remaining exercise gets a title qualified by the fewest facts, in that order, that set it
apart from the others ("Plank (Gym mat)"); a slug still taken after that ends in the source's id.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field

SLUG_LIMIT = 80
FACTS = ("equipment", "category", "muscles", "level", "force", "mechanic")


def slugify(text: str) -> str:
    """`Farmer's Walk` → `farmers-walk`; accents dropped, other scripts give ''."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"['’‘`]", "", text.lower())
    slug = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    if len(slug) > SLUG_LIMIT:
        slug = slug[:SLUG_LIMIT].rsplit("-", 1)[0]
    return slug


@dataclass
class Member:
    """One exercise of a naming group: its name, facts (display words per fact, in FACTS order)
    and, for one already written, its slug and title."""

    key: str
    """The source id, or the file of a record that is not this import's."""
    name: str
    facts: dict[str, tuple[str, ...]]
    fixed_slug: str | None = None
    foreign: bool = False
    """A record not from this import: its title and slug are what they are."""
    title: str = ""
    slug: str = ""
    duplicate_of: Member | None = None
    same: tuple[str, ...] = field(default_factory=tuple)


def name_groups(members: Sequence[Member], taken: set[str]) -> None:
    """Gives every non-foreign member a title and slug (or a `duplicate_of`); `taken` holds the
    slugs in use outside the members (old slugs kept as aliases) and gains the new ones."""
    groups: dict[str, list[Member]] = {}
    for member in members:
        groups.setdefault(slugify(member.name) or member.key, []).append(member)
    for member in members:
        if member.foreign or member.fixed_slug:
            taken.add(member.fixed_slug or member.slug)
    for group in groups.values():
        _name_group(group)
    for member in members:
        if member.foreign or member.duplicate_of is not None:
            continue
        if member.fixed_slug:
            member.slug = member.fixed_slug
            continue
        slug = slugify(member.title) or slugify(member.key)
        if slug in taken:
            slug = f"{slug}-{slugify(member.key)}"[:SLUG_LIMIT].strip("-")
        member.slug = slug
        taken.add(slug)


def _name_group(group: list[Member]) -> None:
    # Records already written come first, so that a re-import keeps them as the kept ones.
    group.sort(key=lambda m: (not m.foreign, m.fixed_slug is None))
    kept: list[Member] = []
    for member in group:
        twin = next((k for k in kept if k.facts == member.facts), None)
        if twin is not None and not member.foreign and member.fixed_slug is None:
            member.duplicate_of = twin
            member.same = tuple(f for f in FACTS if member.facts.get(f))
        else:
            kept.append(member)
    for member in kept:
        if member.foreign:
            continue
        if len(kept) == 1:
            member.title = member.name
            continue
        others = [k for k in kept if k is not member]
        member.title = _qualified(member, others)
    seen: set[str] = set()
    for member in kept:  # records not this import's first: theirs is the title to avoid
        title = member.name if member.foreign else member.title
        if title.casefold() in seen and not member.foreign:
            member.title = title = f"{title} ({member.key})"
        seen.add(title.casefold())


def _qualified(member: Member, others: Sequence[Member]) -> str:
    """The name and the fewest facts, in FACTS order, that no other member shares."""
    for count in range(1, len(FACTS) + 1):
        chosen = FACTS[:count]
        mine = tuple(member.facts.get(f, ()) for f in chosen)
        if all(tuple(o.facts.get(f, ()) for f in chosen) != mine for o in others):
            words = [
                ", ".join(member.facts[f])
                for f in chosen
                if member.facts.get(f) and any(o.facts.get(f) != member.facts[f] for o in others)
            ]
            if words:
                return f"{member.name} ({'; '.join(words)})"
            return member.name
    return member.name
