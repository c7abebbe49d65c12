"""N exercise records drawn from the public-domain free-exercise-db corpus, passing every check.

The corpus gives real names (punctuation, fractions, near-duplicates), muscles, equipment and
instructions; this module maps them onto our vocabulary and writes the description, tips and FAQ
the corpus lacks. Past the corpus' size, records are varied (`Paused Barbell Squat`, then
`Barbell Squat (variation 12)`). The text is written to satisfy the record checks, never the other
way round: every declared muscle, piece of equipment, use and the category is named in the prose,
and any vocabulary muscle or equipment the corpus' own instructions name is declared.

Nothing here is published: the generated records live in temporary folders only.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import zlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from build_tools.checks.prose import name_spans

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "tests" / "fixtures" / "free-exercise-db" / "sample.json"
CORPUS_ENV = "FREE_EXERCISE_DB"
CORPUS_PARTS = ("shared", "data", "free-exercise-db", "exercises.json")
MODELINE = "# yaml-language-server: $schema=../build_tools/schemas/exercise.schema.json\n"

# Corpus term → our vocabulary ids. "calves" names two muscles; "chest" and "shoulders" map to the
# muscles' own names so that "chest height" or "shoulder width" in prose never reads as a muscle.
MUSCLES: dict[str, tuple[str, ...]] = {
    "abdominals": ("abdominals",),
    "abductors": ("hip-abductors",),
    "adductors": ("adductors",),
    "biceps": ("biceps",),
    "calves": ("gastrocnemius", "soleus"),
    "chest": ("pectorals",),
    "forearms": ("forearms",),
    "glutes": ("glutes",),
    "hamstrings": ("hamstrings",),
    "lats": ("lats",),
    "lower back": ("lower-back",),
    "middle back": ("middle-back",),
    "neck": ("neck-muscles",),
    "quadriceps": ("quadriceps",),
    "shoulders": ("deltoids",),
    "traps": ("trapezius",),
    "triceps": ("triceps",),
}
EQUIPMENT: dict[str | None, str] = {
    None: "body-weight",
    "body only": "body-weight",
    "bands": "resistance-band",
    "barbell": "barbell",
    "cable": "cable",
    "dumbbell": "dumbbell",
    "e-z curl bar": "ez-curl-bar",
    "exercise ball": "exercise-ball",
    "foam roll": "foam-roller",
    "kettlebells": "kettlebell",
    "machine": "machine",
    "medicine ball": "medicine-ball",
    "other": "other-equipment",
}
CATEGORIES = {
    "cardio": "cardio",
    "olympic weightlifting": "olympic-weightlifting",
    "plyometrics": "plyometrics",
    "powerlifting": "powerlifting",
    "strength": "strength",
    "stretching": "stretch",
    "strongman": "strongman",
}
USES = {
    "cardio": ("conditioning", "warm-up"),
    "olympic-weightlifting": ("power-work",),
    "plyometrics": ("power-work", "warm-up"),
    "powerlifting": ("strength-work",),
    "strength": ("strength-work",),
    "stretch": ("warm-up", "cooldown", "mobility-work"),
    "strongman": ("strength-work", "conditioning"),
}
# How each use reads in a sentence; each phrase is the use's name or one of its aliases.
USE_PHRASES = {
    "conditioning": "conditioning",
    "cooldown": "cooldowns",
    "mobility-work": "mobility work",
    "power-work": "power work",
    "strength-work": "strength work",
    "warm-up": "warm-ups",
    "between-sets": "between sets",
}
MODIFIERS = (
    "Paused",
    "Tempo",
    "Slow-Lowering",
    "Isometric",
    "Partial-Range",
    "Single-Side",
    "High-Rep",
    "Deficit",
    "Alternating",
    "Pulse",
    "Wide-Stance",
    "Narrow-Stance",
)


def find_corpus() -> Path | None:
    """The full corpus: `$FREE_EXERCISE_DB`, else `shared/data/...` in a folder above ours."""
    if os.environ.get(CORPUS_ENV):
        return Path(os.environ[CORPUS_ENV])
    for parent in ROOT.parents:
        candidate = parent.joinpath(*CORPUS_PARTS)
        if candidate.is_file():
            return candidate
    return None


def load_corpus(path: Path | None = None) -> list[dict[str, Any]]:
    """The corpus' exercises (the committed sample when no path is given)."""
    return json.loads((path or SAMPLE).read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Vocab:
    """What the generator needs of `terms.yaml`: display names and a matcher per kind."""

    terms: Mapping[str, Mapping[str, Mapping[str, Any]]]

    @classmethod
    def read(cls, path: Path) -> Vocab:
        return cls(yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader))

    def phrase(self, kind: str, term: str) -> str:
        """How a term reads mid-sentence: its first alias, else its name in lower case."""
        entry = self.terms[kind][term]
        aliases = entry.get("aliases") or []
        return aliases[0] if aliases else entry["name"].lower()

    def mentioned(self, kind: str, text: str) -> list[str]:
        """Ids of the terms of `kind` that `text` names, whole-word and case-insensitively."""
        return [term for term, pattern in _patterns(self, kind) if pattern.search(text)]


