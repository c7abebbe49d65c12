"""`python -m build_tools import wger`: a hand-written sample of the API's pages (made-up text,
tests/fixtures/wger/) into a temporary project."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from build_tools.cli.main import main
from build_tools.imports import wger
from build_tools.imports.source import SourceTerm
from build_tools.imports.text import convert, escape
from build_tools.imports.vocabulary import TermMap

from .bench.real_text import WGER_MUSCLES as REAL_TEXT_MUSCLES
from .conftest import FIXTURES, ROOT
from .imported import (
    WGER_MUSCLES,
    assert_passes_check_listing_its_drafts,
    assert_refused,
    files,
    record,
)

SAMPLE = FIXTURES / "wger"


def run_import(project: Path, *extra: str, path: Path = SAMPLE) -> int:
    return main(["import", "wger", str(path), "--root", str(project), *extra])


@pytest.fixture
def imported(project: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, str]:
    assert run_import(project) == 0
    return project, capsys.readouterr().out


def test_records_hold_the_chosen_translation_mapped_onto_the_vocabulary(
    imported: tuple[Path, str],
) -> None:
    project, _ = imported
    wall = record(project, "wall-sit-body-weight")
    assert wall["name"] == "Wall Sit (Body weight)"
    assert wall["other_names"] == ["Wall Sit", "Wall squat"]
    assert wall["draft"] is True
    assert wall["category"] == "legs"  # wger's body-part category, a new term
    assert wall["equipment"] == ["body-weight"]  # "none (bodyweight exercise)"
    assert wall["muscles"] == {"primary": ["quadriceps"]}
    # The one numbered list of plain steps is the steps, without the label that introduced
    # it; the paragraph stays the description.
    assert wall["description"] == [
        "The wall sit holds the quadriceps under body weight against a wall."
    ]
    assert [s["text"] for s in wall["instructions"]] == [
        "Stand with your back flat against a wall.",
        "Slide down until the quadriceps are level with the floor.",
        "Hold the position, then stand up.",
    ]
    assert wall["summary"] == wall["description"][0]
    assert wall["tips"] == ["Keep your back flat on the wall, using only body weight."]
    assert wall["credit"] == [
        {
            "license": "CC-BY-SA-4.0",
            "title": "Wall Sit",
            "author": ["Ann Example"],
            "source": "https://wger.de/en/exercise/101/view/",
            "sections": ["summary", "description", "instructions", "tips"],
        }
    ]
    assert wall["origin"]["from"] == "wger"
    assert wall["origin"]["id"] == "101"
    assert wall["origin"]["language"] == "en"
    assert "level" not in wall  # wger has none: the draft lacks it, nothing is made up


def test_variation_groups_become_related_links(imported: tuple[Path, str]) -> None:
    project, _ = imported
    assert record(project, "wall-sit-body-weight")["related"] == ["wall-sit-exercise-ball"]
    assert record(project, "wall-sit-exercise-ball")["related"] == ["wall-sit-body-weight"]
    assert "related" not in record(project, "plank")


def test_html_becomes_the_formatted_text_subset(imported: tuple[Path, str]) -> None:
    project, _ = imported
    assert record(project, "plank")["description"] == [
        "Hold a **straight** line on a gym mat, abdominals braced and serratus anterior engaged.",
        "- Brace the abdominals.\n- Breathe *slowly* on the gym mat.",
        # Only https links stay links; the hostile one keeps its text.
        "Read [the plank guide](https://example.org/plank) or this.",
        "Use 2\\*3 sets\\_with care \\[sic\\].",
    ]


def test_new_terms_are_appended_to_the_vocabulary_keeping_its_text(
    imported: tuple[Path, str],
) -> None:
    project, out = imported
    text = (project / "content" / "vocabulary" / "terms.yaml").read_text()
    original = (FIXTURES.parent.parent / "content" / "vocabulary" / "terms.yaml").read_text()
    kept = [line for line in text.splitlines() if line in original.splitlines()]
    assert kept == original.splitlines()  # every line, comments too, in order
    terms = yaml.safe_load(text)
    assert terms["muscles"]["serratus-anterior"] == {
        "name": "Serratus anterior",
        "aliases": ["Serratus anterior"],
    }
    assert terms["equipment"]["gym-mat"]["name"] == "Gym mat"
    assert terms["equipment"]["exercise-ball"]["name"] == "Exercise ball"  # "Swiss Ball" matched
    assert "muscles serratus-anterior (Serratus anterior)" in out


def test_duplicates_media_and_missing_translations_are_reported(
    imported: tuple[Path, str],
) -> None:
    project, out = imported
    assert "new 3, updated 0, unchanged 0, skipped 1" in out
    assert (
        "likely duplicate: wger 104 'Plank' is content/plank.yaml (wger 103) again, with the same"
        " equipment, category, muscles: not written" in out
    )
    assert "exercise 105 has no translation in 'en'" in out
    assert "1 image not imported" in out
    slugs = sorted(p.stem for p in (project / "content").glob("*.yaml"))
    assert slugs == ["heel-press", "plank", "wall-sit-body-weight", "wall-sit-exercise-ball"]


def test_language_picks_the_translation(project: Path) -> None:
    assert run_import(project, "--language", "de") == 0
    assert record(project, "wandsitzen")["description"] == ["Erfundener Text für den Test."]
    assert record(project, "kniebeuge")["origin"]["language"] == "de"


def test_unknown_language_is_an_error(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_import(project, "--language", "xx") == 1
    assert "unknown language 'xx'" in capsys.readouterr().err


def test_reimport_keeps_an_editors_change_and_takes_the_sources(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_import(project) == 0
    path = project / "content" / "plank.yaml"
    text = path.read_text()
    edited = text.replace(
        "Hold a **straight** line on a gym mat",
        "# an editor's note\n    Hold a firm line on a gym mat",
    )
    edited = edited.replace("    # an editor's note\n", "")
    edited = "# An editor's comment at the top.\n" + edited
    path.write_text(edited)
    source = tmp_path / "source"
    shutil.copytree(SAMPLE, source)
    page = json.loads((source / "page-1.json").read_text())
    plank = page["results"][2]
    plank["translations"][0]["description"] = "<p>Changed upstream on a gym mat.</p>"
    plank["translations"][0]["aliases"] = [{"id": 9, "uuid": "x", "alias": "Front hold"}]
    page["results"][0]["translations"][0]["notes"] = []
    (source / "page-1.json").write_text(json.dumps(page))
    capsys.readouterr()
    assert run_import(project, path=source) == 0
    out = capsys.readouterr().out
    after = path.read_text()
    assert after.startswith("# An editor's comment at the top.\n")
    data = yaml.safe_load(after)
    assert data["description"][0] == (
        "Hold a firm line on a gym mat, abdominals braced and serratus anterior engaged."
    )
    assert data["other_names"] == ["Front hold"]  # the source's new field came in
    assert "kept in content/plank.yaml: edited since import (description)" in out
    wall = record(project, "wall-sit-body-weight")
    assert "tips" not in wall  # the source dropped its note, the editor never touched it
    assert "updated 2" in out


def test_reimport_of_the_same_data_changes_nothing(
    imported: tuple[Path, str], capsys: pytest.CaptureFixture[str]
) -> None:
    project, _ = imported
    before = files(project)
    assert run_import(project) == 0
    assert "new 0, updated 0, unchanged 3, skipped 1" in capsys.readouterr().out
    assert files(project) == before


def test_an_edit_that_meets_a_source_change_is_skipped_with_its_reason(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_import(project) == 0
    path = project / "content" / "wall-sit-exercise-ball.yaml"
    path.write_text(path.read_text().replace("hold the sit.", "hold the sit for a minute."))
    source = tmp_path / "source"
    shutil.copytree(SAMPLE, source)
    page = json.loads((source / "page-1.json").read_text())
    page["results"][1]["translations"][0]["description"] = (
        "<p>Rewritten upstream in other words.</p>"
    )
    (source / "page-1.json").write_text(json.dumps(page))
    capsys.readouterr()
    assert run_import(project, path=source) == 0
    out = capsys.readouterr().out
    assert (
        "skipped content/wall-sit-exercise-ball.yaml: edited since import (summary, description)"
        in out
    )
    assert "hold the sit for a minute." in path.read_text()


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        ('{\n  "count": 1,\n  "results": [\n', r"page\.json:4:1: not JSON: Expecting value"),
        ('{"count": 0}', r"page\.json:1:1: expected a page of /api/v2/exerciseinfo/"),
        (
            '{"results": [\n  {"id": 1, "translations": [\n    {"language": 2}\n  ]}\n]}',
            r"page\.json:3:5: results\[0\]\.translations\[0\]: missing field 'name'",
        ),
        (
            '{"results": [\n  {"id": 1, "muscles": 3, "translations":'
            ' [{"language": 2, "name": "X", "license": 2}]}\n]}',
            r"page\.json:2:3: results\[0\]\.muscles: expected a list, got a number",
        ),
    ],
)
def test_bad_input_is_located_and_nothing_is_written(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], page: str, expected: str
) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    shutil.copy(SAMPLE / "page-1.json", folder / "a-good-page.json")
    (folder / "page.json").write_text(page)
    assert_refused(project, capsys, lambda: run_import(project, path=folder), expected)


def test_the_imported_project_passes_check_listing_its_drafts(
    imported: tuple[Path, str], capsys: pytest.CaptureFixture[str]
) -> None:
    project, _ = imported
    assert_passes_check_listing_its_drafts(project, capsys)


def test_wgers_muscles_get_the_ids_the_real_text_bench_gives_them() -> None:
    """The bench maps wger's muscles onto our ids itself (it reads wger's dump, not its API);
    the import gives each the same id: the external obliques, which wger names only in Latin,
    are the reader's `obliques` by the Latin alias, as no new term."""
    terms = yaml.safe_load((ROOT / "content" / "vocabulary" / "terms.yaml").read_text())
    muscles = TermMap(terms, wger.TABLES)
    for key, (name, name_en) in enumerate(WGER_MUSCLES, start=1):
        term = SourceTerm(str(key), tuple(n for n in (name_en, name) if n))
        assert muscles.ids("muscles", term) == (REAL_TEXT_MUSCLES[key],), name
    assert {t.id for t in muscles.added} == {"serratus-anterior", "brachialis"}


def test_escape_keeps_plain_text_literal() -> None:
    assert escape("1. Lie down") == "1\\. Lie down"
    assert escape("- not a list\n* nor this") == "\\- not a list\n\\* nor this"
    assert escape("a_b *c* [d](e) \\x &amp;") == "a\\_b \\*c\\* \\[d\\](e) \\x \\&amp;"


def test_nested_lists_keep_their_structure() -> None:
    converted = convert(
        "<ol><li><p><strong>Pull:</strong></p><ul><li>Elbows down.</li><li>Chest up.</li></ul>"
        "</li><li>Lower slowly.</li></ol>"
    )
    assert converted.blocks == ["1. **Pull:**\n   - Elbows down.\n   - Chest up.\n2. Lower slowly."]
    assert converted.lists == [(0, True, [])]  # not plain steps: it stays in the description
