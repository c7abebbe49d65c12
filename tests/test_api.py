"""The JSON API a real build writes beside the pages: every file valid against the schema the
site publishes beside it, drafts nowhere, deep links absolute and landing on ids of the built
page, and each exercise page and the home page pointing at their data with rel=alternate."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import jsonschema
import pytest
from lxml import html as lxml_html

from build_tools.render.markup import plain
from build_tools.site import api, export

from .conftest import BuiltSite, build_site, copy_project
from .test_drafts import BARE_DRAFT, complete_draft

SITE_URL = "https://exercises.example.org/"
PAGE = f"{SITE_URL}exercises/heel-press/"
DRAFTS = ("tibialis-wall-raise", "wall-calf-lean")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The project with two drafts beside Heel Press (one lacking everything, one complete with
    an old slug), built for real with `mkdocs build --strict`."""
    project = copy_project(tmp_path_factory.mktemp("api-project"))
    content = project / "content"
    (content / "tibialis-wall-raise.yaml").write_text(BARE_DRAFT, encoding="utf-8")
    (content / "wall-calf-lean.yaml").write_text(complete_draft(project), encoding="utf-8")
    return build_site(project, tmp_path_factory.mktemp("api-site"))


def read(site: BuiltSite, path: str) -> Any:
    return json.loads((site.path / path).read_bytes())


def schema(site: BuiltSite, name: str) -> dict[str, Any]:
    return read(site, api.schema_path(name))  # type: ignore[no-any-return]


def valid(document: Any, against: dict[str, Any]) -> list[str]:
    validator = jsonschema.Draft202012Validator(
        against, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(document)]


def data_files(site: BuiltSite) -> dict[str, Path]:
    found = {p.relative_to(site.path).as_posix(): p for p in (site.path / "api").rglob("*.json")}
    return {**found, api.FEED_FILE: site.path / api.FEED_FILE}


SCHEMA_OF = {
    api.index_path(): "exercises",
    api.vocabulary_path(): "vocabulary",
    api.exercise_path("heel-press"): "exercise",
    api.FEED_FILE: "feed",
    export.FREE_EXERCISE_DB_FILE: "free-exercise-db",
    export.WGER_FILE: "wger-exerciseinfo",
}


def test_every_json_file_is_valid_against_its_published_schema(site: BuiltSite) -> None:
    files = data_files(site)
    schemas = {p for p in files if p.startswith(api.SCHEMA_DIR)}
    assert schemas == {api.schema_path(name) for name in api.SCHEMAS}
    for path in schemas:
        published = read(site, path)
        jsonschema.Draft202012Validator.check_schema(published)
        assert published["$id"] == SITE_URL + path
    documents = set(files) - schemas
    assert documents == set(SCHEMA_OF)
    for path in documents:
        assert valid(read(site, path), schema(site, SCHEMA_OF[path])) == [], path
    for path in (api.index_path(), api.vocabulary_path(), api.exercise_path("heel-press")):
        assert read(site, path)["$schema"] == SITE_URL + api.schema_path(SCHEMA_OF[path])


def test_a_schema_refuses_what_it_does_not_describe(site: BuiltSite) -> None:
    record = read(site, api.exercise_path("heel-press"))
    record["instructions"][0]["url"] = "exercises/heel-press/"  # neither absolute nor deep
    record["draft"] = True
    found = valid(record, schema(site, "exercise"))
    assert any("instructions" in line for line in found)
    assert any("'draft' was unexpected" in line for line in found)


def test_drafts_appear_nowhere(site: BuiltSite) -> None:
    for path, file in data_files(site).items():
        text = file.read_text(encoding="utf-8")
        for slug in DRAFTS:
            assert slug not in text, path
        assert "Wall Calf Lean" not in text, path
        assert "Tibialis" not in text, path
    assert not (site.path / "api" / "v1" / "exercises" / "wall-calf-lean.json").exists()
    index = read(site, api.index_path())
    assert [e["slug"] for e in index["exercises"]] == ["heel-press"]
    assert index["count"] == 1
    assert [i["title"] for i in read(site, api.FEED_FILE)["items"]] == ["Heel Press"]


