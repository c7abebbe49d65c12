"""The catalogue of checks in the built docs lists every registered code with its entry."""

from __future__ import annotations

from lxml import html as lxml_html

from build_tools.build import pipeline  # noqa: F401  (registers every check and code)
from build_tools.checks.registry import RULES

from .conftest import BuiltSite

CATALOGUE = "reference/checks/"


def text(element: lxml_html.HtmlElement) -> str:
    return " ".join(element.text_content().split())


def plain(doc: str) -> str:
    """The start of a doc paragraph as the page shows it: capitalised, code marks rendered."""
    shown = doc.replace("`", "")
    return (shown[:1].upper() + shown[1:])[:30]


def entry(heading: lxml_html.HtmlElement) -> list[lxml_html.HtmlElement]:
    """The elements under a code's heading, up to the next heading."""
    found = []
    for element in heading.itersiblings():
        if element.tag in {"h1", "h2"}:
            break
        found.append(element)
    return found


def test_every_registered_code_has_its_entry(built_site: BuiltSite) -> None:
    for code, rule in RULES.items():
        page = built_site.page(f"{CATALOGUE}{code[:2].lower()}/")
        (heading,) = page.xpath("//h2[@id=$id]", id=code.lower())
        assert text(heading).startswith(f"{code}: {rule.title}")
        body = entry(heading)
        prose = " ".join(text(e) for e in body if e.tag == "p")
        assert f"What it catches. {plain(rule.doc.catches)}" in prose, code
        assert f"Why. {plain(rule.doc.why)}" in prose, code
        assert f"How to fix. {plain(rule.doc.fix)}" in prose, code
        examples = [text(c) for e in body for c in e.xpath("self::pre/code")]
        assert examples == [rule.example]


def test_the_summary_table_links_every_code(built_site: BuiltSite) -> None:
    page = built_site.page(CATALOGUE)
    links = page.xpath("//table//a/@href")
    assert sorted(links) == sorted(f"{code[:2].lower()}/#{code.lower()}" for code in RULES)
    assert len(links) == len(RULES)


def test_the_catalogue_is_in_the_editors_nav(built_site: BuiltSite) -> None:
    guide = built_site.page("editors/")
    nav = guide.xpath("//nav[contains(@class, 'md-nav--primary')]//a/@href")
    assert "../reference/checks/" in nav
