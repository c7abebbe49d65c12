"""Credit and related exercises: the attribution a licence asks for, on the page and in its
JSON-LD, and the related exercises a record names, first and in order."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import pytest
from lxml import html as lxml_html

from build_tools.build.pipeline import Project, run
from build_tools.licenses import LICENSES, attributions, covered, license_of
from build_tools.model import CREDIT_SECTIONS, Credit, Exercise, Vocabulary
from build_tools.reference.fields import field_reference
from build_tools.render.environment import make_environment
from build_tools.render.exercise import render_exercise
from build_tools.render.structured_data import credit_properties, exercise_graph
from build_tools.site import browse

from .conftest import ROOT, BuiltSite, build_site, copy_project

PAGE = "exercises/heel-press/"
END_OF_RECORD = "  hand_height_cm: 120\n"
CREDIT = """credit:
  - title: Calf raises on a step
    author: [Jane Doe, Sam Lee]
    source: https://wger.de/en/exercise/73/view/
    license: CC-BY-SA-4.0
    sections: [description, instructions]
  - source: https://github.com/yuhonas/free-exercise-db
    license: Unlicense
    sections: [tips]
"""
OTHERS = {
    "wall-calf-press": "Wall Calf Press",
    "bent-knee-wall-stretch": "Bent Knee Wall Stretch",
    "step-calf-stretch": "Step Calf Stretch",
}


def text(element: lxml_html.HtmlElement) -> str:
    return " ".join(element.text_content().split())


def add_record(project: Path, slug: str, name: str) -> None:
    """Another exercise: Heel Press's text under another name, so that it is alike enough to
    be a computed related exercise too."""
    record = (project / "content" / "heel-press.yaml").read_text(encoding="utf-8")
    record = record.replace("name: Heel Press\nslug: heel-press\n", f"name: {name}\nslug: {slug}\n")
    (project / "content" / f"{slug}.yaml").write_text(record, encoding="utf-8")


@pytest.fixture(scope="module")
def credited_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The project with three more exercises and Heel Press credited, naming two of them in
    `related`, built with `mkdocs build --strict`."""
    project = copy_project(tmp_path_factory.mktemp("credited-project"))
    for slug, name in OTHERS.items():
        add_record(project, slug, name)
    record = project / "content" / "heel-press.yaml"
    source = record.read_text(encoding="utf-8")
    related = "related: [step-calf-stretch, wall-calf-press]\n"
    record.write_text(source.replace(END_OF_RECORD, END_OF_RECORD + related + CREDIT))
    return build_site(project, tmp_path_factory.mktemp("credited-site"))


def test_the_page_shows_each_credit_as_its_licence_asks(credited_site: BuiltSite) -> None:
    page = credited_site.page(PAGE)
    (section,) = page.cssselect("section.exercise-credit")
    assert text(section.cssselect("h2")[0]) == "Source and licence¶"
    assert section.cssselect("h2")[0].get("id") == "source-and-licence"
    items = section.cssselect("ul.credit-list > li")
    assert [text(li) for li in items] == [
        "Description and steps: text from Calf raises on a step by Jane Doe and Sam Lee,"
        " licensed under CC BY-SA 4.0.",
        "Tips: text from github.com, dedicated to the public domain under The Unlicense.",
    ]
    wger, free = ([(a.text, a.get("href"), a.get("rel")) for a in li.iter("a")] for li in items)
    assert wger == [
        ("Calf raises on a step", "https://wger.de/en/exercise/73/view/", "noopener"),
        ("CC BY-SA 4.0", "https://creativecommons.org/licenses/by-sa/4.0/", "license noopener"),
    ]
    assert free == [
        ("github.com", "https://github.com/yuhonas/free-exercise-db", "noopener"),
        ("The Unlicense", "https://unlicense.org/", "license noopener"),
    ]
    assert items[0].cssselect("cite")[0].text_content() == "Calf raises on a step"


def test_source_and_licence_closes_the_page_after_related(credited_site: BuiltSite) -> None:
    (article,) = credited_site.page(PAGE).cssselect("article.exercise")
    sections = [s.get("class") for s in article.iter("section")]
    assert sections[-2:] == ["exercise-related", "exercise-credit"]


def test_a_page_without_credit_has_no_credit_block(credited_site: BuiltSite) -> None:
    page = credited_site.page("exercises/wall-calf-press/")
    assert page.cssselect("section.exercise-credit") == []
    assert page.xpath("//*[@id='source-and-licence']") == []


def exercise_plan(page: lxml_html.HtmlElement) -> dict[str, Any]:
    (script,) = page.xpath("/html/head/script[@type='application/ld+json']")
    (plan,) = [n for n in json.loads(script.text)["@graph"] if n["@type"] == "ExercisePlan"]
    return plan


