"""wger (https://wger.de): its exercises as the REST API serves them, the paginated JSON of
`/api/v2/exerciseinfo/` (`{"count", "next", "previous", "results": [...]}`), one page in a file
or a folder of pages. The shape is `ExerciseInfoSerializer` of `wger/exercises/api/serializers.py`.

Each exercise holds its translations in every language; the import takes one (`--language`, a
code such as `en` or wger's language id). The translation's description is HTML: its paragraphs
become the record's description and its lists stay lists. A description whose only numbered
list is a list of plain steps gives those steps as the record's instructions instead, as they
are the steps. The summary is the description's first sentence, verbatim, where it has one. The
translation's notes are hints on form, and become tips. Text is credited to the translation's
authors under its licence. Variation groups become `related` links. Images and videos carry
licences of their own and are not imported; the summary counts them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..diagnostics import Location
from ..render.markup import plain
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
from .text import convert, first_sentence, literal

NAME = "wger"
SUMMARY_LIMIT = 200

# wger's `core/fixtures/languages.json`: short name → id.
LANGUAGES = {
    "de": 1, "en": 2, "bg": 3, "es": 4, "ru": 5, "nl": 6, "pt": 7, "el": 8, "cs": 9, "sv": 10,
    "no": 11, "fr": 12, "it": 13, "pl": 14, "uk": 15, "tr": 16, "ar": 17, "az": 18, "eo": 19,
    "fa": 20, "he": 21, "hr": 22, "id": 23, "zh": 24, "sk": 25, "sl": 26, "ko": 27, "th": 28,
    "sr": 29, "ta": 30, "ro": 31, "ca": 32, "fi": 33,
}  # fmt: skip

# wger's `core/fixtures/licenses.json` as SPDX ids, by id and by short name.
LICENSES = {1: "CC-BY-SA-3.0", 2: "CC-BY-SA-4.0", 3: "CC0-1.0", 4: "CC-BY-4.0", 5: "ODbL-1.0"}
LICENSE_NAMES = {
    "cc-by-sa 3": "CC-BY-SA-3.0",
    "cc-by-sa 4": "CC-BY-SA-4.0",
    "cc0": "CC0-1.0",
    "cc-by 4": "CC-BY-4.0",
    "odbl": "ODbL-1.0",
}

# Its names our matching would get wrong or miss: muscles under their Latin names with an
# English one that is no alias of ours ("Chest", "Shoulders", "Calves"), equipment named by
# what it is not.
TABLES: dict[str, dict[str, tuple[str, ...]]] = {
    "muscles": {
        "anterior deltoid": ("deltoids",),
        "pectoralis major": ("pectorals",),
        "rectus abdominis": ("abdominals",),
        "gastrocnemius": ("gastrocnemius",),
        "gluteus maximus": ("glutes",),
        "quadriceps femoris": ("quadriceps",),
        "biceps femoris": ("hamstrings",),
        "biceps brachii": ("biceps",),
        "triceps brachii": ("triceps",),
        "erector spinae": ("lower-back",),
    },
    "equipment": {
        "none (bodyweight exercise)": ("body-weight",),
        "sz-bar": ("ez-curl-bar",),
    },
    "categories": {},
}


def language_id(language: str) -> int | None:
    """wger's id of a language given by code (`en`) or by id (`2`)."""
    if language.isdigit():
        return int(language)
    return LANGUAGES.get(language.lower())


def read(
    path: Path, shown: str, language: int, code: str = ""
) -> tuple[list[SourceExercise], list[Problem], list[str]]:
    """The exercises, the bad input, and why some exercises were left out."""
    exercises: list[SourceExercise] = []
    problems: list[Problem] = []
    left_out: list[str] = []
    files = json_files(path)
    if not files:
        return [], [Problem(Location(shown), "no *.json file in the folder")], []
    for file in files:
        name = shown if file == path else f"{shown.rstrip('/')}/{file.name}"
        parsed = read_json(file, name)
        if isinstance(parsed, Problem):
            problems.append(parsed)
            continue
        data, text = parsed
        try:
            results = _results(data)
        except BadInput as error:
            problems.append(Problem(locate(text, name, error.at), error.message))
            continue
        for at, item in results:
            try:
                exercise = _exercise(item, at, language, Location(name), code or str(language))
            except BadInput as error:
                problems.append(
                    Problem(locate(text, name, error.at), f"{path_text(error.at)}: {error.message}")
                )
                continue
            if isinstance(exercise, str):
                left_out.append(f"{name} {path_text(at)}: {exercise}")
            else:
                exercises.append(exercise)
    return exercises, problems, left_out


def _results(data: Any) -> list[tuple[JsonPath, Any]]:
    if isinstance(data, list):  # the results of a page, saved on their own
        return [((i,), item) for i, item in enumerate(data)]
    if not isinstance(data, dict) or "results" not in data:
        raise BadInput((), "expected a page of /api/v2/exerciseinfo/: an object with 'results'")
    return list(Reader.items(data["results"], ("results",)))


