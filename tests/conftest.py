"""Shared fixtures: the real site built once into a temporary folder, and scratch projects."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from lxml import html as lxml_html
from playwright.sync_api import Browser, sync_playwright

from build_tools.model import Exercise, Vocabulary
from build_tools.source.load import load_content

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"

# Debian's chromium, never a downloaded browser; the flags keep it off the network.
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


@dataclass(frozen=True)
class BuiltSite:
    path: Path
    output: str

    def page(self, url: str) -> lxml_html.HtmlElement:
        """The parsed HTML of the page at a directory URL such as `exercises/heel-press/`."""
        return lxml_html.fromstring((self.path / url / "index.html").read_bytes())


def mkdocs_build(
    project: Path, site_dir: Path, *extra: str, strict: bool = True
) -> subprocess.CompletedProcess[str]:
    """A real `mkdocs build --strict` (or without `--strict`), as an editor runs it."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    mode = ["--strict"] if strict else []
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", *mode, "--site-dir", str(site_dir), *extra],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def serve_build(project: Path, site: Path, *, dirty: bool) -> None:
    """One build in this process as `mkdocs serve` makes it (`--dirty` or not): a plugin that
    keeps what it remembers between the builds of one project."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site))
    config.plugins.on_startup(command="serve", dirty=dirty)
    build(config, dirty=dirty)


def build_site(project: Path, site_dir: Path, *extra: str) -> BuiltSite:
    """A strict build that must pass: the site, and what MkDocs printed."""
    done = mkdocs_build(project, site_dir, *extra)
    assert done.returncode == 0, done.stdout + done.stderr
    return BuiltSite(site_dir, done.stdout + done.stderr)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    return build_site(ROOT, tmp_path_factory.mktemp("site"))


@pytest.fixture(scope="session")
def loaded() -> tuple[Exercise, Vocabulary]:
    """The Heel Press record and the vocabulary, loaded from the project."""
    content = load_content(ROOT / "content", ROOT)
    assert content.vocabulary is not None
    (exercise,) = content.exercises
    return exercise, content.vocabulary


def copy_project(target: Path) -> Path:
    """A copy of what a build reads (content, templates, docs, mkdocs.yml) in `target`."""
    for name in ("content", "templates", "docs"):
        shutil.copytree(ROOT / name, target / name)
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    return target


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the project's content, templates and config to break on purpose."""
    return copy_project(tmp_path)


# One browser for the whole run: Playwright's sync API allows one instance per thread.
@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


CORPUS_SIZE = 75
"""Generated records in `corpus_site`: past the 60 of the corpus sample, so some are varied."""


@pytest.fixture(scope="session")
def corpus_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The project with records generated from the free-exercise-db sample, built with --strict;
    its output is verbose, for what the build logs at debug level (who checked the pages)."""
    from .bench.corpus import load_corpus, write_project

    project = write_project(tmp_path_factory.mktemp("corpus-project"), CORPUS_SIZE, load_corpus())
    return build_site(project, tmp_path_factory.mktemp("corpus-site"), "--verbose")