def test_the_json_ld_carries_licence_authors_and_source(credited_site: BuiltSite) -> None:
    plan = exercise_plan(credited_site.page(PAGE))
    assert plan["license"] == [
        "https://creativecommons.org/licenses/by-sa/4.0/",
        "https://unlicense.org/",
    ]
    assert plan["author"] == [
        {"@type": "Person", "name": "Jane Doe"},
        {"@type": "Person", "name": "Sam Lee"},
    ]
    assert plan["isBasedOn"] == [
        {
            "@type": "CreativeWork",
            "name": "Calf raises on a step",
            "url": "https://wger.de/en/exercise/73/view/",
            "author": [
                {"@type": "Person", "name": "Jane Doe"},
                {"@type": "Person", "name": "Sam Lee"},
            ],
            "license": "https://creativecommons.org/licenses/by-sa/4.0/",
        },
        {
            "@type": "CreativeWork",
            "url": "https://github.com/yuhonas/free-exercise-db",
            "license": "https://unlicense.org/",
        },
    ]


def test_the_json_ld_of_a_record_without_credit_claims_none(credited_site: BuiltSite) -> None:
    plan = exercise_plan(credited_site.page("exercises/wall-calf-press/"))
    assert plan["name"] == "Wall Calf Press"
    assert {"license", "author", "isBasedOn"}.isdisjoint(plan)


def test_the_named_related_exercises_come_first_in_order(credited_site: BuiltSite) -> None:
    page = credited_site.page(PAGE)
    links = [(a.text, a.get("href")) for a in page.cssselect("ul.related-list a")]
    assert links == [
        ("Step Calf Stretch", "../../exercises/step-calf-stretch/"),
        ("Wall Calf Press", "../../exercises/wall-calf-press/"),
        ("Bent Knee Wall Stretch", "../../exercises/bent-knee-wall-stretch/"),
    ]
    for name, href in links:  # each leads to the page of the exercise it names
        target = lxml_html.fromstring(
            (credited_site.path / PAGE / href / "index.html").read_bytes()
        )
        assert text(target.cssselect("article h1")[0]) == name


# Without a build: the wording, the JSON-LD and the related list, case by case.


def credited(exercise: Exercise, *credits: Credit) -> Exercise:
    return dataclasses.replace(exercise, credits=credits)


def credit_items(exercise: Exercise, vocabulary: Vocabulary) -> list[str]:
    page = render_exercise(make_environment(ROOT / "templates" / "pages"), exercise, vocabulary)
    tree = lxml_html.fromstring(page.html)
    return [text(li) for li in tree.cssselect("ul.credit-list > li")]


def test_the_wording_of_each_kind_of_credit(loaded: tuple[Exercise, Vocabulary]) -> None:
    exercise, vocabulary = loaded
    assert credit_items(exercise, vocabulary) == []
    items = credit_items(
        credited(
            exercise,
            Credit("CC-BY-4.0", "Wall stretch", ("Ann", "Bo", "Cy"), None, ("faq",)),
            Credit("cc0-1.0", None, (), None, ("summary", "variations", "tips")),
            Credit("CC-BY-SA-3.0", None, ("Ann & Co <b>",)),
        ),
        vocabulary,
    )
    assert items == [
        "Questions and answers: text from Wall stretch by Ann, Bo and Cy, licensed under"
        " CC BY 4.0.",
        "Summary, variations and tips: text dedicated to the public domain under CC0 1.0.",
        "Text by Ann & Co <b>, licensed under CC BY-SA 3.0.",
    ]


def test_an_unknown_licence_is_named_unlinked(loaded: tuple[Exercise, Vocabulary]) -> None:
    # The checks stop such a record (C902); its page must still render while they run.
    exercise, vocabulary = loaded
    assert credit_items(credited(exercise, Credit("CC-BY-SA-5.0", author=("A",))), vocabulary) == [
        "Text by A, licensed under CC-BY-SA-5.0."
    ]
    assert credit_properties(credited(exercise, Credit("CC-BY-SA-5.0", author=("A",)))) == {
        "author": [{"@type": "Person", "name": "A"}]
    }


def test_sections_are_named_in_page_order_and_every_one_is_the_whole_record() -> None:
    assert covered(Credit("CC0-1.0", sections=("instructions", "description"))) == (
        "Description and steps"
    )
    assert covered(Credit("CC0-1.0", sections=CREDIT_SECTIONS)) is None
    assert covered(Credit("CC0-1.0")) is None


def test_licences_match_their_spdx_id_in_any_case() -> None:
    assert license_of("cc-by-sa-4.0") is LICENSES["CC-BY-SA-4.0"]
    assert license_of("CC-BY-SA") is None
    assert [key for key, item in LICENSES.items() if item.attribution] == [
        "CC-BY-4.0",
        "CC-BY-SA-4.0",
        "CC-BY-3.0",
        "CC-BY-SA-3.0",
    ]


