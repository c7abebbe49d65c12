"""The typed model of the content: exercises and the vocabulary they draw on. No I/O here.

Models are built only from data that passed the schema, so constructors trust their input.
Each model keeps the `SourceMap` of its file, so any later finding can point at a field's line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, fields, replace
from typing import Any

from .addresses import exercise_url
from .source.yaml_nodes import Path, SourceMap

SECTION_IDS = ("at-a-glance", "description", "instructions", "variations", "tips", "faq")
"""The heading ids of an exercise page's sections, in page order."""

PAGE_IDS: dict[str, str] = {
    **{section: f"the page's '{section}' section" for section in SECTION_IDS},
    "related-exercises": "the page's 'related-exercises' section",
    "source-and-licence": "the page's 'source-and-licence' section",
    "find-query": "the search box",
    "find-results": "the list of search results",
}
"""Every fixed id of an exercise page, whichever template writes it (`templates/pages/`, the
search form of `templates/theme/partials/find.html`), with what carries it. A record's anchor
equal to one of these would lead a link to that element instead; a test compares this with the
ids of a built page, so a template cannot add one unseen."""

THEME_ID_PREFIX = "__"
"""Material's own ids (`__drawer`, `__search`, `__toc`, `__nav_1`…) all start so."""

_FIGURE_ID = re.compile(r"stance-[a-z0-9-]+-(title|desc)")
_FIGURE_PART = {"title": "title", "desc": "description"}


def page_id_use(anchor: str) -> str | None:
    """What an exercise page itself gives the id `anchor` to, whatever the record says: a
    section, the search form, the stance figure's title or description, the theme; None when
    the id is free for the record."""
    if anchor in PAGE_IDS:
        return PAGE_IDS[anchor]
    if anchor.startswith(THEME_ID_PREFIX):
        return "the theme's own element"
    figure = _FIGURE_ID.fullmatch(anchor)
    if figure:
        # `stance-<variation id or setup>-title`: the figure's ids (render/figure/drawing.py)
        return f"the stance figure's {_FIGURE_PART[figure.group(1)]}"
    return None


@dataclass(frozen=True)
class Term:
    """One vocabulary entry: `id` is what records write, `name` what pages show."""

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    mentions: tuple[str, ...] = ()
    """Looser words for the term, such as the body part a muscle lies in (`chest` for the
    pectorals): they count as the text naming the term, never as naming it precisely."""
    implicit: bool = False
    """Present in every exercise that declares it (body weight): the text need not name it."""


@dataclass(frozen=True)
class Vocabulary:
    categories: dict[str, Term]
    levels: dict[str, Term]
    equipment: dict[str, Term]
    muscles: dict[str, Term]
    uses: dict[str, Term]
    source: SourceMap = field(compare=False, repr=False)

    KINDS = ("categories", "levels", "equipment", "muscles", "uses")

    @classmethod
    def from_data(cls, data: dict[str, Any], source: SourceMap) -> Vocabulary:
        def terms(kind: str) -> dict[str, Term]:
            return {
                key: Term(
                    key,
                    value["name"],
                    tuple(value.get("aliases", ())),
                    tuple(value.get("mentions", ())),
                    value.get("implicit", False),
                )
                for key, value in data[kind].items()
            }

        return cls(**{kind: terms(kind) for kind in cls.KINDS}, source=source)


@dataclass(frozen=True)
class Reference:
    """A pointer from one part of a record to another, written `step:<id>`, `faq:<id>` or
    `variation:<id>`."""

    kind: str
    id: str

    KINDS = ("step", "faq", "variation")

    @classmethod
    def parse(cls, text: str) -> Reference:
        kind, _, id_ = text.partition(":")
        return cls(kind, id_)

    def __str__(self) -> str:
        return f"{self.kind}:{self.id}"


def _references(item: dict[str, Any]) -> tuple[Reference, ...]:
    return tuple(Reference.parse(text) for text in item.get("see", ()))


def _moved_from(item: dict[str, Any]) -> tuple[str, ...]:
    return tuple(item.get("moved_from", ()))


@dataclass(frozen=True)
class Step:
    id: str
    text: str
    aliases: tuple[str, ...] = ()
    moved_from: tuple[str, ...] = ()
    """Where the step was published on another exercise's page: `<old slug>#<old id>`."""

    @property
    def anchor(self) -> str:
        return f"step-{self.id}"

    @property
    def alias_anchors(self) -> tuple[str, ...]:
        return tuple(f"step-{alias}" for alias in self.aliases)


