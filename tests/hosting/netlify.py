"""The Netlify / Cloudflare Pages files read back as such a host reads them, so the tests can say
what it would send and hold nginx to the same."""

from __future__ import annotations

from collections.abc import Sequence

from build_tools.site.hosting import REVALIDATE, HeaderRule, Redirect


def parse_redirects(text: str) -> list[Redirect]:
    found = []
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            source, target, status = line.split()
            # `!`: the rule applies even where a file answers the path.
            forced = status.endswith("!")
            found.append(Redirect(source, target, int(status.rstrip("!")), forced))
    return found


def parse_headers(text: str) -> list[HeaderRule]:
    rules: list[tuple[str, list[tuple[str, str]]]] = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if not line.startswith(" "):
            rules.append((line.strip(), []))
        else:
            name, _, value = line.strip().partition(":")
            rules[-1][1].append((name.strip(), value.strip()))
    return [HeaderRule(path, tuple(headers)) for path, headers in rules]


def headers_for(path: str, rules: Sequence[HeaderRule]) -> dict[str, str]:
    """What a host applying `rules` sends for `path`; `REVALIDATE` where no rule sets caching
    (the default of Netlify and Cloudflare Pages, and what the nginx include sends)."""
    result: dict[str, str] = {}
    for rule in rules:
        matches = path.startswith(rule.path[:-1]) if rule.path.endswith("*") else path == rule.path
        if matches:
            result.update(rule.headers)
    result.setdefault("Cache-Control", REVALIDATE)
    return result
