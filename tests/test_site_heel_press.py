"""The built Heel Press page holds every sentence of its source, in the right sections and order."""

from __future__ import annotations

import re

import pytest
from lxml import html as lxml_html

from .conftest import BuiltSite
from .seed import read_seed

SEED = read_seed()
PAGE = "exercises/heel-press/"
FAQ_IDS = [
    "what-it-stretches",
    "wall-setup",
    "knee-angle",
    "heel-lift",
    "before-training",
    "common-mistake",
    "not-only-tight-calves",
    "arch-or-toes",
]


def text(element: lxml_html.HtmlElement) -> str:
    return " ".join(element.text_content().split())


@pytest.fixture(scope="module")
def page(built_site: BuiltSite) -> lxml_html.HtmlElement:
    return built_site.page(PAGE)


@pytest.fixture(scope="module")
def article(page: lxml_html.HtmlElement) -> lxml_html.HtmlElement:
    (found,) = page.cssselect("article.exercise")
    return found


def test_build_is_strict_and_silent(built_site: BuiltSite) -> None:
    assert "WARNING" not in built_site.output
    assert "ERROR" not in built_site.output
    assert (built_site.path / PAGE / "index.html").is_file()


def test_no_generated_page_is_written_to_docs(built_site: BuiltSite) -> None:
    from .conftest import ROOT

    assert not (ROOT / "docs" / "exercises").exists()


def test_sections_in_order(article: lxml_html.HtmlElement) -> None:
    headings = [(h.tag, h.get("id"), text(h).rstrip("¶")) for h in article.cssselect("h1, h2")]
    assert headings == [
        ("h1", "heel-press", "Heel Press"),
        ("h2", "at-a-glance", "At a glance"),
        ("h2", "description", "Description"),
        ("h2", "instructions", "Instructions"),
        ("h2", "variations", "Variations"),
        ("h2", "tips", "Tips & Tricks"),
        ("h2", "faq", "Frequently Asked Questions"),
    ]
    children = [c for c in article if c.tag in {"h1", "p", "section"}]
    assert children[0].tag == "h1"
    assert "exercise-summary" in children[1].get("class")
    assert text(children[1]).startswith("A standing calf stretch")


def test_every_sentence_of_the_seed_is_on_the_page(article: lxml_html.HtmlElement) -> None:
    page_text = text(article)
    missing = [s for s in SEED.sentences() if s not in page_text]
    assert missing == []
    assert len(SEED.sentences()) == 54  # the seed parser dropped nothing


def test_description_paragraphs_word_for_word(article: lxml_html.HtmlElement) -> None:
    paragraphs = [text(p) for p in article.cssselect("section.exercise-description > p")]
    assert paragraphs == SEED.description
    assert len(paragraphs) == 5


def test_instructions_are_a_numbered_list_in_order(article: lxml_html.HtmlElement) -> None:
    (steps,) = article.cssselect("section.exercise-instructions ol")
    # Each step's text, without the step's own "Add to sheet" control.
    assert [
        text(li.cssselect(".step-text")[0]) for li in steps.cssselect("li")
    ] == SEED.instructions
    ids = [li.get("id") for li in steps.cssselect("li")]
    assert all(i and i.startswith("step-") for i in ids)
    assert len(set(ids)) == 8


def test_tips_word_for_word(article: lxml_html.HtmlElement) -> None:
    tips = [text(li) for li in article.cssselect("section.exercise-tips li")]
    assert tips == SEED.tips


def test_faq_entries_are_collapsible_blocks_with_stable_ids(article: lxml_html.HtmlElement) -> None:
    entries = article.cssselect("section.exercise-faq details")
    assert [e.get("id") for e in entries] == FAQ_IDS
    got = [(text(e.cssselect("summary")[0]), text(e.cssselect(".faq-answer")[0])) for e in entries]
    assert got == SEED.faq


