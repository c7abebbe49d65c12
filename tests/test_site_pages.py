"""The home page, the exercise index and the generated field reference in the built site."""

from __future__ import annotations

from lxml import html as lxml_html

from build_tools.checks.run import page_checker, verify_site
from build_tools.site.reader import read_site
from build_tools.source.load import load_content
from build_tools.source.schema import EXERCISE_SCHEMA, load_schema

from .conftest import ROOT, BuiltSite


def _links(page: lxml_html.HtmlElement, css: str) -> list[tuple[str, str]]:
    return [(a.get("href"), a.text_content()) for a in page.cssselect(css)]


def test_home_page_leads_to_the_exercises(built_site: BuiltSite) -> None:
    home = built_site.page("")
    assert "exercises and stretches" in home.text_content()
    ways_in = dict((text, href) for href, text in _links(home, ".browse-entry a"))
    assert ways_in["A–Z"] == "exercises/"
    assert ways_in["muscle"] == "browse/#by-muscle"
    assert _links(home, ".browse-entry .letter-bar a") == [("browse/a-z/h/", "H")]


def test_exercise_index_leads_to_every_exercise_by_letter(built_site: BuiltSite) -> None:
    index = built_site.page("exercises/")
    assert _links(index, ".letter-bar a") == [("../browse/a-z/h/", "H")]
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
    assert ("reference/record-fields", True, "", True) in heel_press.refs
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
