"""Links that survive a move: an item moved to another exercise keeps its published link, and a
withdrawn exercise leaves a tombstone; the lock holds both to the content."""

from __future__ import annotations

import json
import posixpath
from pathlib import Path

import pytest
from lxml import html as lxml_html

from build_tools.build.pipeline import Project, run
from build_tools.render.moved import moved_anchor_map

from .conftest import BuiltSite, build_site, copy_project
from .moves import (
    HEEL_LIFT,
    MOVED_ID,
    NEW_NAME,
    NEW_SLUG,
    WITHDRAWN_LINKS,
    WITHDRAWN_NAME,
    WITHDRAWN_SLUG,
    add_exercise,
    move_faq,
    moves_project,
    withdraw,
)
from .test_anchors import FAQ_KEY, LOCK, at, edit, lock_command

OLD_PAGE = "exercises/heel-press/"
NEW_PAGE = f"exercises/{NEW_SLUG}/"


def findings(project: Path) -> list[str]:
    return [d.format() for d in run(Project.at(project), render=False).diagnostics]


def test_the_lock_accepts_an_answer_declared_moved(project: Path) -> None:
    move_faq(project)
    assert findings(project) == []


def test_the_lock_refuses_an_answer_removed_without_a_declared_move(project: Path) -> None:
    add_exercise(project)
    edit(project, HEEL_LIFT, "")
    faq = "content/heel-press.yaml"
    assert findings(project) == [
        f"{at(project, faq, FAQ_KEY)}: C501 locked anchor '#heel-lift' is gone: add"
        " 'aliases: [heel-lift]' to the faq entry that replaced it\n"
        f"    note: {at(project, LOCK, 'exercises/heel-press/#heel-lift')}: published as"
        " 'exercises/heel-press/#heel-lift'"
    ]


def test_a_step_and_a_variation_move_with_their_kind_prefix(project: Path) -> None:
    record = add_exercise(project)
    edit(project, "  - id: lean-in\n", "  - id: lean-forward\n")
    edit(project, "  - id: straight-knee\n", "  - id: long-leg\n")
    edit(project, "variation:straight-knee", "variation:long-leg")
    text = record.read_text()
    text = text.replace(
        "  - id: lean-in\n", "  - id: lean-in\n    moved_from: [heel-press#lean-in]\n"
    )
    text = text.replace(
        "  - id: straight-knee\n",
        "  - id: straight-knee\n    moved_from: [heel-press#straight-knee]\n",
    )
    record.write_text(text)
    assert findings(project) == []
    content = run(Project.at(project), render=False).content
    assert moved_anchor_map(content.exercises) == {
        OLD_PAGE: {
            "step-lean-in": f"{NEW_PAGE}#step-lean-in",
            "variation-straight-knee": f"{NEW_PAGE}#variation-straight-knee",
        }
    }


def test_a_move_from_a_renamed_page_is_listed_where_its_old_address_redirects(
    project: Path,
) -> None:
    move_faq(project)
    old = project / "content" / "heel-press.yaml"
    text = old.read_text().replace(
        "slug: heel-press\n", "slug: wall-calf-press\naliases: [heel-press]\n"
    )
    (project / "content" / "wall-calf-press.yaml").write_text(text)
    old.unlink()
    content = run(Project.at(project), render=False)
    assert content.diagnostics == ()
    assert moved_anchor_map(content.content.exercises) == {
        OLD_PAGE: {MOVED_ID: f"{NEW_PAGE}#{MOVED_ID}"},
        "exercises/wall-calf-press/": {MOVED_ID: f"{NEW_PAGE}#{MOVED_ID}"},
    }


def test_a_withdrawn_page_without_a_tombstone_is_refused(project: Path) -> None:
    move_faq(project)
    withdraw(project, tombstone=None)
    assert findings(project) == [
        f"{at(project, LOCK, WITHDRAWN_LINKS[0])}: C505 published page"
        f" 'exercises/{WITHDRAWN_SLUG}/' has no record: add 'aliases: [{WITHDRAWN_SLUG}]' to the"
        " record that replaced it, or its 2 locked links break (withdrawn on purpose: write"
        f" 'content/tombstones/{WITHDRAWN_SLUG}.yaml')"
    ]


