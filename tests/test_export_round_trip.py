"""Exporting the published records in free-exercise-db's and wger's shapes and importing the
export again (`python -m build_tools export`, then `import` into a new project) gives back the
records, field by field as far as each shape carries them (`build_tools/site/export.py` says
what neither can carry), on Heel Press and on records generated from the free-exercise-db sample.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from build_tools.model import Exercise
from build_tools.render.markup import plain
from build_tools.site import export
from build_tools.source.load import load_content

from .bench.corpus import load_corpus, write_project
from .conftest import ROOT, copy_project

SITE_URL = "https://exercises.example.org/"
THEIR_SCHEMA = ROOT.parent / "shared" / "data" / "free-exercise-db" / "schema.json"
CORPUS_RECORDS = 24


def tool(*args: str | Path) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [sys.executable, "-m", "build_tools", *map(str, args)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done


@pytest.fixture(scope="module", params=["heel-press", "corpus"])
def project(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp(f"export-{request.param}")
    if request.param == "heel-press":
        return copy_project(folder)
    return write_project(folder, CORPUS_RECORDS, load_corpus())


def published(project: Path) -> dict[str, Exercise]:
    content = load_content(project / "content", project)
    return {e.slug: e for e in content.published.exercises}


def round_trip(project: Path, shape: str, *extra: str) -> tuple[Any, dict[str, dict[str, Any]]]:
    """The export of `project` in `shape`, and the records importing it wrote into an empty
    project with the same vocabulary, by the origin id the import gives them."""
    out = project.parent / f"{project.name}-{shape}.json"
    tool("export", shape, out, "--root", project, *extra)
    target = project.parent / f"{project.name}-{shape}-import"
    vocabulary = target / "content" / "vocabulary" / "terms.yaml"
    vocabulary.parent.mkdir(parents=True)
    shutil.copy(project / "content" / "vocabulary" / "terms.yaml", vocabulary)
    tool("import", shape, out, "--root", target)
    # Every term of the export is one of ours: the import added none.
    assert (
        vocabulary.read_bytes() == (project / "content" / "vocabulary" / "terms.yaml").read_bytes()
    )
    records = {}
    for path in (target / "content").glob("*.yaml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        records[str(data["origin"]["id"])] = data
    return json.loads(out.read_text(encoding="utf-8")), records


def steps(data: dict[str, Any]) -> list[str]:
    return [s["text"] for s in data.get("instructions", ())]


def muscles(data: dict[str, Any], part: str) -> list[str]:
    return list(data.get("muscles", {}).get(part, ()))


def test_free_exercise_db_round_trip(project: Path) -> None:
    """Carried: name (and so slug), level, category, the steps' text, muscles and equipment in
    free-exercise-db's words. The import credits its own source (the Unlicense) and makes a
    draft, as the shape has no description, tips or FAQ."""
    records = published(project)
    document, imported = round_trip(project, "free-exercise-db")
    their_schema = json.loads(THEIR_SCHEMA.read_text(encoding="utf-8"))
    for item in document:
        jsonschema.Draft4Validator(their_schema).validate(item)
    assert set(imported) == set(records)
    for slug, original in records.items():
        back = imported[slug]
        assert back["slug"] == slug
        assert back["name"] == original.name
        assert back["level"] == original.level
        assert back["category"] == original.category
        assert steps(back) == [s.text for s in original.instructions]
        assert back["draft"] is True
        assert back["credit"][0]["license"] == "Unlicense"
    # Muscles and equipment come back as the same free-exercise-db terms: exporting what was
    # imported gives the same document.
    again = export.free_exercise_db(
        list(
            load_content(
                project.parent / f"{project.name}-free-exercise-db-import" / "content",
                project.parent,
            ).exercises
        ),
        load_content(project / "content", project).vocabulary,  # type: ignore[arg-type]
    )
    assert again == document


def test_free_exercise_db_terms_of_heel_press(tmp_path: Path) -> None:
    content = load_content(ROOT / "content", ROOT)
    assert content.vocabulary is not None
    (item,) = export.free_exercise_db(content.exercises, content.vocabulary)
    # Gastrocnemius, soleus and the Achilles tendon are all free-exercise-db's "calves"; a wall
    # is no equipment it names.
    assert (item["primaryMuscles"], item["secondaryMuscles"]) == (["calves"], [])
    assert item["equipment"] == "other"
    assert item["category"] == "stretching"


def test_wger_round_trip(project: Path) -> None:
    """Carried: name, other names, category, equipment, muscles, description, steps, tips and
    the credit (here the site's own licence, given with --license). Not carried: the level,
    and the summary (the import takes the description's first sentence)."""
    records = published(project)
    document, imported = round_trip(project, "wger", "--license", "CC-BY-SA-4.0")
    assert document["count"] == len(records)
    assert set(imported) == {str(export.wger_id(slug)) for slug in records}
    for slug, original in records.items():
        back = imported[str(export.wger_id(slug))]
        assert back["slug"] == slug
        assert back["name"] == original.name
        assert back.get("other_names", []) == list(original.other_names)
        assert back["category"] == original.category
        assert back["equipment"] == list(original.equipment)
        assert muscles(back, "primary") == list(original.primary_muscles)
        assert muscles(back, "secondary") == list(original.secondary_muscles)
        assert back["description"] == list(original.description)
        assert steps(back) == [s.text for s in original.instructions]
        assert back.get("tips", []) == [plain(t) for t in original.tips]
        assert "level" not in back
        (credit,) = back["credit"]
        assert credit["license"] == "CC-BY-SA-4.0"
        assert credit["source"] == f"{SITE_URL}exercises/{slug}/"
        assert credit["author"] == ["Exercise Reference"]


def test_wger_without_a_licence_for_the_sites_own_text_imports_nothing(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    document, imported = round_trip(project, "wger")
    (result,) = document["results"]
    assert result["license"] is None
    assert result["translations"][0]["license"] is None
    assert imported == {}


def test_a_credited_record_keeps_its_credit_through_wger(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    record = project / "content" / "heel-press.yaml"
    credit = (
        "credit:\n  - license: CC-BY-SA-4.0\n    title: Calf stretch\n"
        "    author: [Ann Author, Bo Writer]\n    source: https://wger.de/en/exercise/9/view/\n"
    )
    record.write_text(record.read_text(encoding="utf-8") + credit, encoding="utf-8")
    document, imported = round_trip(project, "wger")
    (back,) = imported.values()
    assert back["credit"][0] | {"sections": None} == {
        "license": "CC-BY-SA-4.0",
        "title": "Calf stretch",
        "author": ["Ann Author", "Bo Writer"],
        "source": "https://wger.de/en/exercise/9/view/",
        "sections": None,
    }
    assert document["results"][0]["license"]["short_name"] == "cc-by-sa 4"
