"""The JSON Feed of new and changed exercises: newest first, each record dated from its git
history (its last change and its first commit), from the file's time where git cannot say."""

from __future__ import annotations

import json
import os
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest

from build_tools.site import api, history
from build_tools.source.load import load_content

from .bench.corpus import load_corpus, write_project
from .conftest import build_site

SITE_URL = "https://exercises.example.org/"


def git(project: Path, *args: str, date: str | None = None) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "Ed", "GIT_AUTHOR_EMAIL": "ed@example.org"}
    env |= {"GIT_COMMITTER_NAME": "Ed", "GIT_COMMITTER_EMAIL": "ed@example.org"}
    if date:
        env |= {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
    subprocess.run(["git", "-C", str(project), *args], env=env, check=True, capture_output=True)


def touch(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    """Three records with a history: the first added in January and changed in March, the
    second added in February, the third added in January and changed since its last commit."""
    root = write_project(tmp_path_factory.mktemp("feed"), 3, load_corpus())
    slugs = sorted(p.stem for p in (root / "content").glob("*.yaml"))
    first, second, third = (root / "content" / f"{s}.yaml" for s in slugs)
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "docs", "templates", "mkdocs.yml", "content/vocabulary")
    git(root, "commit", "-qm", "the site", date="2023-12-01T00:00:00+00:00")
    git(root, "add", str(first))
    git(root, "commit", "-qm", "first", date="2024-01-05T10:00:00+01:00")
    git(root, "add", str(third))
    git(root, "commit", "-qm", "third", date="2024-01-20T09:30:00+00:00")
    git(root, "add", str(second))
    git(root, "commit", "-qm", "second", date="2024-02-10T12:00:00+00:00")
    touch(first, "# changed\n")
    git(root, "commit", "-qam", "first again", date="2024-03-01T08:00:00+00:00")
    touch(third, "# changed, not committed\n")
    os.utime(third, (datetime(2024, 4, 2, tzinfo=UTC).timestamp(),) * 2)
    return root, slugs


def test_dates_come_from_one_git_log_for_every_record(
    project: tuple[Path, list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    root, (first, second, third) = project
    calls: list[list[str]] = []
    real = subprocess.run

    def counted(command: list[str], **kwargs: object) -> object:
        calls.append(command)
        return real(command, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(history.subprocess, "run", counted)
    paths = {s: root / "content" / f"{s}.yaml" for s in (first, second, third)}
    found = history.record_history(root / "content", paths.values())
    assert [c[3] for c in calls] == ["log", "diff"]  # not one per file
    dates = {s: found.dates[p.resolve()] for s, p in paths.items()}
    assert dates[first] == api.Dates(
        datetime.fromisoformat("2024-01-05T10:00:00+01:00"),
        datetime.fromisoformat("2024-03-01T08:00:00+00:00"),
    )
    assert dates[second].published == dates[second].modified
    assert dates[second].modified == datetime.fromisoformat("2024-02-10T12:00:00+00:00")
    # Changed since its last commit: its file's time is its last change.
    assert dates[third].published == datetime.fromisoformat("2024-01-20T09:30:00+00:00")
    assert dates[third].modified == datetime(2024, 4, 2, tzinfo=UTC)
    assert found.note is None


def test_outside_a_git_checkout_the_file_times_date_the_records(tmp_path: Path) -> None:
    root = write_project(tmp_path, 2, load_corpus())
    paths = sorted((root / "content").glob("*.yaml"))
    os.utime(paths[0], (datetime(2023, 6, 1, 12, tzinfo=UTC).timestamp(),) * 2)
    found = history.record_history(root / "content", paths)
    assert found.from_file_times == 2
    assert found.note == history.FROM_FILE_TIMES.format(count=2)
    moment = datetime(2023, 6, 1, 12, tzinfo=UTC)
    assert found.dates[paths[0].resolve()] == api.Dates(moment, moment)


def test_source_date_epoch_bounds_the_file_times(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A reproducible build: the same sources give the same feed, however new their files."""
    root = write_project(tmp_path, 2, load_corpus())
    paths = sorted((root / "content").glob("*.yaml"))
    old = datetime(2023, 6, 1, 12, tzinfo=UTC)
    os.utime(paths[0], (old.timestamp(),) * 2)
    epoch = datetime(2024, 1, 1, tzinfo=UTC)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(epoch.timestamp())))
    found = history.record_history(root / "content", paths)
    assert found.dates[paths[0].resolve()] == api.Dates(old, old)  # older: as it is
    assert found.dates[paths[1].resolve()] == api.Dates(epoch, epoch)  # newer: the epoch


def test_the_built_feed_is_newest_first_with_the_records_dates(
    project: tuple[Path, list[str]], tmp_path: Path
) -> None:
    root, (first, second, third) = project
    site = build_site(root, tmp_path / "site")
    assert history.FROM_FILE_TIMES.split(":")[0] not in site.output
    feed = json.loads((site.path / api.FEED_FILE).read_bytes())
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert feed["feed_url"] == SITE_URL + "feed.json"
    content = load_content(root / "content", root)
    names = {e.slug: e.name for e in content.exercises}
    items = feed["items"]
    assert [i["title"] for i in items] == [names[third], names[first], names[second]]
    assert [i["url"] for i in items] == [
        f"{SITE_URL}exercises/{s}/" for s in (third, first, second)
    ]
    assert [(i["date_published"], i["date_modified"]) for i in items] == [
        ("2024-01-20T09:30:00+00:00", "2024-04-02T00:00:00+00:00"),
        ("2024-01-05T10:00:00+01:00", "2024-03-01T08:00:00+00:00"),
        ("2024-02-10T12:00:00+00:00", "2024-02-10T12:00:00+00:00"),
    ]
    assert items[0]["_exercise"]["data_url"] == f"{SITE_URL}api/v1/exercises/{third}.json"


def test_the_feed_keeps_the_newest_changes(tmp_path: Path) -> None:
    root = write_project(tmp_path, api.FEED_LIMIT + 5, load_corpus())
    content = load_content(root / "content", root)
    assert content.vocabulary is not None
    day = datetime(2024, 1, 1, tzinfo=UTC).timestamp()
    dates = {
        e.slug: api.Dates(*(datetime.fromtimestamp(day + n * 86400, tz=UTC),) * 2)
        for n, e in enumerate(content.exercises)
    }
    feed = api.Api(content.exercises, content.vocabulary, SITE_URL).feed(dates, "Site")
    assert len(feed["items"]) == api.FEED_LIMIT
    modified = [i["date_modified"] for i in feed["items"]]
    assert modified == sorted(modified, reverse=True)
    assert feed["items"][0]["title"] == content.exercises[-1].name
