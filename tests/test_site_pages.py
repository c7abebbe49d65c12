"""The home page, the exercise index and the generated field reference in the built site."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin

from lxml import html as lxml_html

from build_tools.checks.run import page_checker, verify_site
from build_tools.site import browse
from build_tools.site.reader import read_site
from build_tools.source.load import load_content
from build_tools.source.schema import EXERCISE_SCHEMA, load_schema

from .conftest import CORPUS_SIZE, ROOT, BuiltSite

EDITORS_PAGES = (
    "editors/",
    "reference/record-fields/",
    "reference/checks/",
    "publishing/",
    "benchmark/",
)
READERS_PAGES = ("", "exercises/", "browse/", "exercises/heel-press/", "browse/a-z/h/")


def _links(page: lxml_html.HtmlElement, css: str) -> list[tuple[str, str]]:
    return [(a.get("href"), a.text_content()) for a in page.cssselect(css)]


def _site_path(url: str, href: str) -> str:
    """The address below the site root of a link `href` on the page at `url`."""
    return urljoin(f"http://site/{url}", href).removeprefix("http://site/")


def _exercise_urls(site: Path) -> set[str]:
    found = set()
    for path in site.glob("exercises/*/index.html"):
        if lxml_html.fromstring(path.read_bytes()).cssselect("article.exercise"):
            found.add(path.parent.relative_to(site).as_posix() + "/")
    return found


def test_home_page_leads_to_the_exercises(built_site: BuiltSite) -> None:
    home = built_site.page("")
    assert "exercises and stretches" in home.text_content()
    (card,) = home.cssselect("ul.exercise-cards > li.exercise-card")
    assert _links(card, "a") == [("exercises/heel-press/", "Heel Press")]
    (summary,) = card.cssselect(".exercise-card__summary")
    assert summary.text_content().startswith("A standing calf stretch against a wall")
    # The record has a stance: its figure is its picture, with ids of its own.
    (picture,) = card.cssselect(".exercise-card__picture svg.stance-drawing")
    assert picture.get("aria-labelledby").startswith("picture-heel-press-")
    ways_in = dict((text, href) for href, text in _links(home, ".browse-entry a"))
    assert ways_in["A–Z"] == "exercises/"
    assert ways_in["muscle"] == "browse/#by-muscle"
    # One exercise is no reason for a tile: the letter bar waits for more than the page shows.
    assert home.cssselect(".letter-bar") == []
    assert home.cssselect(".home-search label[for='find-query']")


def test_home_page_at_many_exercises_shows_a_bounded_spread(corpus_site: BuiltSite) -> None:
    home = corpus_site.page("")
    shown = [href for href, _ in _links(home, ".exercise-card__name a")]
    assert len(shown) == browse.SHOWN_LIMIT < CORPUS_SIZE
    assert len(set(shown)) == len(shown)
    assert set(shown) <= _exercise_urls(corpus_site.path)
    ways_in = dict((text, href) for href, text in _links(home, ".browse-entry a"))
    assert ways_in[f"All {CORPUS_SIZE} exercises, A–Z"] == "exercises/"
    tiles = _links(home, ".browse-entry .letter-bar a")
    assert len(tiles) > 10
    assert all(href.startswith("browse/a-z/") for href, _ in tiles)


def test_the_home_spread_is_bounded_at_ten_thousand() -> None:
    many = [object() for _ in range(10_000)]
    picked = browse.spread(many)  # type: ignore[arg-type]
    assert len(picked) == browse.SHOWN_LIMIT
    assert picked[0] is many[0]
    assert len({id(p) for p in picked}) == browse.SHOWN_LIMIT
    # Spread over the whole list, not its first letter.
    positions = [many.index(p) for p in picked]
    assert positions == sorted(positions)
    assert positions[-1] > 10_000 - 2 * (10_000 // browse.SHOWN_LIMIT)
    few = [object() for _ in range(5)]
    assert browse.spread(few) == tuple(few)  # type: ignore[arg-type]


def test_every_exercise_is_one_click_from_the_a_to_z_index(corpus_site: BuiltSite) -> None:
    index = corpus_site.page("exercises/")
    tiles = {
        a.text_content(): _site_path("exercises/", a.get("href"))
        for a in index.cssselect(".letter-bar a")
    }
    counts, one_click = {}, set()
    for section in index.cssselect("section.az-letter"):
        label = section.cssselect("h2")[0].text.strip()
        summary = corpus_site.page(tiles[label]).cssselect(".browse-summary")[0].text_content()
        counts[label] = count = int(summary.split()[0])
        listed = {_site_path("exercises/", a.get("href")) for a in section.cssselect("li a")}
        assert len(listed) == min(count, browse.SHOWN_LIMIT), label
        one_click |= listed
        more = [_site_path("exercises/", a.get("href")) for a in section.cssselect(".az-more a")]
        # A letter holding more than the index lists leads to its own page for the rest.
        assert more == ([tiles[label]] if count > browse.SHOWN_LIMIT else []), label
    assert counts.keys() == tiles.keys()
    assert sum(counts.values()) == CORPUS_SIZE
    assert min(counts.values()) <= browse.SHOWN_LIMIT < max(counts.values())
    assert one_click <= _exercise_urls(corpus_site.path)


def test_exercise_index_leads_to_every_exercise_by_letter(built_site: BuiltSite) -> None:
    index = built_site.page("exercises/")
    # A single letter with a single exercise: no tile, the exercise itself.
    assert index.cssselect(".letter-bar") == []
    assert _links(index, ".az-letter ul.exercise-index a") == [
        ("../exercises/heel-press/", "Heel Press")
    ]
    letter = built_site.page("browse/a-z/h/")
    assert _links(letter, "ul.exercise-index a") == [
        ("../../../exercises/heel-press/", "Heel Press")
    ]
    target = built_site.path / "exercises" / "heel-press" / "index.html"
    assert target.is_file()


def _schema_paths(schema: dict, prefix: str = "") -> list[str]:
    paths = []
    for name, field in schema.get("properties", {}).items():
        paths.append(prefix + name)
        if field.get("type") == "object":
            paths += _schema_paths(field, f"{prefix}{name}.")
        items = field.get("items", {})
        if field.get("type") == "array" and items.get("type") == "object":
            paths += _schema_paths(items, f"{prefix}{name}[].")
    return paths


def test_field_reference_lists_every_schema_field(built_site: BuiltSite) -> None:
    reference = built_site.page("reference/record-fields/")
    cells = {td.text_content() for td in reference.cssselect("table td:first-child code")}
    expected = _schema_paths(load_schema(EXERCISE_SCHEMA))
    assert "faq[].id" in expected
    assert "muscles.primary" in expected
    assert [p for p in expected if p not in cells] == []


def test_the_built_site_passes_every_site_check(built_site: BuiltSite) -> None:
    content = load_content(ROOT / "content", ROOT)
    pages = {"heel-press": "exercises/heel-press/index.html"}
    checker = page_checker(content, pages)
    site = read_site(built_site.path, "site", pages, "https://exercises.example.org/", checker)
    assert verify_site(site, content) == []
    # It looked: every page of the site, and every link of each.
    assert {"index.html", "404.html", "reference/checks/index.html"} <= set(site.pages)
    heel_press = site.pages["exercises/heel-press/index.html"]
    assert ("browse", True, "", True) in heel_press.refs
    assert ("exercises/heel-press/index.html", False, "knee-angle", True) in heel_press.refs
    assert {"heel-press", "knee-angle", "faq"} <= heel_press.ids
    # The canonical link is absolute, under the site's address: followed like any other.
    assert ("exercises/heel-press", True, "", False) in heel_press.refs


def test_the_theme_search_engine_is_not_shipped(built_site: BuiltSite) -> None:
    # The site searches with its own index; the theme's engine would be 1.2 MB nobody loads.
    scripts = built_site.path / "assets" / "javascripts"
    assert (scripts / "find.js").is_file()
    assert list(scripts.rglob("*")) != []
    assert not (scripts / "lunr").exists()
    assert list((scripts / "workers").glob("search.*")) == []


def _sidebar(page: lxml_html.HtmlElement) -> list[str]:
    return [a.text_content().strip() for a in page.cssselect("nav.md-nav--primary a")]


def test_readers_pages_keep_the_editors_room_to_the_footer(built_site: BuiltSite) -> None:
    editors_paths = {p.rstrip("/") for p in EDITORS_PAGES}
    for url in READERS_PAGES:
        page = built_site.page(url)
        sidebar = page.cssselect("nav.md-nav--primary")[0]
        assert "For editors" not in sidebar.text_content(), url
        assert {"Home", "Exercises A–Z", "Browse exercises"} <= set(_sidebar(page)), url
        leads_to = [
            (_site_path(url, a.get("href")).rstrip("/"), a)
            for a in page.cssselect("a[href]")
            if not a.get("href").startswith(("#", "http"))
        ]
        to_editors = [a for target, a in leads_to if target in editors_paths]
        (footer_link,) = page.cssselect("footer .site-editors a")
        assert to_editors == [footer_link], url
        assert footer_link.text_content() == "For editors"


def test_editors_pages_have_a_navigation_of_their_own(built_site: BuiltSite) -> None:
    for url in EDITORS_PAGES:
        page = built_site.page(url)
        sidebar = _sidebar(page)
        assert "Exercises A–Z" not in sidebar, url
        targets = {
            _site_path(url, a.get("href")) for a in page.cssselect("nav.md-nav--primary a[href]")
        }
        assert set(EDITORS_PAGES) <= {t.split("#")[0] for t in targets}, url