def test_every_faq_anchor_is_unique_and_linked(page: lxml_html.HtmlElement) -> None:
    for faq_id in FAQ_IDS:
        assert len(page.xpath("//*[@id=$id]", id=faq_id)) == 1, faq_id
        (entry,) = page.xpath("//details[@id=$id]", id=faq_id)
        links = entry.xpath(".//a[@href=$href]", href=f"#{faq_id}")
        assert len(links) == 1, faq_id
        assert text(links[0]) == "Link to this answer"


def test_every_id_on_the_page_is_unique(page: lxml_html.HtmlElement) -> None:
    ids = page.xpath("//@id")
    duplicates = {i for i in ids if ids.count(i) > 1}
    assert duplicates == set()


def test_at_a_glance_panel(article: lxml_html.HtmlElement) -> None:
    (panel,) = article.cssselect("section.exercise-glance dl")
    pairs = {text(div.cssselect("dt")[0]): text(div.cssselect("dd")[0]) for div in panel}
    assert pairs == {
        "Primary muscles": "Gastrocnemius",
        "Secondary muscles": "Soleus, Achilles tendon",
        "Equipment": "Wall, Body weight",
        "Level": "Beginner",
        "Category": "Stretch / mobility",
        "When to use it": "Warm-up, Cooldown, Between sets, Mobility work",
    }


def test_variations(article: lxml_html.HtmlElement) -> None:
    items = article.cssselect("section.exercise-variations li")
    assert [i.get("id") for i in items] == ["variation-straight-knee", "variation-bent-knee"]
    assert "Upper calf" in text(items[0])
    assert "Gastrocnemius" in text(items[0])
    assert "Soleus, Achilles tendon" in text(items[1])


def test_head_carries_title_description_and_absolute_canonical(
    page: lxml_html.HtmlElement,
) -> None:
    assert page.findtext(".//title").startswith("Heel Press")
    (description,) = page.xpath("//meta[@name='description']/@content")
    assert description.startswith("A standing calf stretch against a wall")
    (canonical,) = page.xpath("//link[@rel='canonical']/@href")
    assert re.fullmatch(r"https://[^/]+/exercises/heel-press/", canonical)


def test_table_of_contents_lists_the_sections(page: lxml_html.HtmlElement) -> None:
    toc = page.cssselect("nav.md-nav--secondary a.md-nav__link")
    assert [a.get("href") for a in toc] == [
        "#at-a-glance",
        "#description",
        "#instructions",
        "#variations",
        "#tips",
        "#faq",
    ]


@pytest.mark.parametrize("url", ["", PAGE, "exercises/", "editors/", "reference/record-fields/"])
def test_pages_make_no_third_party_request(built_site: BuiltSite, url: str) -> None:
    page = built_site.page(url)
    fetched = page.xpath("//script/@src | //link[@rel!='canonical']/@href | //img/@src")
    assert fetched, "the page loads the theme's assets"
    external = [u for u in fetched if re.match(r"(https?:)?//", u)]
    assert external == []
    assert "fonts.googleapis" not in (built_site.path / url / "index.html").read_text()


def test_light_and_dark_schemes(page: lxml_html.HtmlElement) -> None:
    schemes = page.xpath("//input[@data-md-color-scheme]/@data-md-color-scheme")
    assert set(schemes) == {"default", "slate"}


def test_variations_link_to_the_text_that_describes_them(article: lxml_html.HtmlElement) -> None:
    knee_angle = ("#knee-angle", "Why does the back knee angle change the stretch?")
    items = article.cssselect("section.exercise-variations li")
    see = [[(a.get("href"), text(a)) for a in li.cssselect(".see-also a")] for li in items]
    assert see == [
        [("#step-lengthen-the-calf", "Step 5"), knee_angle],
        [("#step-soften-the-knee", "Step 6"), knee_angle],
    ]
    steps = article.cssselect("ol.exercise-steps > li")
    assert [steps[4].get("id"), steps[5].get("id")] == [
        "step-lengthen-the-calf",
        "step-soften-the-knee",
    ]
    (entry,) = article.cssselect("details#knee-angle")
    assert [(a.get("href"), text(a)) for a in entry.cssselect(".see-also a")] == [
        ("#variation-straight-knee", "Straight back knee"),
        ("#variation-bent-knee", "Softly bent back knee"),
    ]
