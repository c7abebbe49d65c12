"""Host configuration computed from the records and the built site: redirects, headers, CSP.

Pure functions: the same redirect and header rules are written out for Netlify / Cloudflare
Pages (`_redirects`, `_headers`) and for nginx, so every host serves the site the same way.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from ..addresses import exercise_url
from ..model import Exercise

# Material names its bundles `name.<8+ hex>.min.js|css`: a new build gets a new name, so these
# may be cached for a year; everything else is revalidated on every visit.
FINGERPRINTED = re.compile(r"\.[0-9a-f]{8,}\.min\.(?:js|css)(?:\.map)?$")
IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "public, max-age=0, must-revalidate"

CSP = "Content-Security-Policy"

_EXECUTABLE_TYPES = {"", "text/javascript", "application/javascript", "module"}

API_FOLDER = "api/"
"""The JSON API (`site/api.py`): every file in it is JSON."""
FEED = "feed.json"
JSON_TYPE = "application/json"
FEED_TYPE = "application/feed+json"
CORS = (("Access-Control-Allow-Origin", "*"),)
"""Open data: a page of any site may read it with a plain GET (no credentials, so no preflight
and nothing for a cross-origin reader to take that any other visitor could not)."""


@dataclass(frozen=True)
class Redirect:
    source: str
    target: str
    status: int = 301
    force: bool = False
    """Applies even where a file answers the path (Netlify's `!`): a tombstone's page does."""


GONE = 410
NOINDEX = ("X-Robots-Tag", "noindex")


@dataclass(frozen=True)
class Gone:
    """A withdrawn page's address: answered 410 with its tombstone page (`page`) as the body."""

    slug: str
    paths: tuple[str, ...]
    """Every path that reaches it: with and without the trailing slash, and its file."""
    page: str


@dataclass(frozen=True)
class HeaderRule:
    """Headers for one path; `path` is exact, or `/*` for every response."""

    path: str
    headers: tuple[tuple[str, str], ...]


def base_path(site_url: str) -> str:
    """The path the site is served under (`/` or `/project/`), from `site_url`."""
    match = re.match(r"^[a-z]+://[^/]+(/.*)?$", site_url)
    path = (match.group(1) if match else None) or "/"
    return path if path.endswith("/") else path + "/"


def page_redirects(exercises: Iterable[Exercise], base: str) -> list[Redirect]:
    """A 301 from every old slug (with and without its trailing slash) to the live page."""
    redirects = []
    for exercise in sorted(exercises, key=lambda e: e.slug):
        target = f"{base}{exercise.url}"
        for alias in exercise.aliases:
            old = f"{base}{exercise_url(alias)}".rstrip("/")
            redirects += [Redirect(old, target), Redirect(old + "/", target)]
    return redirects


def gone_pages(slugs: Iterable[str], base: str) -> list[Gone]:
    """The addresses of the withdrawn pages (`source/tombstones.py`), each served its
    tombstone page with 410 Gone where the host allows."""
    gone = []
    for slug in sorted(slugs):
        folder = f"{base}{exercise_url(slug)}"
        paths = (folder.rstrip("/"), folder, f"{folder}index.html")
        gone.append(Gone(slug, paths, f"{folder}index.html"))
    return gone


def gone_redirects(gone: Sequence[Gone]) -> list[Redirect]:
    """Netlify's way to answer with a status: a forced rewrite to the tombstone page."""
    return [Redirect(path, page.page, GONE, force=True) for page in gone for path in page.paths]


def script_hashes(scripts: Iterable[tuple[str, str]]) -> list[str]:
    """`'sha256-…'` sources for each inline script the browser would run, given the `type` and
    the text of each inline script."""
    return sorted(
        {_source(body) for kind, body in scripts if kind.strip().lower() in _EXECUTABLE_TYPES}
    )


@functools.lru_cache(maxsize=256)
def _source(body: str) -> str:
    # Most pages carry the same few scripts: each is hashed once.
    digest = hashlib.sha256(body.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def content_security_policy(script_hashes: Sequence[str]) -> str:
    """Only the site's own origin; inline scripts only by hash, never `'unsafe-inline'`."""
    directives = [
        "default-src 'self'",
        "script-src 'self' " + " ".join(script_hashes) if script_hashes else "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
    return "; ".join(directives)


def security_headers(csp: str) -> tuple[tuple[str, str], ...]:
    return (
        (CSP, csp),
        ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", "strict-origin-when-cross-origin"),
        ("X-Frame-Options", "DENY"),
        ("Permissions-Policy", "camera=(), microphone=(), geolocation=()"),
    )


def header_rules(
    site_files: Iterable[str], csp: str, base: str, gone: Sequence[Gone] = ()
) -> list[HeaderRule]:
    """Security headers on every response; a year of caching for each fingerprinted file;
    `noindex` on each withdrawn page."""
    rules = [HeaderRule(f"{base}*", security_headers(csp))]
    for path in sorted(site_files):
        if FINGERPRINTED.search(path):
            rules.append(HeaderRule(f"{base}{path}", (("Cache-Control", IMMUTABLE),)))
    for page in gone:
        rules += [HeaderRule(path, (NOINDEX,)) for path in page.paths[1:]]
    return rules + data_rules(base)


def data_rules(base: str) -> list[HeaderRule]:
    """The API and the feed: JSON of their own media types, readable from any origin."""
    return [
        HeaderRule(f"{base}{API_FOLDER}*", (("Content-Type", JSON_TYPE), *CORS)),
        HeaderRule(f"{base}{FEED}", (("Content-Type", FEED_TYPE), *CORS)),
    ]


def netlify_redirects(redirects: Sequence[Redirect]) -> str:
    lines = ["# Generated at build time from the records' `aliases` and tombstones; do not edit."]
    lines += [f"{r.source} {r.target} {r.status}{'!' if r.force else ''}" for r in redirects]
    return "\n".join(lines) + "\n"


def netlify_headers(rules: Sequence[HeaderRule]) -> str:
    lines = ["# Generated at build time from the built site; do not edit."]
    for rule in rules:
        lines.append(rule.path)
        lines += [f"  {name}: {value}" for name, value in rule.headers]
    return "\n".join(lines) + "\n"


def nginx_context(
    redirects: Sequence[Redirect], rules: Sequence[HeaderRule], base: str, gone: Sequence[Gone] = ()
) -> Mapping[str, object]:
    """What the nginx include template needs. nginx drops the server's `add_header`s in a
    location that adds its own, so the pages', the fingerprinted files' and the withdrawn pages'
    locations repeat them all. Unlike a host that matches paths only, nginx sends the content
    security policy with pages alone."""
    common = dict(rules[0].headers)
    csp = common.pop(CSP)
    default = {**common, "Cache-Control": REVALIDATE}
    return {
        "base": base,
        "redirects": redirects,
        "default_headers": default,
        "page_headers": {CSP: csp, **default},
        "fingerprinted": FINGERPRINTED.pattern,
        "immutable_headers": {**common, "Cache-Control": IMMUTABLE},
        "api": f"{base}{API_FOLDER}",
        "feed": f"{base}{FEED}",
        "json_type": JSON_TYPE,
        "feed_type": FEED_TYPE,
        # The content type is nginx's `types`, not a header: only the others are added.
        "data_headers": {**default, **dict(CORS)},
        "gone": gone,
        # A tombstone is a page: the CSP goes with it.
        "gone_headers": {CSP: csp, **default, NOINDEX[0]: NOINDEX[1]},
    }