_PATTERN_CACHE: dict[tuple[int, str], list[tuple[str, re.Pattern[str]]]] = {}


def _patterns(vocab: Vocab, kind: str) -> list[tuple[str, re.Pattern[str]]]:
    key = (id(vocab.terms), kind)
    if key not in _PATTERN_CACHE:
        found = []
        for term, entry in vocab.terms[kind].items():
            words = [entry["name"], *(entry.get("aliases") or [])]
            alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
            found.append((term, re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)))
        _PATTERN_CACHE[key] = found
    return _PATTERN_CACHE[key]


def slugify(text: str) -> str:
    text = text.replace("'", "").replace("’", "").lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


_SENTENCE_END = re.compile(r"(?<=[.?!])\s+")


def sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE_END.split(text) if s]


def _clean_sentence(sentence: str) -> str:
    """One corpus sentence tidied: stray markup and numbering gone, a capital, a full stop."""
    sentence = re.sub(r"\s*\b[a-z]+>\s*$", "", sentence)  # a stray `li>` left by the corpus' HTML
    sentence = re.sub(r"^\W*\d+\.\s*", "", sentence)  # "6. Repeat ..." numbered by hand
    sentence = sentence.strip().lstrip(".,;:)( ").rstrip(" (")
    if sentence.startswith("(") or (sentence.endswith(")") and sentence.count("(") == 0):
        sentence = sentence.strip("()")
    if sentence.endswith(("(", ":")):
        sentence = sentence.rstrip("(:").rstrip()
    if sentence.startswith('"'):  # '"breathe" into your back.': the quotes go, the word stays
        sentence = sentence[1:].replace('"', "", 1)
    if not sentence or not re.search(r"[A-Za-z]", sentence):
        return ""
    sentence = sentence[0].upper() + sentence[1:]
    if not sentence.endswith((".", "!", "?")):
        sentence = sentence.rstrip(")") + ("." if not sentence.endswith(")") else ").")
        if sentence.count("(") < sentence.count(")"):
            sentence = sentence[:-2] + "."
    return sentence


def _steps(instructions: Sequence[str], seen: set[str]) -> list[str]:
    steps = []
    for raw in instructions:
        text = " ".join(raw.split())
        kept = []
        for sentence in sentences(text):
            cleaned = _clean_sentence(sentence)
            if cleaned and cleaned.casefold() not in seen:
                seen.add(cleaned.casefold())
                kept.append(cleaned)
        if kept:
            steps.append(" ".join(kept))
    return steps


