"""Reads the Heel Press seed text into its parts, so tests can hold the page to every sentence."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

SEED = Path(__file__).resolve().parent / "fixtures" / "heel-press.seed.txt"


@dataclass(frozen=True)
class Seed:
    name: str
    description: list[str]
    instructions: list[str]
    tips: list[str]
    faq: list[tuple[str, str]]

    def sentences(self) -> list[str]:
        texts = [*self.description, *self.instructions, *self.tips]
        for question, answer in self.faq:
            texts += [question, answer]
        return [s for text in texts for s in re.split(r"(?<=[.?!])\s+", text) if s]


def read_seed(path: Path = SEED) -> Seed:
    lines = path.read_text(encoding="utf-8").splitlines()
    steps, tips, faq = (
        lines.index("Instructions"),
        lines.index("Tips & Tricks"),
        lines.index("Frequently Asked Questions"),
    )
    qa = [line for line in lines[faq + 1 :] if line.strip()]
    return Seed(
        name=lines[0],
        description=lines[1:steps],
        instructions=[line.removeprefix("- ") for line in lines[steps + 1 : tips]],
        tips=[line.removeprefix("- ") for line in lines[tips + 1 : faq]],
        faq=list(zip(qa[0::2], qa[1::2], strict=True)),
    )
