"""The muscle map of "At a glance", read back from the SVG of built pages: its highlighted
regions are the record's muscles, its text alternative names them, and every muscle of the
vocabulary has a region unless it is declared not drawable."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from lxml import etree
from lxml import html as lxml_html

from build_tools.cli.main import main
from build_tools.imports import free_exercise_db, wger
from build_tools.imports.source import SourceTerm
from build_tools.imports.vocabulary import TermMap
from build_tools.model import Exercise, Vocabulary, page_id_use
from build_tools.render.environment import make_environment
from build_tools.render.exercise import render_exercise
from build_tools.render.figure.muscle_map import FROM_IMPORTS, REGIONS
from build_tools.source.load import load_content
from build_tools.source.yaml_nodes import parse_yaml

from .conftest import ROOT, BuiltSite
from .imported import WGER_MUSCLES

PAGE = "exercises/heel-press/"
TERMS = ROOT / "content" / "vocabulary" / "terms.yaml"
# free-exercise-db's muscles (its schema's enum).
FREE_EXERCISE_DB_MUSCLES = [
    "abdominals", "abductors", "adductors", "biceps", "calves", "chest", "forearms", "glutes",
    "hamstrings", "lats", "lower back", "middle back", "neck", "quadriceps", "shoulders",
    "traps", "triceps",
]  # fmt: skip


def the_map(root: lxml_html.HtmlElement) -> etree._Element:
    """The map's SVG, parsed as XML: it must be well formed."""
    (svg,) = root.cssselect("section.exercise-glance figure.muscle-map > svg.muscle-map-drawing")
    return etree.fromstring(lxml_html.tostring(svg))


def marked(svg: etree._Element, css_class: str) -> set[str]:
    found = svg.xpath(
        f"//*[contains(concat(' ', @class, ' '), ' {css_class} ')]/@data-muscle",
    )
    return set(found)


def rendered(exercise: Exercise, vocabulary: Vocabulary) -> etree._Element:
    page = render_exercise(make_environment(ROOT / "templates" / "pages"), exercise, vocabulary)
    return the_map(lxml_html.fromstring(page.html))


def test_the_built_page_marks_the_records_muscles(
    built_site: BuiltSite, loaded: tuple[Exercise, Vocabulary]
) -> None:
    exercise, _ = loaded
    svg = the_map(built_site.page(PAGE))
    assert marked(svg, "primary") == set(exercise.primary_muscles) == {"gastrocnemius"}
    assert marked(svg, "secondary") == set(exercise.secondary_muscles)
    # Every other region is drawn, and neutral.
    regions = svg.xpath("//*[@data-muscle]")
    assert {r.get("data-muscle") for r in regions} == set(REGIONS)
    named = {*exercise.primary_muscles, *exercise.secondary_muscles}
    others = [r for r in regions if r.get("data-muscle") not in named]
    assert others
    assert {r.get("class") for r in others} == {"region"}


@pytest.mark.parametrize(
    ("primary", "secondary"),
    [
        (("quadriceps", "glutes"), ("hamstrings", "lower-back", "adductors")),
        (("pectorals",), ("triceps", "deltoids")),
        (("lats", "biceps"), ("middle-back", "forearms", "trapezius")),
        (("abdominals",), ()),
    ],
)
def test_any_muscles_are_marked_as_the_record_names_them(
    loaded: tuple[Exercise, Vocabulary], primary: tuple[str, ...], secondary: tuple[str, ...]
) -> None:
    exercise, vocabulary = loaded
    changed = replace(exercise, primary_muscles=primary, secondary_muscles=secondary)
    svg = rendered(changed, vocabulary)
    assert marked(svg, "primary") == set(primary)
    assert marked(svg, "secondary") == set(secondary)


