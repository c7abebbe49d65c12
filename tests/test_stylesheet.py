"""The site's one stylesheet (build_tools/site/stylesheet.py): the theme's rules that no page can
match left out, nothing that one can; and the built site links it alone."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import html as lxml_html

from build_tools.site.stylesheet import SITE_STYLESHEET, Names, combined, purged, site_stylesheet

from .conftest import ROOT, BuiltSite, copy_project, serve_build

NAMES = Names(
    classes=frozenset({"md-typeset", "kept"}),
    ids=frozenset({"__drawer"}),
    elements=frozenset({"html", "body", "p", "a", "ul", "li"}),
    script_words=frozenset({"added-by-script"}),
)


def _purge(css: str, elsewhere: str = "") -> str:
    return purged([css], NAMES, elsewhere)


@pytest.mark.parametrize(
    "rule",
    [
        ".kept{color:red}",
        ".md-typeset p{margin:0}",
        "a:hover{color:red}",
        ".kept:not(.absent){color:red}",  # what :not() names need not be on a page
        ":is(.absent,.other) .kept{color:red}",
        "[data-md-color-scheme=slate] .kept{color:red}",
        "#__drawer:checked~.kept{color:red}",
        ".added-by-script{color:red}",  # a class a script sets
        "*{box-sizing:border-box}",
        ".absent,.kept{color:red}",  # one selector that can match keeps the list whole
        "@keyframes spin{0%{color:red}}",
        "@font-face{font-family:x}",
    ],
)
def test_a_rule_a_page_can_match_stays_as_it_is(rule: str) -> None:
    assert _purge(rule) == combined([rule])


@pytest.mark.parametrize(
    "rule",
    [
        ".absent{color:red}",
        ".md-typeset table{margin:0}",  # no page holds a table
        ".kept .absent{color:red}",
        ".kept>.absent{color:red}",
        "#nowhere{color:red}",
        "@media screen{.absent{color:red}}",  # an at-rule left empty goes too
        "@supports (display:grid){@media print{.absent{color:red}}}",
    ],
)
def test_a_rule_no_page_can_match_goes(rule: str) -> None:
    assert _purge(rule).strip() == ""


def test_inside_an_at_rule_only_what_can_match_stays() -> None:
    assert _purge("@media screen{.absent{color:red}.kept{color:blue}}").strip() == (
        "@media screen{.kept{color:blue}}"
    )


def test_a_custom_property_stays_while_something_reads_it() -> None:
    css = ":root{--read:1px;--unread:url(\"data:image/svg+xml;a,<svg x='1'/>\");--by-ours:2px;--chain:3px;--only-by-unread:var(--chain)}.kept{width:var(--read)}"
    out = _purge(css, elsewhere=".mine{height:var(--by-ours)}")
    assert "--read:1px" in out
    assert "--by-ours:2px" in out
    assert "--unread" not in out
    # Read only by a property that goes: goes too.
    assert "--only-by-unread" not in out
    assert "--chain" not in out


def test_one_charset_first_and_no_source_map() -> None:
    out = combined(
        ['@charset "UTF-8";.a{}\n/*# sourceMappingURL=a.css.map */', '@charset "UTF-8";.b{}']
    )
    assert out.startswith('@charset "UTF-8";')
    assert out.count("@charset") == 1
    assert "sourceMappingURL" not in out


def test_every_page_links_the_one_stylesheet(built_site: BuiltSite) -> None:
    site = built_site.path
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 10
    for path in pages:
        page = lxml_html.fromstring(path.read_bytes())
        if page.xpath("//meta[@http-equiv='refresh']"):
            continue  # a redirect page shows nothing
        links = [href.rpartition("/")[2] for href in page.xpath("//link[@rel='stylesheet']/@href")]
        assert links[0] == "site.css", path
        # The one other is read only where no script runs.
        assert links[1:] in ([], ["noscript.css"]), path


def test_the_one_stylesheet_holds_the_sites_own_sheets_whole_and_less_of_the_theme(
    built_site: BuiltSite,
) -> None:
    site = built_site.path
    written = (site / SITE_STYLESHEET).read_text()
    docs = ROOT / "docs"
    for own in ("exercise.css", "find.css", "muscle-map.css", "sheet.css"):
        assert (docs / "assets" / "stylesheets" / own).read_text().strip() in written
    whole = site_stylesheet(site, docs, ["assets/stylesheets/exercise.css"])
    assert len(written) < len(whole[SITE_STYLESHEET]) * 0.7
    assert ".md-typeset .tabbed-set" in whole[SITE_STYLESHEET].decode()
    assert ".md-typeset .tabbed-set" not in written  # no page of the site has content tabs


def test_a_rebuild_keeps_the_rules_a_page_has_come_to_need(tmp_path: Path) -> None:
    """An editor's page that gains a warning box (an admonition) in a `--dirty` rebuild: the
    stylesheet holds the theme's rules for it at once, as a clean build's does; a stylesheet
    made from the pages' earlier facts would leave the box unstyled."""
    project = copy_project(tmp_path / "project")
    site = tmp_path / "site"
    serve_build(project, site, dirty=True)
    assert ".md-typeset .admonition.warning" not in (site / SITE_STYLESHEET).read_text()
    guide = project / "docs" / "editors" / "index.md"
    guide.write_text(guide.read_text() + '\n\n!!! warning "Before you publish"\n\n    Run check.\n')
    serve_build(project, site, dirty=True)
    rebuilt = (site / SITE_STYLESHEET).read_bytes()
    assert b".md-typeset .admonition.warning" in rebuilt
    serve_build(project, tmp_path / "clean", dirty=False)
    assert (tmp_path / "clean" / SITE_STYLESHEET).read_bytes() == rebuilt
