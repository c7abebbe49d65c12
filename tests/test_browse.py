"""Browse: groups, pages of bounded size, related exercises, and the generated pages in a built
site of generated records (links resolve, no page grows with the number of exercises)."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from lxml import html as lxml_html

from build_tools.build.pipeline import Project, run
from build_tools.model import Exercise
from build_tools.site import browse
from build_tools.source.load import load_content

from .bench.corpus import load_corpus, write_project
from .conftest import CORPUS_SIZE, BuiltSite

MAX_PAGE_BYTES = 50_000
"""No page grows with the number of exercises; an exercise page carries its muscle map (an
inline SVG of about 12 KB) and its stance figure, the largest fixed parts."""


@pytest.fixture(scope="module")
def exercises(tmp_path_factory: pytest.TempPathFactory) -> tuple[Exercise, ...]:
    root = write_project(tmp_path_factory.mktemp("browse"), 130, load_corpus())
    content = load_content(root / "content", root)
    assert content.vocabulary is not None
    return content.exercises


def test_letters() -> None:
    assert browse.letter("Barbell Squat") == "b"
    assert browse.letter("3/4 Sit-Up") == browse.DIGITS
    assert browse.letter("Élan Stretch") == "e"
    assert browse.letter("(Band) Pull-Apart") == "b"


def test_groups_are_a_to_z_and_pages_are_bounded(
    exercises: tuple[Exercise, ...], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(browse, "PAGE_SIZE", 7)
    vocabulary = load_content(Path("content"), Path(".")).vocabulary
    assert vocabulary is not None
    groups = browse.groups(exercises, vocabulary)
    for group in groups:
        names = [e.name.casefold() for e in group.exercises]
        assert names == sorted(names)
        pages = [group.page(n) for n in range(1, group.pages + 1)]
        assert all(1 <= len(p) <= 7 for p in pages)
        assert [e for p in pages for e in p] == list(group.exercises)
    by_letter = [e for g in groups if g.kind == "letter" for e in g.exercises]
    assert sorted(e.slug for e in by_letter) == sorted(e.slug for e in exercises)


def test_no_equipment_is_body_weight_alone(exercises: tuple[Exercise, ...]) -> None:
    vocabulary = load_content(Path("content"), Path(".")).vocabulary
    assert vocabulary is not None
    (none,) = [g for g in browse.groups(exercises, vocabulary) if g.term == browse.NO_EQUIPMENT]
    assert {e.slug for e in none.exercises} == {
        e.slug for e in exercises if e.equipment == ("body-weight",)
    }
    assert none.url() == "browse/equipment/none/"
    assert none.url(2) == "browse/equipment/none/2/"


def test_related_share_a_primary_muscle_and_the_category(exercises: tuple[Exercise, ...]) -> None:
    related = browse.related(exercises)
    assert set(related) == {e.slug for e in exercises}
    assert any(related.values())
    for exercise in exercises:
        others = related[exercise.slug]
        assert len(others) <= browse.RELATED_LIMIT
        assert exercise not in others
        for other in others:
            assert other.category == exercise.category
            assert set(other.primary_muscles) & set(exercise.primary_muscles)


def test_related_prefers_the_closest_exercises(exercises: tuple[Exercise, ...]) -> None:
    related = browse.related(exercises)["pullups"]
    # The same movement with a modifier shares muscles, head word and equipment.
    assert related[0].name == "Paused Pullups"
    assert all("pull" in o.name.lower() for o in related[:3])


def test_equipment_none_is_reserved(project: Path) -> None:
    terms = project / "content" / "vocabulary" / "terms.yaml"
    text = terms.read_text().replace("equipment:\n", "equipment:\n  none: {name: Nothing}\n")
    terms.write_text(text)
    result = run(Project.at(project), render=False)
    assert [d.format() for d in result.diagnostics] == [
        "content/vocabulary/terms.yaml:16:3: C801 equipment id 'none' is reserved for exercises"
        " that need no equipment"
    ]


def test_slug_index_is_reserved(project: Path) -> None:
    source = (project / "content" / "heel-press.yaml").read_text()
    (project / "content" / "index.yaml").write_text(
        source.replace("name: Heel Press\nslug: heel-press", "name: Heel Press Index\nslug: index")
    )
    result = run(Project.at(project), render=False)
    assert [d.format() for d in result.diagnostics] == [
        "content/index.yaml:3:7: C802 slug 'index' is reserved for the exercise index"
    ]


# The built site of generated records


def html_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "assets" not in p.parts)


def url_of(site: Path, page: Path) -> str:
    relative = page.relative_to(site).as_posix()
    return "/" + relative.removesuffix("index.html")


def target_of(site: Path, url: str) -> Path:
    path = urlsplit(url).path.lstrip("/")
    return site / path / "index.html" if path.endswith("/") or not path else site / path


@pytest.fixture(scope="module")
def pages(corpus_site: BuiltSite) -> dict[str, lxml_html.HtmlElement]:
    site = corpus_site.path
    return {url_of(site, p): lxml_html.fromstring(p.read_bytes()) for p in html_pages(site)}


def test_every_internal_link_and_fragment_resolves(
    corpus_site: BuiltSite, pages: dict[str, lxml_html.HtmlElement]
) -> None:
    broken = []
    for url, tree in pages.items():
        for href in tree.xpath("//a/@href | //link[@rel='stylesheet']/@href | //script/@src"):
            if re.match(r"[a-z]+:", href) or href.startswith("//"):
                continue
            absolute = urljoin(f"http://site{url}", href)
            target = urlsplit(absolute)
            if not target_of(corpus_site.path, target.path).is_file():
                broken.append((url, href))
            elif target.fragment and target.path in pages:
                ids = set(pages[target.path].xpath("//@id"))
                if target.fragment not in ids:
                    broken.append((url, href))
    assert broken == []


def test_no_page_over_50_kb(corpus_site: BuiltSite) -> None:
    sizes = {p: p.stat().st_size for p in html_pages(corpus_site.path)}
    assert len(sizes) > CORPUS_SIZE
    assert max(sizes.values()) <= MAX_PAGE_BYTES


def test_the_sidebar_never_lists_exercises(pages: dict[str, lxml_html.HtmlElement]) -> None:
    sidebars = set()
    for url, tree in pages.items():
        links = tree.xpath("//nav[contains(@class, 'md-nav--primary')]//a/@href")
        targets = [urlsplit(urljoin(f"http://site{url}", h)).path for h in links]
        assert [t for t in targets if re.fullmatch(r"/exercises/[^/]+/", t)] == []
        if url.startswith("/exercises/") and url.count("/") == 3:
            (sidebar,) = tree.xpath("//nav[contains(@class, 'md-nav--primary')]")
            sidebars.add(lxml_html.tostring(sidebar))
    assert len(sidebars) == 1  # the same for every exercise, whatever their number


def test_the_a_to_z_index_leads_to_every_exercise(
    pages: dict[str, lxml_html.HtmlElement],
) -> None:
    letters = pages["/exercises/"].xpath("//nav[@class='letter-bar']//a/@href")
    assert letters[0] == "../browse/a-z/0-9/"
    listed = set()
    for href in letters:
        url = urljoin("http://site/exercises/", href).removeprefix("http://site")
        listed.update(pages[url].xpath("//ul[@class='exercise-index']//a/@href"))
    exercise_pages = {u for u in pages if u.startswith("/exercises/") and u.count("/") == 3}
    assert len(listed) == len(exercise_pages) == CORPUS_SIZE


def test_exercise_pages_link_their_terms_and_related_exercises(
    pages: dict[str, lxml_html.HtmlElement],
) -> None:
    page = pages["/exercises/pullups/"]
    glance = {
        div.findtext("dt"): [(a.text, a.get("href")) for a in div.iter("a")]
        for div in page.cssselect("section.exercise-glance dl > div")
    }
    assert glance["Primary muscles"] == [("Latissimus dorsi", "../../browse/muscle/lats/")]
    assert glance["Equipment"] == [("Body weight", "../../browse/equipment/body-weight/")]
    assert glance["Level"] == [("Beginner", "../../browse/level/beginner/")]
    lats = pages["/browse/muscle/lats/"]
    assert "../../../exercises/pullups/" in lats.xpath("//ul[@class='exercise-index']//a/@href")
    related = page.xpath("//ul[@class='related-list']//a/@href")
    assert 1 <= len(related) <= browse.RELATED_LIMIT
    assert "../../exercises/v-bar-pullup/" in related


def test_no_equipment_page_and_the_filter_page_without_javascript(
    pages: dict[str, lxml_html.HtmlElement],
) -> None:
    none = pages["/browse/equipment/none/"]
    assert none.findtext(".//h1") == "No-equipment exercises"
    filter_page = pages["/browse/"]
    (form,) = filter_page.cssselect("form.browse-form")
    # In the page from the start (nothing moves when browse.js takes it up), hidden from
    # readers without JavaScript by the stylesheet only they load.
    assert form.get("hidden") is None
    (noscript,) = filter_page.xpath("//head/noscript/link[@rel='stylesheet']/@href")
    assert noscript.endswith("assets/stylesheets/noscript.css")
    links = filter_page.xpath("//section[@class='browse-section']//a/@href")
    assert "../browse/equipment/none/" in links
    assert "../browse/muscle/lats/" in links
    assert "../browse/level/beginner/" in links
    options = form.xpath(".//select[@name='equipment']/option/@value")
    assert options[:2] == ["", "none"]