@dataclass(frozen=True)
class Stance:
    """The setup in numbers, measured on a reference body (see `render/figure/body.py`).

    Angles are in degrees, lengths in centimetres; a knee angle of 180 is a straight knee.
    """

    rear_heel_from_wall_cm: float
    rear_knee_angle_deg: float
    front_knee_angle_deg: float
    torso_lean_deg: float
    hand_height_cm: float

    @classmethod
    def field_names(cls) -> tuple[str, ...]:
        return tuple(f.name for f in fields(cls))

    def changed(self, change: StanceChange) -> Stance:
        """This stance with what a variation sets replaced."""
        return replace(self, **dict(change.items))


@dataclass(frozen=True)
class StanceChange:
    """What a variation changes in the record's stance: only the fields it sets, in file order."""

    items: tuple[tuple[str, float], ...]

    @property
    def names(self) -> frozenset[str]:
        return frozenset(name for name, _ in self.items)


@dataclass(frozen=True)
class Variation:
    id: str
    name: str
    emphasis: str
    muscles: tuple[str, ...]
    aliases: tuple[str, ...] = ()
    see: tuple[Reference, ...] = ()
    stance: StanceChange | None = None
    moved_from: tuple[str, ...] = ()

    @property
    def anchor(self) -> str:
        return f"variation-{self.id}"

    @property
    def alias_anchors(self) -> tuple[str, ...]:
        return tuple(f"variation-{alias}" for alias in self.aliases)


@dataclass(frozen=True)
class FaqEntry:
    id: str
    question: str
    answer: str
    aliases: tuple[str, ...] = ()
    see: tuple[Reference, ...] = ()
    moved_from: tuple[str, ...] = ()

    @property
    def anchor(self) -> str:
        return self.id

    @property
    def alias_anchors(self) -> tuple[str, ...]:
        """Old ids of the entry: links to them still land here."""
        return self.aliases


CREDIT_SECTIONS = ("summary", "description", "instructions", "variations", "tips", "faq")


@dataclass(frozen=True)
class Credit:
    """Where some of a record's text comes from: the work, its authors and its licence."""

    license: str
    """An SPDX licence id, such as `CC-BY-SA-4.0`."""
    title: str | None = None
    author: tuple[str, ...] = ()
    source: str | None = None
    sections: tuple[str, ...] = CREDIT_SECTIONS
    """The sections the credit covers: every one unless the record names some."""

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Credit:
        return cls(
            license=data["license"],
            title=data.get("title"),
            author=tuple(data.get("author", ())),
            source=data.get("source"),
            sections=tuple(data.get("sections", CREDIT_SECTIONS)),
        )


MEDIA_DIR = "media"
"""The folder of `content/` that holds each record's pictures and videos, one folder per slug."""
IMAGE_KINDS = ("photo", "line-art", "illustration")
VIDEO_KIND = "video"


@dataclass(frozen=True)
class Media:
    """A picture or a short video loop of a record: a file of `content/media/<slug>/`."""

    kind: str
    """`photo`, `line-art`, `illustration` (images) or `video`."""
    file: str
    """The file's path below the record's media folder."""
    alt: str | None
    """What it shows, for readers who cannot see it; None when the record gives none."""
    credits: tuple[Credit, ...]
    ai_generated: bool
    poster: str | None = None
    """A video's still image, below the same folder."""

    @property
    def is_video(self) -> bool:
        return self.kind == VIDEO_KIND

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Media:
        return cls(
            kind=data["kind"],
            file=data["file"],
            alt=data.get("alt"),
            credits=tuple(Credit.from_data(c) for c in data["credit"]),
            ai_generated=data["ai_generated"],
            poster=data.get("poster"),
        )


@dataclass(frozen=True)
class Waiver:
    """A finding an editor has read and keeps: its code, where (a field path as findings print
    it, such as `tips[5]`; None for anywhere in the record) and why."""

    code: str
    at: str | None
    reason: str

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Waiver:
        return cls(code=data["code"], at=data.get("at"), reason=data["reason"])


REQUIRED_SECTIONS = (
    "summary",
    "category",
    "level",
    "equipment",
    "muscles",
    "when_to_use",
    "description",
    "instructions",
    "tips",
    "faq",
)
"""What a published record must have beyond its name and slug (the schema's `else` branch);
a draft may lack any of it."""


