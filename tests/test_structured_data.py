"""What machines read from a page: JSON-LD, Open Graph and Twitter tags, absolute deep links."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import pytest
from lxml import html as lxml_html

from build_tools.render.structured_data import exercise_graph, json_ld
from build_tools.source.load import load_content

from .conftest import ROOT, BuiltSite, build_site

PAGE = "exercises/heel-press/"


def text(element: lxml_html.HtmlElement) -> str:
    return " ".join(element.text_content().split())


def graph_of(page: lxml_html.HtmlElement) -> list[dict[str, Any]]:
    (script,) = page.xpath("/html/head/script[@type='application/ld+json']")
    document = json.loads(script.text)
    assert document["@context"] == "https://schema.org"
    return document["@graph"]


def of_type(graph: list[dict[str, Any]], kind: str) -> list[dict[str, Any]]:
    return [node for node in graph if node["@type"] == kind]


@pytest.fixture(scope="module")
def page(built_site: BuiltSite) -> lxml_html.HtmlElement:
    return built_site.page(PAGE)


@pytest.fixture(scope="module")
def canonical(page: lxml_html.HtmlElement) -> str:
    (url,) = page.xpath("//link[@rel='canonical']/@href")
    return url


def test_one_question_per_faq_entry_with_its_deep_link_and_visible_answer(
    page: lxml_html.HtmlElement, canonical: str
) -> None:
    entries = page.cssselect("details.faq-entry")
    questions = of_type(graph_of(page), "Question")
    assert len(questions) == len(entries) == 8
    for question, entry in zip(questions, entries, strict=True):
        assert question["url"] == f"{canonical}#{entry.get('id')}"
        assert question["name"] == text(entry.cssselect("summary")[0])
        answer = question["acceptedAnswer"]
        assert answer["@type"] == "Answer"
        assert answer["text"] == text(entry.cssselect(".faq-answer")[0])


def test_web_page_exercise_and_breadcrumbs(page: lxml_html.HtmlElement, canonical: str) -> None:
    graph = graph_of(page)
    assert sorted({node["@type"] for node in graph}) == [
        "BreadcrumbList",
        "ExercisePlan",
        "Question",
        "WebPage",
        "WebSite",
    ]
    (web_page,) = of_type(graph, "WebPage")
    (exercise,) = of_type(graph, "ExercisePlan")
    (site,) = of_type(graph, "WebSite")
    (trail,) = of_type(graph, "BreadcrumbList")
    assert web_page["url"] == web_page["@id"] == canonical
    assert web_page["mainEntity"] == {"@id": exercise["@id"]}
    assert web_page["breadcrumb"] == {"@id": trail["@id"]}
    assert web_page["isPartOf"] == {"@id": site["@id"]}
    assert web_page["description"] == page.xpath("//meta[@name='description']/@content")[0]
    assert exercise["name"] == text(page.cssselect("article h1")[0])
    assert exercise["exerciseType"] == "Stretch / mobility"
    assert [m["name"] for m in exercise["associatedAnatomy"]] == [
        "Gastrocnemius",
        "Soleus",
        "Achilles tendon",
    ]
    home = canonical.removesuffix(PAGE)
    assert site["url"] == home
    assert [(i["position"], i["name"], i["item"]) for i in trail["itemListElement"]] == [
        (1, "Exercise Reference", home),
        (2, "Exercises A–Z", home + "exercises/"),
        (3, "Heel Press", canonical),
    ]


def test_open_graph_and_twitter_card(page: lxml_html.HtmlElement, canonical: str) -> None:
    og = {m.get("property"): m.get("content") for m in page.xpath("//meta[@property]")}
    twitter = {m.get("name"): m.get("content") for m in page.xpath("//meta[@name]")}
    description = twitter["description"]
    assert og == {
        "og:type": "article",
        "og:site_name": "Exercise Reference",
        "og:title": "Heel Press",
        "og:description": description,
        "og:url": canonical,
        "og:locale": "en",
    }
    assert (twitter["twitter:card"], twitter["twitter:title"]) == ("summary", "Heel Press")
    assert twitter["twitter:description"] == description


def test_home_page_is_a_website_without_exercise_data(built_site: BuiltSite) -> None:
    home = built_site.page("")
    (kind,) = home.xpath("//meta[@property='og:type']/@content")
    (url,) = home.xpath("//meta[@property='og:url']/@content")
    assert kind == "website"
    assert url == home.xpath("//link[@rel='canonical']/@href")[0]
    assert home.xpath("//script[@type='application/ld+json']") == []


def test_copy_and_print_links_are_absolute(page: lxml_html.HtmlElement, canonical: str) -> None:
    for entry in page.cssselect("details.faq-entry"):
        deep_link = f"{canonical}#{entry.get('id')}"
        (button,) = entry.cssselect("button.faq-copy")
        assert button.get("data-copy-url") == deep_link
        # Hidden until the page script finds a clipboard; the plain link is always there.
        assert button.get("hidden") is not None
        permalinks = entry.xpath(".//p[@class='faq-permalink']/a[not(@class='sheet-add')]/@href")
        assert permalinks == [f"#{entry.get('id')}"]
        assert text(entry.cssselect(".faq-url")[0]) == deep_link


def test_json_ld_cannot_close_its_script_element() -> None:
    content = load_content(ROOT / "content", ROOT)
    assert content.vocabulary is not None
    (exercise,) = content.exercises
    hostile = "</script><script>alert(1)</script> <!-- & -->"
    entry = dataclasses.replace(exercise.faq[0], answer=hostile)
    tampered = dataclasses.replace(exercise, faq=(entry, *exercise.faq[1:]))
    graph = exercise_graph(tampered, content.vocabulary, site_url="https://x.test", site_name="X")
    written = json_ld(graph)
    assert "<" not in written
    assert ">" not in written
    assert "&" not in written
    assert json.loads(written) == graph
    assert graph["@graph"][1]["url"] == "https://x.test/exercises/heel-press/"


def test_hostile_answer_stays_inside_the_json_ld_of_a_built_page(
    project: Path, tmp_path: Path
) -> None:
    record = project / "content" / "heel-press.yaml"
    hostile = "Yes. </script><script>document.title='owned'</script> Keep the heel down."
    source = record.read_text()
    old = (
        "      Yes. It is a useful warm-up or between-set mobility drill when your calves or"
        " ankles feel\n      stiff.\n"
    )
    assert old in source
    record.write_text(source.replace(old, f"      {hostile}\n"))
    build_site(project, tmp_path / "out")
    page = lxml_html.fromstring((tmp_path / "out" / PAGE / "index.html").read_bytes())
    assert page.xpath("//script[not(@src) and contains(., 'owned')]") == page.xpath(
        "//script[@type='application/ld+json']"
    )
    answers = [q["acceptedAnswer"]["text"] for q in of_type(graph_of(page), "Question")]
    assert hostile in answers


def test_a_record_without_credit_claims_no_licence_author_or_source(
    page: lxml_html.HtmlElement,
) -> None:
    # The site's own text has no licence of its own in the record: nothing is claimed for it.
    (exercise,) = of_type(graph_of(page), "ExercisePlan")
    assert {"license", "author", "isBasedOn"}.isdisjoint(exercise)
