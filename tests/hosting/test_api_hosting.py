"""The JSON API and the feed behind a real nginx configured only from what the build writes:
served as JSON of their own media types, readable from any origin, and read-only."""

from __future__ import annotations

import json
import urllib.error
import urllib.request

import pytest

from build_tools.site import api, export

from . import netlify
from .conftest import RENAMED_SLUG, Nginx, fetch

DATA = [
    api.index_path(),
    api.vocabulary_path(),
    api.exercise_path(RENAMED_SLUG),
    api.schema_path("exercise"),
    export.FREE_EXERCISE_DB_FILE,
    export.WGER_FILE,
]


def request(url: str, method: str = "GET", origin: str | None = None) -> tuple[int, dict[str, str]]:
    headers = {"Origin": origin} if origin else {}
    try:
        with urllib.request.urlopen(
            urllib.request.Request(url, method=method, headers=headers), timeout=10
        ) as answer:
            return answer.status, dict(answer.headers)
    except urllib.error.HTTPError as error:
        with error:
            return error.code, dict(error.headers)


@pytest.mark.parametrize("path", DATA)
def test_the_api_is_json_readable_from_any_origin(nginx: Nginx, path: str) -> None:
    status, headers = request(nginx.url + path, origin="https://another-app.example")
    assert status == 200
    assert headers["Content-Type"] == "application/json"
    assert headers["Access-Control-Allow-Origin"] == "*"
    # The site's own headers stay: nginx drops them in a location that adds its own.
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Cache-Control"] == "public, max-age=0, must-revalidate"
    json.loads(fetch(nginx.url + path).text())


def test_the_feed_is_a_json_feed_readable_from_any_origin(nginx: Nginx) -> None:
    status, headers = request(nginx.url + api.FEED_FILE)
    assert status == 200
    assert headers["Content-Type"] == "application/feed+json"
    assert headers["Access-Control-Allow-Origin"] == "*"
    feed = json.loads(fetch(nginx.url + api.FEED_FILE).text())
    assert feed["items"][0]["url"].endswith(f"/exercises/{RENAMED_SLUG}/")


def test_the_api_is_compressed(nginx: Nginx) -> None:
    answer = fetch(nginx.url + api.exercise_path(RENAMED_SLUG), gzip_ok=True)
    assert answer.headers["Content-Encoding"] == "gzip"


def test_pages_are_not_opened_to_other_origins(nginx: Nginx) -> None:
    status, headers = request(nginx.url + f"exercises/{RENAMED_SLUG}/", origin="https://x.example")
    assert status == 200
    assert "Access-Control-Allow-Origin" not in headers


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE"])
def test_the_api_is_read_only(nginx: Nginx, method: str) -> None:
    status, _ = request(nginx.url + api.index_path(), method=method)
    assert status == 405


def test_netlify_headers_say_the_same_of_the_api(nginx: Nginx) -> None:
    rules = netlify.parse_headers((nginx.site / "_headers").read_text())
    for path in [*DATA, api.FEED_FILE]:
        expected = netlify.headers_for("/" + path, rules)
        assert expected["Access-Control-Allow-Origin"] == "*"
        assert expected["Content-Type"] in ("application/json", "application/feed+json")