def _exercise(
    item: Any, at: JsonPath, language: int, where: Location, code: str
) -> SourceExercise | str:
    data = Reader.mapping(item, at)
    raw_id = data.get("id")
    if not isinstance(raw_id, int | str) or isinstance(raw_id, bool) or str(raw_id) == "":
        raise BadInput(at, "missing field 'id'")
    exercise_id = str(raw_id)
    translations = list(Reader.items(data.get("translations"), (*at, "translations")))
    chosen = None
    for t_at, translation in translations:
        mapping = Reader.mapping(translation, t_at)
        if _language(mapping.get("language")) == language:
            chosen = (t_at, mapping)
            break
    if chosen is None:
        return f"exercise {exercise_id} has no translation in '{code}'"
    t_at, translation = chosen
    name = Reader.text(translation, "name", t_at)
    assert name is not None
    name = " ".join(name.split())
    if not name:
        raise BadInput((*t_at, "name"), "'name' is empty")
    license_id = _license(translation.get("license"), data.get("license"))
    if license_id is None:
        return f"exercise {exercise_id} ({name}): its text's licence is not one wger lists"
    converted = convert(Reader.text(translation, "description", t_at, required=False) or "")
    description = list(converted.blocks)
    instructions: list[str] = []
    numbered = [entry for entry in converted.lists if entry[1]]
    if len(numbered) == 1 and numbered[0][2]:
        index, _, steps = numbered[0]
        instructions = steps
        del description[index]
        if index and _is_label(description[index - 1]):
            # "Steps:" introduced the list that is now the Instructions section, under its own
            # heading: left behind, it would head nothing.
            del description[index - 1]
    credit: dict[str, Any] = {"license": license_id, "title": name}
    title = Reader.text(translation, "license_title", t_at, required=False)
    if title and title.strip():
        credit["title"] = " ".join(title.split())
    authors = [a.strip() for a in translation.get("author_history") or [] if isinstance(a, str)]
    author = Reader.text(translation, "license_author", t_at, required=False)
    if not any(authors) and author and author.strip():
        authors = [author.strip()]
    authors = list(dict.fromkeys(a for a in authors if a))
    if authors:
        credit["author"] = authors
    url = Reader.text(translation, "license_object_url", t_at, required=False)
    credit["source"] = (
        url.strip()
        if url and url.strip().startswith("https://") and " " not in url.strip()
        else f"https://wger.de/en/exercise/{exercise_id}/view/"
    )
    aliases = []
    for a_at, alias in Reader.items(translation.get("aliases") or [], (*t_at, "aliases")):
        text = Reader.text(Reader.mapping(alias, a_at), "alias", a_at)
        if text and " ".join(text.split()) and " ".join(text.split()) != name:
            aliases.append(" ".join(text.split()))
    tips = []
    for n_at, note in Reader.items(translation.get("notes") or [], (*t_at, "notes")):
        comment = Reader.text(Reader.mapping(note, n_at), "comment", n_at)
        if comment and literal(comment):
            tips.append(literal(comment))
    group = data.get("variation_group", data.get("variations"))
    images = data.get("images") or []
    videos = data.get("videos") or []
    media = {"images": len(images) if isinstance(images, list) else 0}
    media["videos"] = len(videos) if isinstance(videos, list) else 0
    media["images in descriptions"] = converted.media
    summary_source = description[0] if description and not _is_list(description[0]) else ""
    return SourceExercise(
        source=NAME,
        id=exercise_id,
        name=name,
        location=where,
        other_names=list(dict.fromkeys(aliases)),
        category=_term(data.get("category"), (*at, "category"), ("name",)),
        equipment=_terms(data.get("equipment"), (*at, "equipment"), ("name",)),
        primary=_terms(data.get("muscles"), (*at, "muscles"), ("name_en", "name")),
        secondary=_terms(
            data.get("muscles_secondary"), (*at, "muscles_secondary"), ("name_en", "name")
        ),
        description=description,
        instructions=instructions,
        tips=list(dict.fromkeys(tips)),
        credit=credit,
        group=str(group) if group not in (None, "") else None,
        media={k: v for k, v in media.items() if v},
        summary=first_sentence(summary_source, SUMMARY_LIMIT) or "",
    )


def _is_list(block: str) -> bool:
    first = block.split(" ", 1)[0]
    return first == "-" or (first.endswith(".") and first[:-1].isdigit())


def _language(value: Any) -> int | None:
    if isinstance(value, dict):
        value = value.get("id")
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str):
        return language_id(value)
    return None


def _license(value: Any, fallback: Any) -> str | None:
    for candidate in (value, fallback):
        if isinstance(candidate, dict):
            short = str(candidate.get("short_name") or "").strip().casefold()
            if short in LICENSE_NAMES:
                return LICENSE_NAMES[short]
            candidate = candidate.get("id")
        if isinstance(candidate, int) and candidate in LICENSES:
            return LICENSES[candidate]
    return None


def _term(value: Any, at: JsonPath, names: tuple[str, ...]) -> SourceTerm | None:
    if value is None:
        return None
    if isinstance(value, int | str) and not isinstance(value, bool):
        raise BadInput(at, "expected the object of /api/v2/exerciseinfo/, got an id alone")
    data = Reader.mapping(value, at)
    found = [" ".join(str(data[n]).split()) for n in names if isinstance(data.get(n), str)]
    found = [n for n in found if n]
    if not found:
        raise BadInput(at, f"missing field '{names[-1]}'")
    return SourceTerm(str(data.get("id", found[-1])), tuple(dict.fromkeys(found)))


def _terms(value: Any, at: JsonPath, names: tuple[str, ...]) -> list[SourceTerm]:
    terms = []
    for item_at, item in Reader.items(value if value is not None else [], at):
        term = _term(item, item_at, names)
        if term is not None:
            terms.append(term)
    return terms


def _is_label(block: str) -> bool:
    """A short paragraph that only introduces what follows it: `Steps:`, `How to do it:`."""
    shown = plain(block)
    return shown.endswith(":") and len(shown.split()) <= 4 and "\n" not in shown