def test_json_ld_names_each_author_and_licence_once(loaded: tuple[Exercise, Vocabulary]) -> None:
    exercise, vocabulary = loaded
    graph = exercise_graph(exercise, vocabulary, site_url="https://x.test", site_name="X")
    (plan,) = [n for n in graph["@graph"] if n["@type"] == "ExercisePlan"]
    assert {"license", "author", "isBasedOn"}.isdisjoint(plan)
    twice = credited(
        exercise,
        Credit("CC-BY-SA-4.0", "A", ("Jane",), None, ("description",)),
        Credit("CC-BY-SA-4.0", None, ("Jane", "Sam"), None, ("tips",)),
    )
    assert credit_properties(twice) == {
        "license": "https://creativecommons.org/licenses/by-sa/4.0/",
        "author": [{"@type": "Person", "name": "Jane"}, {"@type": "Person", "name": "Sam"}],
        "isBasedOn": [
            {
                "@type": "CreativeWork",
                "name": "A",
                "author": [{"@type": "Person", "name": "Jane"}],
                "license": "https://creativecommons.org/licenses/by-sa/4.0/",
            }
        ],
    }
    assert [a.covers for a in attributions(twice)] == ["Description", "Tips"]


def alike(exercise: Exercise, slug: str, **changes: Any) -> Exercise:
    return dataclasses.replace(exercise, slug=slug, name=slug.replace("-", " ").title(), **changes)


def test_related_resolves_old_slugs_and_leaves_out_self_drafts_and_unknowns(
    loaded: tuple[Exercise, Vocabulary],
) -> None:
    heel_press, _ = loaded
    renamed = alike(heel_press, "wall-calf-press", aliases=("calf-press",))
    # Of another muscle, so that only the named list could bring it in.
    draft = alike(heel_press, "soleus-stretch", draft=True, primary_muscles=("hamstrings",))
    others = [alike(heel_press, f"stretch-{n}") for n in range(8)]
    named = ("stretch-7", "calf-press", "heel-press", "soleus-stretch", "nowhere", "stretch-7")
    record = dataclasses.replace(heel_press, related=named)
    related = browse.related([record, renamed, draft, *others])
    assert [e.slug for e in related["heel-press"][:2]] == ["stretch-7", "wall-calf-press"]
    assert len(related["heel-press"]) == browse.RELATED_LIMIT
    assert {"heel-press", "soleus-stretch"}.isdisjoint(e.slug for e in related["heel-press"])
    assert len({e.slug for e in related["heel-press"]}) == browse.RELATED_LIMIT


def test_every_named_related_exercise_shows_even_past_the_limit(
    loaded: tuple[Exercise, Vocabulary],
) -> None:
    heel_press, _ = loaded
    others = [alike(heel_press, f"stretch-{n}") for n in range(9)]
    named = tuple(reversed([o.slug for o in others]))
    record = dataclasses.replace(heel_press, related=named)
    assert [e.slug for e in browse.related([record, *others])["heel-press"]] == list(named)


def test_a_record_may_relate_to_a_draft(project: Path) -> None:
    """The link shows once the draft is published: nothing for the editor to do meanwhile."""

    def draft_copy(slug: str, name: str, more: str = "") -> None:
        add_record(project, slug, name)
        record = project / "content" / f"{slug}.yaml"
        text = record.read_text(encoding="utf-8")
        record.write_text(text.replace(f"slug: {slug}\n", f"slug: {slug}\ndraft: true\n{more}"))

    draft_copy("wall-calf-stretch", "Wall Calf Stretch", "related: [soleus-wall-stretch]\n")
    draft_copy("soleus-wall-stretch", "Soleus Wall Stretch")
    published = project / "content" / "heel-press.yaml"
    text = published.read_text(encoding="utf-8")
    published.write_text(
        text.replace("slug: heel-press\n", "slug: heel-press\nrelated: [wall-calf-stretch]\n")
    )
    found = run(Project.at(project), render=False).diagnostics
    assert [(d.code, d.location.path) for d in found] == [
        ("D001", "content/soleus-wall-stretch.yaml"),
        ("D001", "content/wall-calf-stretch.yaml"),
    ]


def test_the_field_reference_shows_the_credit_fields() -> None:
    rows = {
        line.split(" | ")[0].removeprefix("| "): line.split(" | ")[1:]
        for line in field_reference().splitlines()
        if line.startswith("| `")
    }
    assert rows["`summary`"][1] == "required (a draft may lack it)"
    assert rows["`draft`"][1] == "optional"
    assert rows["`credit[].license`"][:2] == ["SPDX licence id", "required"]
    assert "`CC-BY-SA-4.0` (CC BY-SA 4.0)" in rows["`credit[].license`"][2]
    assert rows["`credit[].source`"][0] == "https address"
    assert rows["`credit[].sections`"][0].startswith("list, each one of `summary`, `description`")