@dataclass(frozen=True)
class Exercise:
    name: str
    slug: str
    aliases: tuple[str, ...]
    summary: str
    category: str
    level: str
    equipment: tuple[str, ...]
    primary_muscles: tuple[str, ...]
    secondary_muscles: tuple[str, ...]
    when_to_use: tuple[str, ...]
    description: tuple[str, ...]
    instructions: tuple[Step, ...]
    variations: tuple[Variation, ...]
    tips: tuple[str, ...]
    faq: tuple[FaqEntry, ...]
    source: SourceMap = field(compare=False, repr=False)
    other_names: tuple[str, ...] = ()
    stance: Stance | None = None
    draft: bool = False
    missing: tuple[str, ...] = ()
    """The required fields a draft lacks (`REQUIRED_SECTIONS`, in that order); a published
    record lacks none. A missing text field is empty in the model, a missing term ''."""
    related: tuple[str, ...] = ()
    credits: tuple[Credit, ...] = ()
    media: tuple[Media, ...] = ()
    """The record's pictures and videos, in file order (entry `i` is at `("media", i)`)."""
    waivers: tuple[Waiver, ...] = ()
    """The record's `waive` entries, in file order (entry `i` is at `("waive", i)`)."""

    def sections(self) -> tuple[str, ...]:
        """The heading ids of the sections this record's page must have, in page order."""
        return tuple(s for s in SECTION_IDS if s != "variations" or self.variations)

    def texts(self) -> Iterator[tuple[Path, str]]:
        """Every piece of prose the page shows, with its path in the record."""
        if "summary" not in self.missing:
            yield ("summary",), self.summary
        for index, paragraph in enumerate(self.description):
            yield ("description", index), paragraph
        for index, step in enumerate(self.instructions):
            yield ("instructions", index, "text"), step.text
        for index, variation in enumerate(self.variations):
            yield ("variations", index, "name"), variation.name
            yield ("variations", index, "emphasis"), variation.emphasis
        for index, tip in enumerate(self.tips):
            yield ("tips", index), tip
        for index, entry in enumerate(self.faq):
            yield ("faq", index, "question"), entry.question
            yield ("faq", index, "answer"), entry.answer

    def target(self, reference: Reference) -> Step | FaqEntry | Variation | None:
        """The step, FAQ entry or variation a reference points to, if the record has it."""
        lists: dict[str, tuple[Step | FaqEntry | Variation, ...]] = {
            "step": self.instructions,
            "faq": self.faq,
            "variation": self.variations,
        }
        items = lists.get(reference.kind, ())
        return next((item for item in items if item.id == reference.id), None)

    @property
    def url(self) -> str:
        """The page's path below the site root, with directory URLs."""
        return exercise_url(self.slug)

    @classmethod
    def from_data(cls, data: dict[str, Any], source: SourceMap) -> Exercise:
        # Only a draft may lack a field (the schema requires them of the others), so every
        # default below is what a draft's page shows for the part not yet written.
        muscles = data.get("muscles", {})
        return cls(
            name=data["name"],
            slug=data["slug"],
            aliases=tuple(data.get("aliases", ())),
            summary=data.get("summary", ""),
            category=data.get("category", ""),
            level=data.get("level", ""),
            equipment=tuple(data.get("equipment", ())),
            primary_muscles=tuple(muscles.get("primary", ())),
            secondary_muscles=tuple(muscles.get("secondary", ())),
            when_to_use=tuple(data.get("when_to_use", ())),
            description=tuple(data.get("description", ())),
            instructions=tuple(
                Step(s["id"], s["text"], tuple(s.get("aliases", ())), _moved_from(s))
                for s in data.get("instructions", ())
            ),
            variations=tuple(
                Variation(
                    v["id"],
                    v["name"],
                    v["emphasis"],
                    tuple(v["muscles"]),
                    tuple(v.get("aliases", ())),
                    _references(v),
                    StanceChange(tuple(v["stance"].items())) if "stance" in v else None,
                    _moved_from(v),
                )
                for v in data.get("variations", ())
            ),
            tips=tuple(data.get("tips", ())),
            faq=tuple(
                FaqEntry(
                    f["id"],
                    f["question"],
                    f["answer"],
                    tuple(f.get("aliases", ())),
                    _references(f),
                    _moved_from(f),
                )
                for f in data.get("faq", ())
            ),
            source=source,
            stance=Stance(**data["stance"]) if "stance" in data else None,
            other_names=tuple(data.get("other_names", ())),
            draft=data.get("draft", False),
            missing=tuple(name for name in REQUIRED_SECTIONS if name not in data),
            related=tuple(data.get("related", ())),
            credits=tuple(Credit.from_data(c) for c in data.get("credit", ())),
            media=tuple(Media.from_data(m) for m in data.get("media", ())),
            waivers=tuple(Waiver.from_data(w) for w in data.get("waive", ())),
        )