def test_the_index_says_what_a_list_needs(site: BuiltSite) -> None:
    (entry,) = read(site, api.index_path())["exercises"]
    assert entry == {
        "slug": "heel-press",
        "name": "Heel Press",
        "other_names": [],
        "muscles": {"primary": ["gastrocnemius"], "secondary": ["soleus", "achilles-tendon"]},
        "equipment": ["wall", "body-weight"],
        "level": "beginner",
        "category": "stretch",
        "url": PAGE,
        "data_url": SITE_URL + "api/v1/exercises/heel-press.json",
    }


def test_the_record_is_whole_with_its_text_as_written_and_as_read(
    site: BuiltSite, loaded: tuple[Any, Any]
) -> None:
    exercise, vocabulary = loaded
    record = read(site, api.exercise_path("heel-press"))
    assert record["summary"] == exercise.summary
    assert record["description"] == [{"text": p, "plain": plain(p)} for p in exercise.description]
    assert [t["text"] for t in record["tips"]] == list(exercise.tips)
    assert [(f["question"], f["answer"]["text"]) for f in record["faq"]] == [
        (f.question, f.answer) for f in exercise.faq
    ]
    assert [s["text"] for s in record["instructions"]] == [s.text for s in exercise.instructions]
    assert [v["name"] for v in record["variations"]] == [v.name for v in exercise.variations]
    assert record["stance"]["rear_knee_angle_deg"] == exercise.stance.rear_knee_angle_deg
    assert record["when_to_use"] == list(exercise.when_to_use)
    assert record["media"] == []
    assert record["credits"] == []
    vocab = read(site, api.vocabulary_path())
    assert set(vocab["muscles"]) == set(vocabulary.muscles)
    assert vocab["equipment"]["wall"]["name"] == vocabulary.equipment["wall"].name


def deep_links(record: dict[str, Any]) -> list[str]:
    return [
        *(s["url"] for s in record["instructions"]),
        *(f["url"] for f in record["faq"]),
        *(v["url"] for v in record["variations"]),
        *(u for part in ("faq", "variations") for item in record[part] for u in item["see"]),
    ]


def test_deep_links_are_absolute_and_land_on_ids_of_the_built_page(site: BuiltSite) -> None:
    record = read(site, api.exercise_path("heel-press"))
    links = deep_links(record)
    assert len(links) == 8 + 8 + 2 + 2 + 2 + 2
    ids = set(site.page("exercises/heel-press/").xpath("//@id"))
    for link in links:
        page, _, anchor = link.partition("#")
        assert page == PAGE, link
        assert anchor in ids, link
    assert record["instructions"][0]["url"] == f"{PAGE}#step-face-the-wall"
    assert record["faq"][2]["see"] == [
        f"{PAGE}#variation-straight-knee",
        f"{PAGE}#variation-bent-knee",
    ]


ALTERNATE = "contains(concat(' ', normalize-space(@rel), ' '), ' alternate ')"


def test_each_exercise_page_links_its_json(site: BuiltSite) -> None:
    page = site.page("exercises/heel-press/")
    (link,) = page.xpath(f'//head/link[{ALTERNATE}][@type="application/json"]')
    target = urljoin(PAGE, link.get("href"))
    path = urlsplit(target).path.lstrip("/")
    assert path == api.exercise_path("heel-press")
    assert read(site, path)["url"] == PAGE


def test_the_home_page_links_the_feed_and_only_it(site: BuiltSite) -> None:
    home = lxml_html.fromstring((site.path / "index.html").read_bytes())
    (link,) = home.xpath(f'//head/link[{ALTERNATE}][@type="application/feed+json"]')
    assert urljoin(SITE_URL, link.get("href")) == SITE_URL + api.FEED_FILE
    assert not home.xpath('//head/link[@type="application/json"]')
    # Material's language switcher takes a `link[rel=alternate]` for a translation of the site.
    assert not home.cssselect("link[rel=alternate]")
    assert not site.page("exercises/heel-press/").cssselect("link[rel=alternate]")
    assert not site.page("exercises/heel-press/").xpath('//link[@type="application/feed+json"]')