def _step_ids(steps: Sequence[str]) -> list[str]:
    """Stable ids from each step's first words, made unique within the record."""
    ids: list[str] = []
    for step in steps:
        words = slugify(step).split("-")[:4]
        base = "-".join(words)[:40].strip("-") or "step"
        candidate, n = base, 2
        while candidate in ids:
            candidate, n = f"{base}-{n}", n + 1
        ids.append(candidate)
    return ids


def _join(words: Sequence[str]) -> str:
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


def _article(phrase: str) -> str:
    return ("an " if phrase[:1].lower() in "aeiou" else "a ") + phrase


def _pick(options: Sequence[str], seed: int, salt: int = 0) -> str:
    return options[(seed + salt * 7919) % len(options)]


@dataclass(frozen=True)
class Base:
    """One corpus exercise mapped onto our vocabulary (before its prose is written)."""

    name: str
    other_names: tuple[str, ...]
    category: str
    level: str
    equipment: tuple[str, ...]
    primary: tuple[str, ...]
    secondary: tuple[str, ...]
    force: str | None
    mechanic: str | None
    instructions: tuple[str, ...]


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def map_exercise(raw: Mapping[str, Any]) -> Base:
    primary = _unique(m for name in raw["primaryMuscles"] for m in MUSCLES[name])
    secondary = _unique(
        m for name in raw["secondaryMuscles"] for m in MUSCLES[name] if m not in primary
    )
    # A title-case parenthesis is usually the exercise's other name: "Hyperextensions (Back
    # Extensions)". Readers search by it.
    other = tuple(
        part
        for part in re.findall(r"\(([^)]+)\)", raw["name"])
        if all(w[:1].isupper() for w in part.split())
    )
    return Base(
        name=" ".join(raw["name"].split()),
        other_names=other,
        category=CATEGORIES[raw["category"]],
        level=raw["level"],
        equipment=(EQUIPMENT[raw.get("equipment")],),
        primary=primary,
        secondary=secondary,
        force=raw.get("force"),
        mechanic=raw.get("mechanic"),
        instructions=tuple(raw["instructions"]),
    )


def varied_name(name: str, round_: int) -> str:
    """Round 0 is the corpus name; later rounds prefix a modifier, then add a counter."""
    if round_ == 0:
        return name
    modifier = MODIFIERS[(round_ - 1) % len(MODIFIERS)]
    if round_ <= len(MODIFIERS):
        return f"{modifier} {name}"
    return f"{modifier} {name} (variation {round_})"


