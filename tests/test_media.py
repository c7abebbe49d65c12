"""A record's pictures and video loops on its page: each image made into WebP and a JPEG or PNG
fallback at its widths, shown with `srcset`, `sizes` and its size; the setup picture first and
as the page's preview image; derivatives kept by content, so a changed picture is never stale.
Real MkDocs builds of a copy of the project, with pictures made by Pillow now."""

from __future__ import annotations

import io
import json
import os
import shutil
from collections import Counter
from pathlib import Path
from urllib.parse import urljoin

import material
import pytest
from lxml import html as lxml_html
from PIL import Image

from build_tools.build.config import read_config
from build_tools.build.site_build import SiteBuild
from build_tools.media import derive
from build_tools.media.derive import (
    WIDTHS,
    ShownVideo,
    media_files,
    media_urls,
    record_media,
    widths,
)
from build_tools.model import Exercise
from build_tools.site.reader import Addresses, read_site
from build_tools.source.load import load_content
from build_tools.speed.media_cache import DiskDerivatives

from .conftest import BuiltSite, build_site, copy_project, mkdocs_build
from .media_files import ALT, add_media, photo_like
from .moves import NEW_SLUG, add_exercise

PAGE = "exercises/heel-press/"
SITE_URL = "https://exercises.example.org/"


@pytest.fixture(scope="module")
def media_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    project = copy_project(tmp_path_factory.mktemp("media-project"))
    add_media(project)
    return build_site(project, project / "site")


@pytest.fixture(scope="module")
def page(media_site: BuiltSite) -> lxml_html.HtmlElement:
    return media_site.page(PAGE)


def figures(page: lxml_html.HtmlElement) -> list[lxml_html.HtmlElement]:
    return page.cssselect("article.exercise .exercise-media figure.media-item")


def srcset(text: str) -> list[tuple[str, int]]:
    """`url 480w, url 960w` as (url, width) pairs."""
    pairs = [entry.split() for entry in text.split(",")]
    return [(url, int(width.removesuffix("w"))) for url, width in pairs]


def webp_of(img: lxml_html.HtmlElement) -> str:
    """The WebP `srcset` of the picture an `<img>` is in."""
    (source,) = img.xpath("ancestor::picture[1]//source")
    return str(source.get("srcset"))


def opened(site: BuiltSite, url: str) -> Image.Image:
    """The picture a page's relative `url` leads to, decoded by Pillow (its format from its
    bytes, as a browser reads it)."""
    path = (site.path / PAGE / url).resolve()
    assert path.is_relative_to(site.path.resolve()), url
    return Image.open(io.BytesIO(path.read_bytes()))


@pytest.mark.parametrize(
    ("kind", "fallback", "sizes"),
    [
        ("photo", "JPEG", (480, 960, 1440)),
        ("line-art", "PNG", (480, 960, 1200)),
        ("illustration", "PNG", (480, 700)),
    ],
)
def test_each_kind_is_made_into_webp_and_a_fallback_at_its_widths(
    media_site: BuiltSite,
    page: lxml_html.HtmlElement,
    kind: str,
    fallback: str,
    sizes: tuple[int, ...],
) -> None:
    (figure,) = [f for f in figures(page) if f.cssselect(f'img[alt="{ALT[kind]}"]')]
    (source,) = figure.cssselect("picture source")
    (img,) = figure.cssselect("picture img")
    assert source.get("type") == "image/webp"
    for element, expected in ((source, "WEBP"), (img, fallback)):
        listed = srcset(element.get("srcset"))
        assert [width for _, width in listed] == list(sizes)
        assert element.get("sizes") == "(min-width: 76.25em) 19rem, (min-width: 45em) 40rem, 100vw"
        for url, width in listed:
            with opened(media_site, url) as made:
                assert made.format == expected
                assert made.width == width
    # The fallback `src` is the largest, and the box is its size: nothing shifts as it loads.
    with opened(media_site, img.get("src")) as largest:
        assert (largest.width, largest.height) == (int(img.get("width")), int(img.get("height")))
        assert largest.format == fallback
    if kind == "illustration":  # its transparent ground stays transparent
        with opened(media_site, img.get("src")) as made:
            assert made.mode == "RGBA"
            assert made.getpixel((0, 0))[3] == 0


