"""The typed model of the content: exercises and the vocabulary they draw on. No I/O here.

Models are built only from data that passed the schema, so constructors trust their input.
Each model keeps the `SourceMap` of its file, so any later finding can point at a field's line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .yaml_source import SourceMap


@dataclass(frozen=True)
class Term:
    """One vocabulary entry: `id` is what records write, `name` what pages show."""

    id: str
    name: str
    aliases: tuple[str, ...] = ()


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
                key: Term(key, value["name"], tuple(value.get("aliases", ())))
                for key, value in data[kind].items()
            }

        return cls(**{kind: terms(kind) for kind in cls.KINDS}, source=source)


@dataclass(frozen=True)
class Step:
    id: str
    text: str

    @property
    def anchor(self) -> str:
        return f"step-{self.id}"


@dataclass(frozen=True)
class Variation:
    id: str
    name: str
    emphasis: str
    muscles: tuple[str, ...]

    @property
    def anchor(self) -> str:
        return f"variation-{self.id}"


@dataclass(frozen=True)
class FaqEntry:
    id: str
    question: str
    answer: str

    @property
    def anchor(self) -> str:
        return self.id


@dataclass(frozen=True)
class Exercise:
    name: str
    slug: str
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

    @property
    def url(self) -> str:
        """The page's path below the site root, with directory URLs."""
        return f"exercises/{self.slug}/"

    @classmethod
    def from_data(cls, data: dict[str, Any], source: SourceMap) -> Exercise:
        muscles = data["muscles"]
        return cls(
            name=data["name"],
            slug=data["slug"],
            summary=data["summary"],
            category=data["category"],
            level=data["level"],
            equipment=tuple(data["equipment"]),
            primary_muscles=tuple(muscles["primary"]),
            secondary_muscles=tuple(muscles.get("secondary", ())),
            when_to_use=tuple(data["when_to_use"]),
            description=tuple(data["description"]),
            instructions=tuple(Step(s["id"], s["text"]) for s in data["instructions"]),
            variations=tuple(
                Variation(v["id"], v["name"], v["emphasis"], tuple(v["muscles"]))
                for v in data.get("variations", ())
            ),
            tips=tuple(data["tips"]),
            faq=tuple(FaqEntry(f["id"], f["question"], f["answer"]) for f in data["faq"]),
            source=source,
            other_names=tuple(data.get("other_names", ())),
        )
