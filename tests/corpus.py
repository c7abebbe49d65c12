"""The corpus of broken records: `tests/broken/<CODE>.yaml`, each a list of cases that break a
copy of the project and the exact findings they must give.

A case edits files of a scratch project (`content/`, `templates/`, `docs/`) or of a small
built site (`site/`: the Heel Press page rendered by the project's templates into the
skeleton in `tests/broken/site/`), then runs what `check` runs, or the built-site checks;
`make: fifo|folder` and `link_to` put in a file that is not a plain one; `image` makes a
picture with Pillow (never a committed one), `video` the first bytes of a video container.
A case with `schema` and `text` validates one YAML text against that schema instead.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jsonschema
import yaml
from PIL import Image

from build_tools.addresses import base_of
from build_tools.build.pipeline import Project, run
from build_tools.checks.run import check_built_site
from build_tools.render.environment import make_environment
from build_tools.render.exercise import render_exercise
from build_tools.site import browse
from build_tools.site.browse_pages import browse_pages
from build_tools.source.load import load_content
from build_tools.source.schema import translate
from build_tools.source.yaml_nodes import parse_yaml

from .conftest import copy_project

CORPUS = Path(__file__).resolve().parent / "broken"
SKELETON = CORPUS / "site"
SITE_URL = "https://exercises.example.org/"


@dataclass(frozen=True)
class Case:
    code: str
    name: str
    expect: list[str]
    edits: list[dict[str, Any]] = field(default_factory=list)
    schema: dict[str, Any] | None = None
    text: str = ""
    site: bool = False

    @property
    def id(self) -> str:
        return f"{self.code}: {self.name}"

    @property
    def on_site(self) -> bool:
        return self.site or any(edit["file"].startswith("site/") for edit in self.edits)


def load_cases() -> list[Case]:
    cases = []
    for path in sorted(CORPUS.glob("*.yaml")):
        for raw in yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]:
            cases.append(Case(code=path.stem, **raw))
    return cases


def build_small_site(project: Path) -> None:
    """The Heel Press page and the browse pages it links to, rendered by the project's own
    templates, in a fixed skeleton, so that line numbers depend on our templates only, never
    on the theme."""
    content = load_content(project / "content", project)
    assert content.vocabulary is not None
    env = make_environment(project / "templates" / "pages")
    site = project / "site"
    (site / "assets").mkdir(parents=True)
    shutil.copy(SKELETON / "site.css", site / "assets" / "site.css")
    shutil.copy(SKELETON / "index.html", site / "index.html")
    skeleton = (SKELETON / "page.html").read_text(encoding="utf-8")

    def write(url: str, title: str, body: str) -> None:
        # The skeleton is written for a page two folders deep: `../../` is the site root.
        html = skeleton.replace('"../../', f'"{base_of(url)}')
        html = html.replace("{title}", title).replace("{body}", body.rstrip("\n"))
        folder = site / url
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "index.html").write_text(html, encoding="utf-8")

    for exercise in content.exercises:
        page = render_exercise(env, exercise, content.vocabulary)
        write(page.url, page.title, page.html)
    groups = browse.groups(browse.a_to_z(content.exercises), content.vocabulary)
    for other in browse_pages(env, groups, len(content.exercises)):
        write(other.url, other.title, other.html)
    # What an exercise page's "Add to sheet" links lead to.
    write("sheet/", "Sheet", "<p>The sheet.</p>")
    (site / "assets" / "stylesheets").mkdir()
    sheet_css = project / "docs" / "assets" / "stylesheets" / "sheet.css"
    shutil.copy(sheet_css, site / "assets" / "stylesheets" / "sheet.css")


VIDEO_HEADERS = {
    # An ISO media file opens with its `ftyp` box: size, `ftyp`, brand.
    "mp4": b"\x00\x00\x00\x18ftypisom\x00\x00\x02\x00isomiso2",
    # EBML's magic number, then a header whose DocType is `webm`.
    "webm": b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\x82\x84webm",
}


def make_image(
    path: Path, *, format: str, width: int = 64, height: int = 48, truncate: int | None = None
) -> None:
    """A picture made now with Pillow: a gradient, so that it is not one flat colour."""
    image = Image.linear_gradient("L").resize((width, height)).convert("RGB")
    image.save(path, format)
    if truncate is not None:
        path.write_bytes(path.read_bytes()[:truncate])


def apply(edit: dict[str, Any], project: Path) -> None:
    path = project / edit["file"]
    if edit["file"].startswith("content/media/"):  # the project has no media of its own
        path.parent.mkdir(parents=True, exist_ok=True)
    if "make" in edit:  # a file that is not a plain one, in place of what was there
        if path.is_file():
            path.unlink()
        if edit["make"] == "fifo":
            os.mkfifo(path)
        else:
            assert edit["make"] == "folder", edit
            path.mkdir()
    if "link_to" in edit:
        path.symlink_to(edit["link_to"])
    if "image" in edit:
        make_image(path, **edit["image"])
    if "video" in edit:
        path.write_bytes(VIDEO_HEADERS[edit["video"]] + bytes(256))
    if "copy_from" in edit:
        shutil.copy(project / edit["copy_from"], path)
    if "move_to" in edit:
        path.rename(project / edit["move_to"])
        return
    if "write" in edit:
        path.write_text(edit["write"], encoding=edit.get("encoding", "utf-8"))
    if "replace" in edit:
        text = path.read_text(encoding="utf-8")
        assert edit["replace"] in text, f"{edit['file']} has no {edit['replace']!r}"
        path.write_text(text.replace(edit["replace"], edit["with"], 1), encoding="utf-8")


def findings(case: Case, scratch: Path) -> list[str]:
    """What the tools print for the broken copy: every line, notes included."""
    if case.schema is not None:
        parsed = parse_yaml(case.text, "content/record.yaml")
        validator = jsonschema.Draft202012Validator(case.schema)
        found = [d for e in validator.iter_errors(parsed.data) for d in translate(e, parsed.source)]
    else:
        project = copy_project(scratch)
        if case.on_site:
            build_small_site(project)
        for edit in case.edits:
            apply(edit, project)
        if case.on_site:
            content = load_content(project / "content", project)
            pages = {e.slug: f"exercises/{e.slug}/index.html" for e in content.exercises}
            found = check_built_site(project / "site", "site", content, pages, SITE_URL)
        else:
            found = list(run(Project.at(project)).diagnostics)
    return [line for d in found for line in d.format().splitlines()]