def generate(n: int, corpus: Sequence[Mapping[str, Any]], vocab: Vocab) -> Iterator[dict[str, Any]]:
    """`n` records, in corpus order, each a dict ready to be written as YAML."""
    bases = [map_exercise(raw) for raw in corpus]
    slugs: set[str] = set()
    for index in range(n):
        base = bases[index % len(bases)]
        name = varied_name(base.name, index // len(bases))
        slug = slugify(name)
        candidate, k = slug, 2
        while candidate in slugs:
            candidate, k = f"{slug}-{k}", k + 1
        slugs.add(candidate)
        yield record(base, name, candidate, vocab)


def _name_as_written(text: str, name: str) -> str:
    """The corpus' text with the name in the record's form: its steps sometimes join or hyphenate
    the words of the name ("stepmill" for Step Mill), which the name check rightly flags."""
    if len(name.split()) < 2:
        return text
    written, done = [], 0
    for start, end in name_spans(text, name):
        # The case of the first letter follows the sentence.
        written += [text[done:start], name if text[start].isupper() else name.lower()]
        done = end
    return "".join([*written, text[done:]])


def record(base: Base, name: str, slug: str, vocab: Vocab) -> dict[str, Any]:
    """One record: the corpus' steps, and prose naming every declared term."""
    seed = zlib.crc32(slug.encode())
    seen: set[str] = set()
    steps = [_name_as_written(step, name) for step in _steps(base.instructions, seen)] or [
        f"Set up for {name} as the equipment requires, then move slowly and with control."
    ]
    seen.update(s.casefold() for step in steps for s in sentences(step))
    # Whatever the name and the steps name is declared: a muscle as secondary, equipment as needed.
    said = " ".join([name, *base.other_names, *steps])
    primary = base.primary
    secondary = _unique(
        [*base.secondary, *(m for m in vocab.mentioned("muscles", said) if m not in primary)]
    )
    equipment = _unique([*base.equipment, *vocab.mentioned("equipment", said)])
    if len(equipment) > 1 and "other-equipment" in equipment:
        equipment = tuple(e for e in equipment if e != "other-equipment")
    uses = USES[base.category]
    words = _Words(vocab, base, name, primary, secondary, equipment, uses, seed)
    data: dict[str, Any] = {
        "name": name,
        "slug": slug,
        "summary": words.summary(),
        "category": base.category,
        "level": base.level,
        "equipment": list(equipment),
        "muscles": {"primary": list(primary)},
        "when_to_use": list(uses),
        "description": words.description(),
        "instructions": [
            {"id": step_id, "text": text}
            for step_id, text in zip(_step_ids(steps), steps, strict=True)
        ],
        "tips": words.tips(seen),
        "faq": words.faq(seen),
    }
    if base.other_names:
        data = {"name": name, "other_names": list(base.other_names), **data}
    if secondary:
        data["muscles"]["secondary"] = list(secondary)
    return data


@dataclass(frozen=True)
class _Words:
    vocab: Vocab
    base: Base
    name: str
    primary: tuple[str, ...]
    secondary: tuple[str, ...]
    equipment: tuple[str, ...]
    uses: tuple[str, ...]
    seed: int

    def _muscles(self, ids: Sequence[str]) -> str:
        return _join([self.vocab.phrase("muscles", m) for m in ids])

    def _gear(self) -> str:
        tools = [self.vocab.phrase("equipment", e) for e in self.equipment if e != "body-weight"]
        if not tools:
            return "nothing but your body weight"
        phrase = _join([_article(t) if t != "other equipment" else t for t in tools])
        return phrase + (" and your body weight" if "body-weight" in self.equipment else "")

    def _category(self) -> str:
        return self.vocab.phrase("categories", self.base.category)

    def summary(self) -> str:
        level = self.base.level
        muscles = self._muscles(self.primary[:2])
        text = f"{_article(level)} {self._category()} exercise for the {muscles}."
        return text[0].upper() + text[1:]

    def description(self) -> list[str]:
        first = f"{self.name} is {_article(self.base.level)} {self._category()} exercise"
        first += f" that mainly loads the {self._muscles(self.primary)}."
        if self.secondary:
            verb = "help" if len(self.secondary) > 1 else "helps"
            first += f" The {self._muscles(self.secondary)} {verb} along the way."
        shape = {
            "compound": "It is a compound movement, so several joints share the work.",
            "isolation": "It is an isolation movement that keeps one joint doing the work.",
        }.get(self.base.mechanic or "", "It asks for steady positions more than big loads.")
        pattern = {
            "push": "The effort comes from pushing away from the body.",
            "pull": "The effort comes from pulling toward the body.",
            "static": "Most of the work is holding a position still.",
        }.get(self.base.force or "", "")
        gear = f"You need {self._gear()} to do it."
        uses = _join([USE_PHRASES[u] for u in self.uses])
        fit = _pick(
            (
                f"It fits well in {uses}.",
                f"Coaches place it in {uses}.",
                f"Most people use it in {uses}.",
            ),
            self.seed,
        )
        return [first, " ".join(p for p in (shape, pattern, gear) if p), fit]

    def tips(self, seen: set[str]) -> list[str]:
        pool = [
            "Move through the range you can control and end the set before your form slips.",
            "Breathe out through the hardest part of each repetition and in as you return.",
            "Film one set from the side now and then to check your positions.",
        ]
        if self.base.category == "stretch":
            pool += [
                "Hold each position for 20 to 30 seconds and breathe slowly.",
                "Ease into the end range instead of bouncing into it.",
            ]
        elif self.base.category in {"plyometrics", "cardio"}:
            pool += [
                "Land softly and quietly, then reset before the next effort.",
                "Stop the set when your rhythm or landing quality drops.",
            ]
        else:
            pool += [
                "Start each session with one lighter set to rehearse the movement.",
                "Add load only when every repetition of the last session looked the same.",
            ]
        if "body-weight" not in self.equipment:
            pool.append("Check the setup of your equipment before every set, not only the first.")
        tips = [t for t in pool if t.casefold() not in seen]
        seen.update(t.casefold() for t in tips)
        return tips

    def faq(self, seen: set[str]) -> list[dict[str, str]]:
        level_answer = {
            "beginner": "It suits beginners who learn the steps with a light effort first.",
            "intermediate": "It suits people with a few months of regular training behind them.",
            "expert": "It is best left until you have solid technique in simpler exercises.",
        }[self.base.level]
        dose = {
            "stretch": "Two or three holds of 20 to 30 seconds per side work for most people.",
            "cardio": "Start with 10 to 20 minutes at a pace you could talk through.",
            "plyometrics": "Three to five sets of a few quality repetitions are plenty.",
        }.get(
            self.base.category,
            "Three sets of 6 to 12 repetitions with a short rest suit most goals.",
        )
        entries = [
            (
                "muscles-worked",
                f"What muscles does {self.name} work?",
                f"The {self._muscles(self.primary)} do most of the work"
                + (
                    f", with support from the {self._muscles(self.secondary)}."
                    if self.secondary
                    else "."
                ),
            ),
            ("equipment-needed", f"What do I need for {self.name}?", f"Bring {self._gear()}."),
            ("beginners", f"Is {self.name} suitable for beginners?", level_answer),
            ("sets-and-reps", f"How many sets of {self.name} should I do?", dose),
            (
                "common-mistake",
                f"What is the most common mistake with {self.name}?",
                "Rushing the repetitions, which trades control for momentum.",
            ),
            (
                "make-it-easier",
                f"How can I make {self.name} easier?",
                "Shorten the range of motion or reduce the load until every repetition is clean.",
            ),
        ]
        faq = []
        for entry_id, question, answer in entries:
            if answer.casefold() in seen or question.casefold() in seen:
                continue
            seen.update((answer.casefold(), question.casefold()))
            faq.append({"id": entry_id, "question": question, "answer": answer})
        return faq


def dump(data: Mapping[str, Any]) -> str:
    body = yaml.dump(
        dict(data),
        Dumper=yaml.CSafeDumper,
        sort_keys=False,
        allow_unicode=True,
        width=100,
        default_flow_style=False,
    )
    return MODELINE + body


def project_frame(dest: Path, source: Path = ROOT) -> Path:
    """A project at `dest` with the templates, pages and configuration of `source` and no
    records yet: its content folder (with an empty vocabulary folder)."""
    for name in ("templates", "docs"):
        shutil.copytree(source / name, dest / name, dirs_exist_ok=True)
    shutil.copy(source / "mkdocs.yml", dest / "mkdocs.yml")
    content = dest / "content"
    (content / "vocabulary").mkdir(parents=True, exist_ok=True)
    return content


def write_project(
    dest: Path, n: int, corpus: Sequence[Mapping[str, Any]] | None = None, *, source: Path = ROOT
) -> Path:
    """A copy of the project at `dest` whose content is `n` generated records (no Heel Press)."""
    content = project_frame(dest, source)
    terms = source / "content" / "vocabulary" / "terms.yaml"
    shutil.copy(terms, content / "vocabulary" / "terms.yaml")
    vocab = Vocab.read(terms)
    for data in generate(n, corpus if corpus is not None else load_corpus(), vocab):
        (content / f"{data['slug']}.yaml").write_text(dump(data), encoding="utf-8")
    return dest