def test_the_text_alternative_names_the_muscles(
    built_site: BuiltSite, loaded: tuple[Exercise, Vocabulary]
) -> None:
    exercise, vocabulary = loaded
    svg = the_map(built_site.page(PAGE))
    assert svg.get("role") == "img"
    (title,) = svg.xpath("*[local-name()='title']")
    (desc,) = svg.xpath("*[local-name()='desc']")
    assert svg.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    assert title.text == "Muscles worked by Heel Press"
    assert desc.text == (
        "A body seen from the front and from the back. Gastrocnemius is in the accent colour"
        " (primary). Soleus and Achilles tendon are in a lighter shade (secondary)."
    )
    for muscle in (*exercise.primary_muscles, *exercise.secondary_muscles):
        assert vocabulary.muscles[muscle].name in desc.text
    # The ids are the page's own, so no record may take them.
    for element in (title, desc):
        assert page_id_use(element.get("id")) is not None


def test_a_muscle_not_drawn_is_named_as_such(loaded: tuple[Exercise, Vocabulary]) -> None:
    exercise, vocabulary = loaded
    muscles = dict(vocabulary.muscles)
    muscles["rotator-cuff"] = replace(muscles["soleus"], id="rotator-cuff", name="Rotator cuff")
    with_cuff = replace(vocabulary, muscles=muscles)
    changed = replace(exercise, secondary_muscles=("rotator-cuff", "soleus"))
    svg = rendered(changed, with_cuff)
    assert marked(svg, "secondary") == {"soleus"}
    (desc,) = svg.xpath("//*[local-name()='desc']")
    assert desc.text.endswith(
        "Soleus is in a lighter shade (secondary). Rotator cuff is not drawn."
    )


def test_a_record_without_muscles_has_no_map(loaded: tuple[Exercise, Vocabulary]) -> None:
    exercise, vocabulary = loaded
    draft = replace(exercise, primary_muscles=(), secondary_muscles=())
    page = render_exercise(make_environment(ROOT / "templates" / "pages"), draft, vocabulary)
    assert "muscle-map" not in page.html


def test_every_vocabulary_muscle_has_a_region_or_is_not_drawable(
    loaded: tuple[Exercise, Vocabulary],
) -> None:
    _, vocabulary = loaded
    assert [m for m, t in vocabulary.muscles.items() if t.drawable and m not in REGIONS] == []
    # Every region is drawn in at least one view, and is for a muscle a record can name now
    # or once an import adds it.
    assert all(region.front or region.back for region in REGIONS.values())
    assert set(REGIONS) - set(vocabulary.muscles) == FROM_IMPORTS


def test_the_muscles_imports_add_are_drawn() -> None:
    data = parse_yaml(TERMS.read_text(encoding="utf-8"), "terms.yaml").data
    from_wger = TermMap(data, wger.TABLES)
    for key, (name, name_en) in enumerate(WGER_MUSCLES, start=1):
        from_wger.ids("muscles", SourceTerm(str(key), tuple(n for n in (name_en, name) if n)))
    from_free = TermMap(data, free_exercise_db.TABLES)
    for key in FREE_EXERCISE_DB_MUSCLES:
        from_free.ids("muscles", SourceTerm(key, (key,)))
    assert from_free.added == []
    # The regions drawn ahead of their terms are exactly the muscles wger adds.
    assert {t.id for t in from_wger.added} == FROM_IMPORTS


def test_a_muscle_declared_not_drawable_passes_check(project: Path) -> None:
    terms = project / "content" / "vocabulary" / "terms.yaml"
    text = terms.read_text(encoding="utf-8")
    line = "  neck-muscles: {name: Neck muscles, aliases: [neck muscles, neck flexors, neck extensors]}\n"
    assert line in text
    cuff = "  rotator-cuff: {name: Rotator cuff, aliases: [rotator cuff], drawable: false}\n"
    terms.write_text(text.replace(line, line + cuff), encoding="utf-8")
    assert main(["check", "--root", str(project)]) == 0
    content = load_content(project / "content", project)
    assert content.vocabulary is not None
    assert content.vocabulary.muscles["rotator-cuff"].drawable is False
    assert content.vocabulary.muscles["soleus"].drawable is True