def test_a_tombstone_keeps_the_locked_links_of_its_page(project: Path) -> None:
    moves_project(project)
    assert findings(project) == []
    before = (project / LOCK).read_text()
    done = lock_command(project)
    assert done.returncode == 0, done.stdout + done.stderr
    links = set((project / LOCK).read_text().splitlines())
    assert set(before.splitlines()) <= links
    assert {*WITHDRAWN_LINKS, f"{OLD_PAGE}#{MOVED_ID}", f"{NEW_PAGE}#{MOVED_ID}"} <= links


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "name: Calf Press\nwithdrawn: 2025-03-01\n",
            "content/tombstones/calf-press.yaml:1:1: S101 missing required field 'reason'",
        ),
        (
            "name: Calf Press\nwithdrawn: 1 March\nreason: Gone.\n",
            "content/tombstones/calf-press.yaml:2:12: S105 field 'withdrawn' must be a date"
            " 'YYYY-MM-DD', got '1 March'",
        ),
    ],
    ids=["no reason", "not a date"],
)
def test_a_tombstone_is_held_to_its_schema(project: Path, text: str, expected: str) -> None:
    move_faq(project)
    withdraw(project, text)
    assert expected in findings(project)


def test_a_tombstone_is_named_after_a_slug(project: Path) -> None:
    folder = project / "content" / "tombstones"
    folder.mkdir()
    (folder / "Calf Press.yaml").write_text(
        "name: Calf Press\nwithdrawn: 2025-03-01\nreason: Gone.\n"
    )
    assert findings(project) == [
        "content/tombstones/Calf Press.yaml:1:1: S105 the file name 'Calf Press' must be kebab-case"
        " (lowercase letters and digits joined by single hyphens): it is the slug of the"
        " withdrawn page"
    ]


@pytest.fixture(scope="module")
def moved_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    project = moves_project(copy_project(tmp_path_factory.mktemp("moves")))
    return build_site(project, project / "site")


def _lands(site: BuiltSite, page: str, href: str) -> lxml_html.HtmlElement:
    """The element a link written on `page` leads to, in the built site."""
    path, _, fragment = href.partition("#")
    target = posixpath.normpath(posixpath.join(page, path))
    (element,) = site.page(target + "/").xpath(f"//*[@id='{fragment}']")
    return element


def test_without_javascript_the_old_fragment_is_a_link_to_the_new_place(
    moved_site: BuiltSite,
) -> None:
    (link,) = moved_site.page(OLD_PAGE).xpath(f"//*[@id='{MOVED_ID}']")
    assert link.tag == "a"
    assert (
        link.text_content() == f"“Should my rear heel ever lift off the floor?” moved to {NEW_NAME}"
    )
    assert link.getparent().getparent().getparent().getparent().tag == "noscript"
    href = link.get("href")
    assert href == f"../../{NEW_PAGE}#{MOVED_ID}"
    entry = _lands(moved_site, OLD_PAGE, href)
    assert entry.tag == "details"
    assert "faq-entry" in entry.get("class")
    # The new page lists nothing as moved away: nothing left it.
    assert moved_site.page(NEW_PAGE).xpath("//noscript//a[@class='moved-anchor']") == []


def test_the_map_of_moved_anchors_says_where_each_went(moved_site: BuiltSite) -> None:
    moved = json.loads((moved_site.path / "moved-anchors.json").read_text())
    assert moved == {
        f"exercises/{WITHDRAWN_SLUG}/": {"knee-over-toes": f"{NEW_PAGE}#common-mistake"},
        OLD_PAGE: {MOVED_ID: f"{NEW_PAGE}#{MOVED_ID}"},
    }


def test_a_withdrawn_exercise_leaves_a_tombstone_page(moved_site: BuiltSite) -> None:
    page = moved_site.page(f"exercises/{WITHDRAWN_SLUG}/")
    assert page.xpath("//meta[@name='robots']/@content") == ["noindex"]
    assert page.xpath("//h1/text()") == [f"{WITHDRAWN_NAME} was withdrawn"]
    assert page.xpath("//time/@datetime") == ["2025-03-01"]
    (replaced,) = page.xpath("//a[@id='replaced-by']")
    assert (replaced.get("href"), replaced.text) == (f"../../{NEW_PAGE}", NEW_NAME)
    (moved,) = page.xpath("//noscript//a[@id='knee-over-toes']")
    assert moved.get("href") == f"../../{NEW_PAGE}#common-mistake"