def test_the_photo_keeps_its_shape_at_every_width(
    media_site: BuiltSite, page: lxml_html.HtmlElement
) -> None:
    (img,) = page.cssselect(f'img[alt="{ALT["photo"]}"]')
    assert (img.get("width"), img.get("height")) == ("1440", "960")  # 3000×2000, scaled
    for url, width in srcset(img.get("srcset")):
        with opened(media_site, url) as made:
            assert made.size == (width, width * 2 // 3)


def test_the_setup_picture_comes_first_and_loads_at_once_the_others_lazily(
    page: lxml_html.HtmlElement,
) -> None:
    shown = figures(page)
    images = [img for f in shown for img in f.cssselect("img")]
    assert images[0].get("alt") == ALT["photo"]
    assert "media-setup" in shown[0].get("class").split()
    assert images[0].get("fetchpriority") == "high"
    assert images[0].get("loading") is None  # eager
    assert [img.get("loading") for img in images[1:]] == ["lazy", "lazy"]
    assert all(img.get("fetchpriority") is None for img in images[1:])
    # The setup picture stands where the stance figure does, just before it; the others
    # come under the steps.
    (aside,) = page.cssselect("article.exercise .exercise-aside")
    parts = [c.get("class") for c in aside if c.tag in ("div", "figure", "nav")]
    assert parts == ["exercise-contents", "exercise-media exercise-media-setup", "stance-figure"]
    (more,) = page.cssselect("section.exercise-instructions .exercise-media-more")
    assert len(more.cssselect("figure.media-item")) == 3


def test_the_setup_picture_is_the_pages_open_graph_image(
    media_site: BuiltSite, page: lxml_html.HtmlElement
) -> None:
    def meta(name: str) -> str:
        (found,) = page.xpath(f'//meta[@property="{name}" or @name="{name}"]/@content')
        return str(found)

    (img,) = page.cssselect(f'img[alt="{ALT["photo"]}"]')
    expected = (media_site.path / PAGE / img.get("src")).resolve()
    assert meta("og:image") == SITE_URL + expected.relative_to(media_site.path.resolve()).as_posix()
    assert meta("og:image").endswith("-1440.jpg")
    assert (meta("og:image:width"), meta("og:image:height")) == ("1440", "960")
    assert meta("og:image:type") == "image/jpeg"
    assert meta("og:image:alt") == ALT["photo"]
    assert meta("twitter:card") == "summary_large_image"


def test_credit_and_ai_are_told_under_each_picture(page: lxml_html.HtmlElement) -> None:
    captions = [
        " ".join(f.cssselect("figcaption")[0].text_content().split()) for f in figures(page)
    ]
    assert captions[0] == "Photo from example.org by Ana Lima, licensed under CC BY 4.0."
    assert captions[-1] == (
        "Illustration, dedicated to the public domain under CC0 1.0. Made with an AI model."
    )


def test_a_video_loop_is_muted_inline_with_controls_and_a_poster_and_never_autoplays(
    media_site: BuiltSite, page: lxml_html.HtmlElement
) -> None:
    (video,) = page.cssselect("figure.media-video video")
    for attribute in ("muted", "playsinline", "controls", "loop", "data-autoplay"):
        assert video.get(attribute) is not None, attribute
    assert video.get("autoplay") is None  # only media.js plays it, and only without reduced motion
    assert video.get("aria-label") == ALT["video"]
    with opened(media_site, video.get("poster")) as poster:
        assert poster.format == "JPEG"
        assert poster.size == (int(video.get("width")), int(video.get("height"))) == (640, 480)
    (source,) = video.cssselect("source")
    assert source.get("type") == "video/webm"
    played = (media_site.path / PAGE / source.get("src")).resolve()
    assert played.read_bytes().startswith(b"\x1a\x45\xdf\xa3")


def test_the_widths_stop_at_the_sources_own() -> None:
    assert widths(3000) == WIDTHS
    assert widths(1440) == (480, 960, 1440)
    assert widths(1000) == (480, 960, 1000)
    assert widths(300) == (300,)


class CountingStore(DiskDerivatives):
    def __init__(self, folder: Path) -> None:
        super().__init__(folder)
        self.made: list[str] = []

    def put(self, key: str, data: bytes) -> None:
        self.made.append(key)
        super().put(key, data)


def test_the_store_keeps_derivatives_by_content_and_the_core_needs_none(project: Path) -> None:
    add_media(project)
    content = load_content(project / "content", project)
    store = CountingStore(project / ".cache" / "media")
    media = [record_media(e, content.folder) for e in content.exercises]
    first = media_files(media, store)
    assert len(store.made) == len([p for p in first if not p.endswith(".webm")])
    store.made.clear()
    again = media_files(media, store)
    assert store.made == []  # nothing encoded again
    assert again == first
    assert media_files(media) == first  # and without any store


def kept(cache: Path) -> set[str]:
    return {path.name for path in cache.rglob("*") if path.is_file()}


def sources(project: Path) -> dict[str, set[str]]:
    """The digest of every picture each record's derivatives are made of, by slug."""
    content = load_content(project / "content", project)
    found: dict[str, set[str]] = {}
    for exercise in content.exercises:
        items = record_media(exercise, content.folder).shown.items
        found[exercise.slug] = {
            item.poster.digest if isinstance(item, ShownVideo) else item.digest for item in items
        }
    return found


def test_a_published_build_prunes_the_derivatives_it_did_not_use_and_a_failed_one_none(
    tmp_path: Path,
) -> None:
    project = copy_project(tmp_path / "project")
    add_media(project)
    other = add_exercise(project)  # Heel Press's record, media and all, under another slug
    media = project / "content" / "media"
    shutil.copytree(media / "heel-press", media / NEW_SLUG)
    photo_like(3000, 2000, seed=7).save(media / NEW_SLUG / "setup.jpg", quality=88)
    site, cache = project / "site", project / ".cache" / "media"
    build_site(project, site)
    used = sources(project)
    (own,) = used[NEW_SLUG] - used["heel-press"]  # its other pictures are Heel Press's too
    first = kept(cache)
    assert any(key.startswith(own) for key in first)
    # The record goes, and the build fails: the cache stays as it was.
    other.unlink()
    shutil.rmtree(media / NEW_SLUG)
    record = project / "content" / "heel-press.yaml"
    text = record.read_text(encoding="utf-8")
    record.write_text(text.replace("equipment: [wall,", "equipment: [wal,", 1), encoding="utf-8")
    assert mkdocs_build(project, site).returncode == 1
    assert kept(cache) == first
    # Fixed, it publishes: the removed record's derivatives are gone, Heel Press's kept.
    record.write_text(text, encoding="utf-8")
    build_site(project, site)
    last = kept(cache)
    assert not any(key.startswith(own) for key in last)
    assert last < first
    for digest in used["heel-press"]:
        assert any(key.startswith(digest) for key in last), digest


def test_a_changed_picture_is_never_served_stale(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    folder = add_media(project)
    site = tmp_path / "site"
    # Two pictures of the same size, in files of the same length and time: only their content
    # tells them apart (uncompressed, a PNG's length depends on its size alone).
    picture = folder / "drawings" / "leg-line.png"
    Image.new("L", (1200, 800), 255).save(picture, compress_level=0)
    stamp = picture.stat()
    first = build_site(project, site).page(PAGE)
    (white,) = first.cssselect(f'img[alt="{ALT["line-art"]}"]')
    (photo_before,) = first.cssselect(f'img[alt="{ALT["photo"]}"]')
    Image.new("L", (1200, 800), 0).save(picture, compress_level=0)
    os.utime(picture, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))
    assert (picture.stat().st_size, picture.stat().st_mtime_ns) == (
        stamp.st_size,
        stamp.st_mtime_ns,
    )
    again = build_site(project, site)
    (black,) = again.page(PAGE).cssselect(f'img[alt="{ALT["line-art"]}"]')
    assert black.get("src") != white.get("src")
    for url, _ in srcset(black.get("srcset")) + srcset(webp_of(black)):
        with opened(again, url) as made:
            assert made.convert("L").getextrema() == (0, 0)  # the new picture, black
    gone = srcset(white.get("srcset")) + srcset(webp_of(white))
    assert not any((site / PAGE / url).resolve().exists() for url, _ in gone)
    # The photo did not change: its derivatives kept their addresses.
    (photo,) = again.page(PAGE).cssselect(f'img[alt="{ALT["photo"]}"]')
    assert photo.get("srcset") == photo_before.get("srcset")


def test_media_urls_give_other_apps_absolute_addresses(project: Path) -> None:
    add_media(project)
    content = load_content(project / "content", project)
    (exercise,) = content.exercises
    shown = record_media(exercise, content.folder).shown
    listed = media_urls(shown, SITE_URL)
    assert [item["kind"] for item in listed] == ["photo", "line-art", "video", "illustration"]
    photo = listed[0]
    assert photo["alt"] == ALT["photo"]
    assert photo["ai_generated"] is False
    assert photo["credit"] == [
        {
            "license": "CC-BY-4.0",
            "license_url": "https://creativecommons.org/licenses/by/4.0/",
            "author": ["Ana Lima"],
            "title": None,
            "source": "https://example.org/photos/wall-calf-stretch",
        }
    ]
    assert str(photo["url"]).startswith(SITE_URL + "media/heel-press/setup-")
    assert listed[2]["type"] == "video/webm"
    assert str(listed[2]["poster"]).endswith("-640.jpg")
    assert shown.setup is not None
    assert shown.setup.media.kind == "photo"


def test_the_link_check_follows_every_size_and_poster_the_page_names(
    media_site: BuiltSite, page: lxml_html.HtmlElement
) -> None:
    """Each address of the page's `srcset`s and its video's poster is a link the built-site
    checks follow (H104 would find it missing), and leads to a file the build wrote."""
    site = read_site(media_site.path, "site", {}, SITE_URL)
    uri = PAGE + "index.html"
    followed = site.pages[uri].refs
    sets = [e.get("srcset") for e in page.cssselect("img[srcset], source[srcset]")]
    named = [url for listed in sets for url, _ in srcset(listed)]
    named += [video.get("poster") for video in page.cssselect("video[poster]")]
    assert len(sets) == 6  # three pictures, each in WebP and its fallback
    assert len(named) > len(sets), named
    addresses = Addresses(SITE_URL)
    for url in named:
        ref = addresses.ref(uri, url, anchor=False)
        assert ref in followed, url
        assert ref is not None
        assert site.target(ref) is not None, url


def test_a_build_reads_each_records_media_once_and_every_output_shows_the_same_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every step of one build (the page, its meta, the API, the published files), run in this
    process: the record's files are read and hashed once (the checks read them on their own,
    in the check stage), and the page's setup picture, its og:image and the API's URL of it
    are one file the build wrote."""
    project = copy_project(tmp_path / "project")
    add_media(project)
    reads: Counter[str] = Counter()
    read_files = derive.record_files

    def counted(exercise: Exercise, content_dir: Path) -> object:
        reads[exercise.slug] += 1
        return read_files(exercise, content_dir)

    monkeypatch.setattr(derive, "record_files", counted)
    build = SiteBuild(read_config(project))
    assert build.prepare() == ()
    (page,) = [p for p in build.pages if p.slug == "heel-press"]
    meta = build.meta(page)
    built = tmp_path / "built"
    # What the generator would have copied there: the theme's stylesheets, which the site's one
    # is made of.
    theme = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
    shutil.copytree(theme, built / "assets" / "stylesheets")
    build.finish(built)
    assert reads == {"heel-press": 1}

    page_url = urljoin(SITE_URL, PAGE)
    (img,) = lxml_html.fromstring(page.html).cssselect(f'img[alt="{ALT["photo"]}"]')
    document = json.loads((built / "api" / "v1" / "exercises" / "heel-press.json").read_text())
    shown = {
        "page": urljoin(page_url, img.get("src")),
        "og:image": meta["og_image"],
        "api": document["media"][0]["url"],
    }
    assert len(set(shown.values())) == 1, shown
    assert (built / shown["api"].removeprefix(SITE_URL)).is_file()


def test_the_json_api_gives_each_picture_with_files_the_site_has(media_site: BuiltSite) -> None:
    import json

    import jsonschema

    document = json.loads(
        (media_site.path / "api" / "v1" / "exercises" / "heel-press.json").read_text()
    )
    schema = json.loads(
        (media_site.path / "api" / "v1" / "schemas" / "exercise.schema.json").read_text()
    )
    jsonschema.validate(document, schema)
    assert [m["alt"] for m in document["media"]][:1] == [ALT["photo"]]
    urls = [s["url"] for m in document["media"] for s in m.get("sources", [])]
    assert urls, document["media"]
    for url in urls:
        path = url.removeprefix(SITE_URL)
        assert (media_site.path / path).is_file(), url
