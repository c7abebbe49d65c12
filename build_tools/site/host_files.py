"""Write what a static host needs next to the built pages: redirect pages for old slugs,
`robots.txt`, `_redirects` / `_headers` (Netlify, Cloudflare Pages) and the nginx include.

What it writes comes from `hosting` (which only computes) and the templates.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Sequence
from pathlib import Path

import jinja2

from ..addresses import base_of, exercise_url, file_of
from ..model import Exercise
from ..render.moved import moved_away
from ..source.tombstones import Tombstone
from . import hosting

REDIRECT_TEMPLATE = "redirect.html"
TOMBSTONE_TEMPLATE = "tombstone.html"
NGINX_INCLUDE = "_hosting/nginx.conf"
NGINX_INCLUDE_TEMPLATE = "nginx-include.conf"


def config_environment(templates_dir: Path) -> jinja2.Environment:
    """Templates of configuration files: not HTML, so no HTML escaping. Every value put in them
    is ours (kebab-case slugs, built file paths, header values), and `_plain` refuses any that
    could break out of a quoted directive."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates_dir),
        autoescape=False,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=_plain,
    )


def _plain(value: object) -> object:
    if isinstance(value, str) and any(c in value for c in '"\n\r'):
        # A quote or a line break would end an nginx directive early; slugs and paths are
        # kebab-case by schema, so nothing else can reach a template unquoted.
        raise ValueError(f"unsafe value for a configuration file: {value!r}")
    return value


def write_redirect_pages(
    site_dir: Path, exercises: Sequence[Exercise], pages_env: jinja2.Environment, site_url: str
) -> list[str]:
    """A small page at each old slug that sends the reader on, `#fragment` included."""
    written = []
    template = pages_env.get_template(REDIRECT_TEMPLATE)
    for exercise in exercises:
        for alias in exercise.aliases:
            old = exercise_url(alias)
            page = file_of(old)
            html = template.render(
                exercise=exercise,
                canonical=site_url.rstrip("/") + "/" + exercise.url,
                target=posixpath.relpath(exercise.url, old) + "/",
                root=base_of(old),
            )
            path = site_dir / page
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(html, encoding="utf-8")
            written.append(page)
    return written


def write_tombstone_pages(
    site_dir: Path,
    tombstones: Sequence[Tombstone],
    exercises: Sequence[Exercise],
    pages_env: jinja2.Environment,
) -> list[str]:
    """The page left at each withdrawn exercise's address: what replaced it, or why it went,
    and where the items that moved from it are now."""
    written = []
    template = pages_env.get_template(TOMBSTONE_TEMPLATE)
    by_slug = {exercise.slug: exercise for exercise in exercises}
    away = moved_away(exercises)
    for tombstone in tombstones:
        page = file_of(tombstone.url)
        root = base_of(tombstone.url)
        replaced_by = by_slug.get(tombstone.replaced_by or "")
        html = template.render(
            tombstone=tombstone,
            replacement=replaced_by,
            root=root,
            base=root,
            moved_away=away.get(tombstone.url, ()),
        )
        path = site_dir / page
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(html, encoding="utf-8")
        written.append(page)
    return written


def write_host_config(
    site_dir: Path,
    exercises: Sequence[Exercise],
    site_url: str,
    hosting_templates: Path,
    files: Iterable[str],
    script_hashes: Sequence[str],
    withdrawn: Iterable[str] = (),
) -> None:
    """The host configuration of a built site: `files` are its paths below the root,
    `script_hashes` the `'sha256-…'` of every inline script of its pages (redirect pages
    included), found by the caller as it read them; `withdrawn` the slugs of the tombstones."""
    base = hosting.base_path(site_url)
    files = sorted(files)
    csp = hosting.content_security_policy(script_hashes)
    gone = hosting.gone_pages(withdrawn, base)
    redirects = hosting.page_redirects(exercises, base)
    rules = hosting.header_rules(files, csp, base, gone)
    netlify = [*redirects, *hosting.gone_redirects(gone)]
    (site_dir / "_redirects").write_text(hosting.netlify_redirects(netlify), encoding="utf-8")
    (site_dir / "_headers").write_text(hosting.netlify_headers(rules), encoding="utf-8")
    env = config_environment(hosting_templates)
    include = env.get_template(NGINX_INCLUDE_TEMPLATE).render(
        hosting.nginx_context(redirects, rules, base, gone)
    )
    (site_dir / NGINX_INCLUDE).parent.mkdir(exist_ok=True)
    (site_dir / NGINX_INCLUDE).write_text(include, encoding="utf-8")
    robots = f"User-agent: *\nAllow: /\nSitemap: {site_url.rstrip('/')}/sitemap.xml\n"
    (site_dir / "robots.txt").write_text(robots, encoding="utf-8")
