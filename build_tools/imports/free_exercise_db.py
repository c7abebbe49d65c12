"""free-exercise-db (https://github.com/yuhonas/free-exercise-db): one JSON array of exercises
(its `dist/exercises.json`), or a folder of one JSON object per exercise (its `exercises/`).

Each has a name, level, equipment, category, primary and secondary muscles and a list of steps;
none has a description, tips or an FAQ, so every record is a draft. The text is in the public
domain (the Unlicense). Its images are never imported: their origin is undocumented upstream.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..diagnostics import Location
from .source import (
    BadInput,
    JsonPath,
    Problem,
    Reader,
    SourceExercise,
    SourceTerm,
    json_files,
    locate,
    path_text,
    read_json,
)
from .text import literal

NAME = "free-exercise-db"
SOURCE_URL = "https://github.com/yuhonas/free-exercise-db"
LICENSE = "Unlicense"
MEDIA_NOTE = "their licence is unknown (free-exercise-db's images were scraped)"

# Its names our matching would get wrong: "calves" are two muscles; "chest", "shoulders" and
# "neck" are no aliases of ours (prose says "chest height"); "other" is not a kind of equipment.
TABLES: dict[str, dict[str, tuple[str, ...]]] = {
    "muscles": {
        "calves": ("gastrocnemius", "soleus"),
        "chest": ("pectorals",),
        "shoulders": ("deltoids",),
        "neck": ("neck-muscles",),
    },
    "equipment": {
        "body only": ("body-weight",),
        "bands": ("resistance-band",),
        "other": ("other-equipment",),
    },
    "categories": {"stretching": ("stretch",)},
}

LEVELS = ("beginner", "intermediate", "expert")


def read(path: Path, shown: str) -> tuple[list[SourceExercise], list[Problem]]:
    exercises: list[SourceExercise] = []
    problems: list[Problem] = []
    files = json_files(path)
    if not files:
        return [], [Problem(Location(shown), "no *.json file in the folder")]
    for file in files:
        name = shown if file == path else f"{shown.rstrip('/')}/{file.name}"
        parsed = read_json(file, name)
        if isinstance(parsed, Problem):
            problems.append(parsed)
            continue
        data, text = parsed
        items: list[tuple[JsonPath, Any]]
        if isinstance(data, list):
            items = [((i,), item) for i, item in enumerate(data)]
        elif isinstance(data, dict):
            items = [((), data)]
        else:
            problems.append(Problem(Location(name), "expected a list of exercises or one exercise"))
            continue
        for at, item in items:
            try:
                exercises.append(_exercise(item, at, Location(name)))
            except BadInput as error:
                where = path_text(error.at)
                message = f"{where}: {error.message}" if where else error.message
                problems.append(Problem(locate(text, name, error.at), message))
    return exercises, problems


def _exercise(item: Any, at: JsonPath, where: Location) -> SourceExercise:
    data = Reader.mapping(item, at)
    exercise_id = Reader.text(data, "id", at)
    name = Reader.text(data, "name", at)
    assert exercise_id is not None
    assert name is not None
    if not name.strip():
        raise BadInput((*at, "name"), "'name' is empty")
    if not exercise_id.strip():
        raise BadInput((*at, "id"), "'id' is empty")
    level = Reader.text(data, "level", at, required=False)
    if level is not None and level not in LEVELS:
        raise BadInput((*at, "level"), f"'level' should be one of {', '.join(LEVELS)}")
    equipment = Reader.text(data, "equipment", at, required=False)
    category = Reader.text(data, "category", at, required=False)
    images = data.get("images") or []
    if not isinstance(images, list):
        raise BadInput((*at, "images"), "'images' should be a list")
    traits = {}
    for trait in ("force", "mechanic"):
        value = Reader.text(data, trait, at, required=False)
        if value:
            traits[trait] = value
    steps = [literal(s) for s in Reader.texts(data, "instructions", at)]
    return SourceExercise(
        source=NAME,
        id=exercise_id,
        name=" ".join(name.split()),
        location=where,
        category=SourceTerm(category, (category,)) if category else None,
        level=level,
        # No equipment given is how the corpus marks exercises that need none.
        equipment=[SourceTerm(equipment or "body only", (equipment or "body only",))],
        primary=[SourceTerm(m, (m,)) for m in Reader.texts(data, "primaryMuscles", at)],
        secondary=[SourceTerm(m, (m,)) for m in Reader.texts(data, "secondaryMuscles", at)],
        instructions=[s for s in steps if s],
        credit={"license": LICENSE, "title": " ".join(name.split()), "source": SOURCE_URL},
        media={"images": len(images)} if images else {},
        traits=traits,
    )
