"""Where each page of the site lives: the one place that spells out its address.

Addresses are paths below the site root with directory URLs (`exercises/heel-press/`); a page's
source is where a generator finds it among its pages (`exercises/heel-press/index.md`) and its
file is what the generator writes (`exercises/heel-press/index.html`).
"""

from __future__ import annotations

from urllib.parse import urljoin

EXERCISES = "exercises/"
"""The A–Z index; every exercise page sits below it."""
BROWSE = "browse/"
"""The filter page; every browse page sits below it."""
SHEET = "sheet/"
"""The coach's sheet: one page whose query string is the sheet (see `site/sheet.py`)."""
HOME_FILE = "index.html"


def exercise_url(slug: str) -> str:
    return f"{EXERCISES}{slug}/"


def slug_of(url: str) -> str | None:
    """The slug of an exercise page's address, None for any other page."""
    if not url.startswith(EXERCISES) or not url.endswith("/"):
        return None
    slug = url[len(EXERCISES) : -1]
    return slug if slug and "/" not in slug else None


def source_of(url: str) -> str:
    """Where the page at `url` sits among a generator's sources: `index.md` in its folder, so
    that a relative link means the same from the source as from the page (a generator may
    rewrite links relative to the source's folder)."""
    return f"{url.lstrip('/')}index.md"


def url_of_source(source: str) -> str:
    """The address of the page a generator builds from `source` (the inverse of `source_of`)."""
    stem = source.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def file_of(url: str) -> str:
    """The file a page's address is served from."""
    return f"{url}{HOME_FILE}"


def browse_url(kind: str, term: str, page: int = 1) -> str:
    """A browse page: `browse/muscle/glutes/`, then `2/`, …; letters under `browse/a-z/`."""
    base = f"{BROWSE}a-z/{term}/" if kind == "letter" else f"{BROWSE}{kind}/{term}/"
    return base if page == 1 else f"{base}{page}/"


def base_of(url: str) -> str:
    """The relative path from a page at directory URL `url` back to the site root."""
    return "../" * url.count("/")


def site_root(site_url: str) -> str:
    """The site's home URL, ending in `/`; the server root when no site URL is configured."""
    if not site_url:
        return "/"
    return site_url if site_url.endswith("/") else site_url + "/"


def absolute(site_url: str, url: str) -> str:
    """A page's absolute URL under `site_url` (root-relative without one)."""
    return urljoin(site_root(site_url), url)


def deep_link(page: str, anchor: str) -> str:
    return f"{page}#{anchor}"
