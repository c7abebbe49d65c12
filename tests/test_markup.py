"""Record text with a little formatting: emphasis, links and lists render in a real build, every
other construct shows literally, hostile links are refused with a finding, internal links land
through old slugs and ids, and the built-site check compares the page with the text as read."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from lxml import html as lxml_html

from build_tools.build.pipeline import Pipeline, Project, run
from build_tools.checks.run import check_built_site
from build_tools.render.markup import pieces, plain, render
from build_tools.source.load import load_content
from build_tools.speed.cache import FileCache

from .conftest import BuiltSite, build_site, copy_project

PAGE = "exercises/heel-press/"

DESCRIPTION = """\
  - |
    Three things **matter** in a *Heel Press*:

    - a straight back leg;
    - the rear heel on the floor;
    - a slow lean:
      - breathe out as you go in.
  - |
    - Press the floor away through the rear heel.
    - Let the breath slow the lean.
"""
HOSTILE_ANSWER = (
    "      No. If the heel lifts (read [the Achilles guide](https://example.org/achilles),"
    " not <b>this</b> or <script>window.__pwned = 1</script> or ![x](y) or `code`),"
)


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def formatted_project(target: Path) -> Path:
    """The project with a second exercise, Wall Sit, renamed from `old-wall-sit` (a page alias)
    whose `heel-lift` entry was once `old-question`; Heel Press's text formatted and linking
    to it by the old names."""
    project = copy_project(target)
    content = project / "content"
    heel_press = content / "heel-press.yaml"
    wall_sit = content / "wall-sit.yaml"
    shutil.copy(heel_press, wall_sit)
    _edit(
        wall_sit,
        "name: Heel Press\nslug: heel-press\n",
        "name: Wall Sit\nslug: wall-sit\naliases: [old-wall-sit]\n",
    )
    _edit(wall_sit, "  - id: heel-lift\n", "  - id: heel-lift\n    aliases: [old-question]\n")
    _edit(heel_press, "description:\n", "description:\n" + DESCRIPTION)
    _edit(
        heel_press,
        "    Keep pressure through the whole back foot,",
        "    Keep pressure through the [whole back foot](old-wall-sit#old-question),",
    )
    _edit(
        heel_press,
        "a softer knee\n    shifts more",
        "a [softer knee](#variation-bent-knee)\n    shifts more",
    )
    _edit(heel_press, "      No. If the heel lifts,", HOSTILE_ANSWER)
    _edit(heel_press, "\nfaq:\n", "\n  - '[Try the Wall Sit next.](wall-sit)'\nfaq:\n")
    return project


@pytest.fixture(scope="module")
def formatted(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, BuiltSite]:
    project = formatted_project(tmp_path_factory.mktemp("formatted"))
    return project, build_site(project, tmp_path_factory.mktemp("formatted-site"))


@pytest.fixture(scope="module")
def article(formatted: tuple[Path, BuiltSite]) -> lxml_html.HtmlElement:
    return formatted[1].page(PAGE).cssselect("article.exercise")[0]


def _text(element: lxml_html.HtmlElement) -> str:
    return " ".join(element.text_content().split())


# Rendered in a real build


def test_emphasis_and_lists_render_as_markup(article: lxml_html.HtmlElement) -> None:
    description = article.cssselect("section.exercise-description")[0]
    first = description.cssselect("p")[0]
    assert _text(first) == "Three things matter in a Heel Press:"
    assert [_text(e) for e in first.cssselect("strong")] == ["matter"]
    assert [_text(e) for e in first.cssselect("em")] == ["Heel Press"]
    lists = description.cssselect("ul")
    items = [[_text(li) for li in ul.xpath("li")] for ul in lists]
    assert items == [
        [
            "a straight back leg;",
            "the rear heel on the floor;",
            "a slow lean: breathe out as you go in.",
        ],
        ["breathe out as you go in."],
        ["Press the floor away through the rear heel.", "Let the breath slow the lean."],
    ]
    # A paragraph that is only a list is the list: no <p> around it, none inside a tight list.
    assert [ul.getparent() is description for ul in lists] == [True, False, True]
    assert description.cssselect("li p") == []
    assert "**" not in description.text_content()


def test_links_land_on_the_current_page_and_id_through_old_ones(
    article: lxml_html.HtmlElement, formatted: tuple[Path, BuiltSite]
) -> None:
    links = {_text(a): a.attrib for a in article.cssselect(".tip-list a")}
    # The old slug and the old FAQ id are written as the page and the id they are now.
    assert links["whole back foot"] == {"href": "../../exercises/wall-sit/#heel-lift"}
    assert links["softer knee"] == {"href": "#variation-bent-knee"}
    assert links["Try the Wall Sit next."] == {"href": "../../exercises/wall-sit/"}
    target = formatted[1].page("exercises/wall-sit/")
    assert target.cssselect("#heel-lift")
    (external,) = article.cssselect(".faq-answer a[href^='https:']")
    assert _text(external) == "the Achilles guide"
    assert external.attrib == {
        "href": "https://example.org/achilles",
        "rel": "external nofollow noopener",
    }


def test_raw_html_and_other_markup_show_literally(
    article: lxml_html.HtmlElement, formatted: tuple[Path, BuiltSite]
) -> None:
    answer = article.cssselect("#heel-lift .faq-answer")[0]
    shown = _text(answer)
    assert "not <b>this</b> or <script>window.__pwned = 1</script> or ![x](y) or `code`" in shown
    assert answer.xpath(".//b | .//script | .//img | .//code") == []
    # Nothing the record wrote became an element but the renderer's own, and none has a style
    # or a handler for the page's Content-Security-Policy to refuse.
    written = article.cssselect(".exercise-description > :not(h2), .tip-list > li, .faq-answer")
    tags = {e.tag for block in written for e in block.iterdescendants()}
    assert {"strong", "em", "a", "li"} <= tags
    assert tags <= {"p", "ul", "ol", "li", "em", "strong", "a", "span"}
    assert article.xpath(".//*[@style] | .//script | .//*[@onclick]") == []
    headers = (formatted[1].path / "_headers").read_text()
    assert "script-src 'self'" in headers
    assert "'unsafe-inline'" not in headers.split("script-src", 1)[1].split(";", 1)[0]


def test_search_and_structured_data_read_the_text_without_markup(
    formatted: tuple[Path, BuiltSite],
) -> None:
    site = formatted[1].path
    indexed = "".join(
        p.read_text(encoding="utf-8") for p in site.rglob("*.json") if "search" in p.as_posix()
    )
    assert "Three things matter in a Heel Press:" in indexed
    assert "Keep pressure through the whole back foot," in indexed
    assert "**" not in indexed
    assert "old-wall-sit" not in indexed
    assert "example.org/achilles" not in indexed
    page = formatted[1].page(PAGE)
    (script,) = page.xpath("/html/head/script[@type='application/ld+json']")
    answers = [
        node["acceptedAnswer"]["text"]
        for node in json.loads(script.text)["@graph"]
        if node["@type"] == "Question"
    ]
    assert any(a.startswith("No. If the heel lifts (read the Achilles guide, not") for a in answers)


# The built-site check of record text


def test_h102_passes_on_formatted_text_and_fails_when_a_word_is_lost(
    formatted: tuple[Path, BuiltSite], tmp_path: Path
) -> None:
    project, built = formatted
    content = load_content(project / "content", project)
    pages = {e.slug: f"exercises/{e.slug}/index.html" for e in content.exercises}
    site = tmp_path / "site"
    shutil.copytree(built.path, site)
    assert check_built_site(site, "site", content, pages) == []
    page = site / PAGE / "index.html"
    _edit(page, "<li>the rear heel on the floor;</li>", "<li>the rear heel on floor;</li>")
    _edit(page, "through the <a", "the <a")
    found = check_built_site(site, "site", content, pages)
    assert [(d.code, d.message) for d in found] == [
        ("H102", "description[0] is missing"),
        ("H102", "tips[1] is missing"),
    ]
    assert [str(d.notes[0].location) for d in found] == [
        "content/heel-press.yaml:13:5",
        "content/heel-press.yaml:99:5",
    ]


# Findings


def _findings(project: Path) -> list[str]:
    return [d.format() for d in run(Project.at(project)).diagnostics]


def test_a_javascript_link_is_refused_with_its_finding(project: Path) -> None:
    _edit(
        project / "content" / "heel-press.yaml",
        "    Keep pressure through the whole back foot,",
        "    Keep pressure [through](javascript:alert(1)) the [whole](JavaScript:x) back foot,",
    )
    assert _findings(project) == [
        "content/heel-press.yaml:89:5: C506 tips[1] links to 'javascript:alert(1)': the scheme"
        " 'javascript:'; only https pages may be linked",
        "content/heel-press.yaml:89:5: C506 tips[1] links to 'JavaScript:x': the scheme"
        " 'javascript:'; only https pages may be linked",
    ]


def test_links_to_a_missing_exercise_or_entry_are_refused(project: Path) -> None:
    _edit(
        project / "content" / "heel-press.yaml",
        "    Keep pressure through the whole back foot,",
        "    Keep pressure [through](wall-sit) the [whole](heel-press#step-lean) [back](#faq) foot,",
    )
    assert _findings(project) == [
        "content/heel-press.yaml:89:5: C507 tips[1] links to 'wall-sit': no exercise of the site",
        "content/heel-press.yaml:89:5: C508 tips[1] links to 'heel-press#step-lean': 'Heel Press'"
        " has no step, variation, FAQ entry or section with the id 'step-lean'",
    ]


def test_prose_checks_read_the_text_as_shown(project: Path) -> None:
    # `**Keep` starts with a capital for the reader (C402), and a muscle named in a link's
    # address is not named in the text (C302).
    _edit(
        project / "content" / "heel-press.yaml",
        "    Keep pressure through the whole back foot,",
        "    **Keep** pressure through the [whole](https://example.org/hamstrings) back foot,",
    )
    assert _findings(project) == []


def test_links_in_plain_fields_are_text(project: Path) -> None:
    # A step is plain text: what would be a hostile link there is shown as written.
    _edit(
        project / "content" / "heel-press.yaml",
        "      Stand facing a wall",
        "      Stand [facing](javascript:alert(1)) a wall",
    )
    assert _findings(project) == []


# The renderer on its own


def test_plain_is_what_the_reader_reads() -> None:
    text = "Keep **the heel** *down* ([why](#heel-lift)):\n\n- one;\n- two\n  1. nested."
    assert pieces(text) == ("Keep the heel down (why):", "one;", "two", "nested.")
    assert plain(text) == "Keep the heel down (why):\none;\ntwo\nnested."
    assert plain("Plain text, *as* it was.") == "Plain text, as it was."
    assert plain(r"A literal \*star\* and 10\. reps.") == "A literal *star* and 10. reps."


def test_every_other_construct_is_the_characters_written(loaded: tuple) -> None:
    exercise, _ = loaded
    for text in (
        "# Not a heading",
        "> not a quote",
        "`not code`",
        "![not an image](https://example.org/x.png)",
        "| not | a table |",
        "<https://example.org> and https://example.org are not links",
        "&amp; &lt;b&gt; stay as written",
        "<b onclick='x()'>not bold</b> <script>alert(1)</script>",
        "---",
        "    not code either",
    ):
        # After a paragraph with emphasis, so that the parser reads it: text with no mark of
        # the subset skips it.
        html = str(render(f"*Shown*\n\n{text}", exercise))
        tree = lxml_html.fragment_fromstring(html, create_parent="div")
        assert [e.tag for e in tree.iter()] == ["div", "p", "em", "p"], html
        assert _text(tree[1]) == " ".join(text.split()), html


def test_a_refused_link_reaching_the_renderer_shows_its_label_unlinked(loaded: tuple) -> None:
    exercise, _ = loaded
    html = str(render("[Click](javascript:alert(1)) [here](data:text/html,x).", exercise))
    assert html == "<p>Click here.</p>"


def test_a_page_is_rendered_again_when_a_link_of_its_text_moves(tmp_path: Path) -> None:
    # `mkdocs serve` keeps the page of an unchanged record; a link in its text to another
    # record's entry must follow that entry when only the other record changes.
    project = formatted_project(tmp_path)
    # Of another category, Wall Sit is no related exercise: only the link ties the two pages.
    _edit(project / "content" / "wall-sit.yaml", "category: stretch", "category: strength")
    cache: FileCache = FileCache()

    def tip_link() -> str:
        pages = Pipeline(Project.at(project), cache).run().pages
        page = next(p for p in pages if p.slug == "heel-press")
        assert "related-exercises" not in page.anchors
        tree = lxml_html.fragment_fromstring(page.html, create_parent="div")
        return str(tree.cssselect(".tip-list a")[0].get("href"))

    assert tip_link() == "../../exercises/wall-sit/#heel-lift"
    _edit(
        project / "content" / "wall-sit.yaml",
        "  - id: heel-lift\n    aliases: [old-question]\n",
        "  - id: heel-rise\n    aliases: [old-question, heel-lift]\n",
    )
    assert tip_link() == "../../exercises/wall-sit/#heel-rise"
