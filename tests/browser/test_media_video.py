"""A video loop in Chromium: it plays by itself for a reader who has not asked for reduced
motion, and never for one who has (WCAG 2.2.2); they see its poster and can press play.

The loop is a WebM that Chromium itself records from a canvas now (MediaRecorder): the
project commits no video, and no encoder is needed."""

from __future__ import annotations

import base64
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from ..conftest import build_site, copy_project
from ..media_files import add_media
from .conftest import DESKTOP, serve

PAGE = "exercises/heel-press/"

RECORD = """async () => {
  const canvas = document.createElement("canvas");
  canvas.width = 160;
  canvas.height = 120;
  document.body.append(canvas);
  const paint = canvas.getContext("2d");
  const type = ["video/webm;codecs=vp8", "video/webm"].find((t) => MediaRecorder.isTypeSupported(t));
  const recorder = new MediaRecorder(canvas.captureStream(25), { mimeType: type });
  const chunks = [];
  recorder.ondataavailable = (event) => chunks.push(event.data);
  let frame = 0;
  const timer = setInterval(() => {
    paint.fillStyle = `hsl(${(frame++ * 25) % 360} 70% 50%)`;
    paint.fillRect(0, 0, 160, 120);
  }, 40);
  recorder.start();
  await new Promise((done) => setTimeout(done, 1500));
  const stopped = new Promise((done) => (recorder.onstop = done));
  recorder.stop();
  await stopped;
  clearInterval(timer);
  const bytes = new Uint8Array(await new Blob(chunks, { type }).arrayBuffer());
  let text = "";
  for (const byte of bytes) text += String.fromCharCode(byte);
  return btoa(text);
}"""


@pytest.fixture(scope="module")
def video_site(browser: Browser, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    recording = browser.new_page()
    video = base64.b64decode(recording.evaluate(RECORD))
    recording.close()
    assert video.startswith(b"\x1a\x45\xdf\xa3")
    project = copy_project(tmp_path_factory.mktemp("video-project"))
    add_media(project, video)
    with serve(build_site(project, Path(project / "site")).path) as url:
        yield url


def open_loop(browser: Browser, url: str, motion: str) -> Iterator[Page]:
    context = browser.new_context(viewport=DESKTOP, reduced_motion=motion)  # type: ignore[arg-type]
    page = context.new_page()
    page.goto(url + PAGE)
    page.locator("figure.media-video video").scroll_into_view_if_needed()
    yield page
    context.close()


@pytest.fixture
def reduced(browser: Browser, video_site: str) -> Iterator[Page]:
    yield from open_loop(browser, video_site, "reduce")


@pytest.fixture
def moving(browser: Browser, video_site: str) -> Iterator[Page]:
    yield from open_loop(browser, video_site, "no-preference")


STATE = "() => { const v = document.querySelector('figure.media-video video'); return {paused: v.paused, time: v.currentTime}; }"


def test_without_reduced_motion_the_loop_plays_by_itself(moving: Page) -> None:
    # The control: the loop can play here, so a paused one below is the script's choice.
    moving.wait_for_function(
        "() => { const v = document.querySelector('figure.media-video video');"
        " return !v.paused && v.currentTime > 0; }",
        timeout=10_000,
    )


def test_under_reduced_motion_the_loop_never_plays_by_itself(reduced: Page) -> None:
    reduced.wait_for_timeout(2500)
    assert reduced.evaluate(STATE) == {"paused": True, "time": 0}
    # The reader can still play it.
    reduced.locator("figure.media-video video").evaluate("v => v.play()")
    reduced.wait_for_function(
        "() => document.querySelector('figure.media-video video').currentTime > 0",
        timeout=10_000,
    )


def test_asking_for_reduced_motion_stops_a_playing_loop(moving: Page) -> None:
    moving.wait_for_function(
        "() => !document.querySelector('figure.media-video video').paused", timeout=10_000
    )
    moving.emulate_media(reduced_motion="reduce")
    moving.wait_for_function(
        "() => document.querySelector('figure.media-video video').paused", timeout=5_000
    )
