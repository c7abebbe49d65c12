"""What the build needs of the site's configuration (`mkdocs.yml`, which every generator reads),
read without a generator: the site's name and address, where the hand-written pages are, the
navigation's titles, and the exercises plugin's folders.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

CONFIG_FILE = "mkdocs.yml"
PLUGIN = "exercises"


@dataclass(frozen=True)
class SiteConfig:
    root: Path
    """The folder of the configuration file; paths below are relative to it."""
    site_name: str
    site_url: str
    docs_dir: Path
    site_dir: Path
    content_dir: Path
    templates_dir: Path
    hosting_templates_dir: Path
    theme_overrides: Path | None = None
    """The theme's `custom_dir`, if any."""
    nav_titles: Mapping[str, str] = field(default_factory=dict)
    """The navigation's title of each page, by its source (`editors/index.md`)."""
    stylesheets: tuple[str, ...] = ()
    """The site's own stylesheets, below `docs_dir`, in the order the site's one stylesheet
    (`site/stylesheet.py`) holds them after the theme's."""
    show_drafts: bool = False
    """Make the drafts' pages too, marked as drafts: what `mkdocs serve` shows their editors."""


@dataclass(frozen=True)
class RunMode:
    """How a generator's command runs the build."""

    dirty: bool = False
    """Only what changed is written: the staging folder starts as a linked copy of the site."""
    fork: bool = False
    """The record checks run on the second core (`speed/forked.py`)."""
    show_drafts: bool = False


def run_mode(command: str, *, dirty: bool, forkable: bool) -> RunMode:
    """The mode of MkDocs' `command` (`build`, `serve`, `gh-deploy`): `serve` shows the drafts'
    pages to their editors, and never forks (a process with threads, the server, is not safely
    forked); the others fork where the machine can (`forkable`)."""
    serving = command == "serve"
    return RunMode(dirty=dirty, fork=forkable and not serving, show_drafts=serving)


class _Loader(yaml.SafeLoader):
    """MkDocs' YAML: `!ENV [NAME, default]` reads the environment; other tags (Python names in
    `markdown_extensions`) are kept as plain values."""


def _env(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        names, default = [loader.construct_scalar(node)], None
    else:
        assert isinstance(node, yaml.SequenceNode)
        *names, default = loader.construct_sequence(node)
    return next((os.environ[n] for n in names if n in os.environ), default)


def _other(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    assert isinstance(node, yaml.MappingNode)
    return loader.construct_mapping(node)


_Loader.add_constructor("!ENV", _env)
_Loader.add_multi_constructor("!", _other)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", _other)


def nav_titles(nav: Any) -> dict[str, str]:
    """The navigation's title of each page, by its source."""
    return dict(_titles(nav))


def _titles(nav: Any) -> Iterator[tuple[str, str]]:
    for item in nav if isinstance(nav, list) else []:
        if isinstance(item, dict):
            for title, target in item.items():
                if isinstance(target, str):
                    yield target, str(title)
                else:
                    yield from _titles(target)


def _plugin_options(plugins: Any) -> dict[str, Any]:
    for item in plugins if isinstance(plugins, list) else []:
        if isinstance(item, dict) and PLUGIN in item:
            return dict(item[PLUGIN] or {})
    return {}


def read_config(root: Path, config_file: str = CONFIG_FILE) -> SiteConfig:
    """The configuration as `mkdocs.yml` says, read without a generator."""
    data = yaml.load((root / config_file).read_text(encoding="utf-8"), Loader=_Loader) or {}
    return site_config(root, data, _plugin_options(data.get("plugins")))


def site_config(
    root: Path,
    settings: Mapping[str, Any],
    options: Mapping[str, Any],
    *,
    show_drafts: bool = False,
) -> SiteConfig:
    """The configuration from the settings of `mkdocs.yml` (as read, or as MkDocs validated
    them) and the exercises plugin's options; relative paths are below `root`."""
    theme = settings.get("theme")
    custom = theme.get("custom_dir") if isinstance(theme, dict) else None
    return SiteConfig(
        root=root,
        site_name=str(settings.get("site_name") or ""),
        site_url=str(settings.get("site_url") or ""),
        docs_dir=root / (settings.get("docs_dir") or "docs"),
        site_dir=root / (settings.get("site_dir") or "site"),
        content_dir=root / options.get("content_dir", "content"),
        templates_dir=root / options.get("templates_dir", "templates/pages"),
        hosting_templates_dir=root / options.get("hosting_templates_dir", "templates/hosting"),
        theme_overrides=root / custom if custom else None,
        nav_titles=nav_titles(settings.get("nav")),
        stylesheets=tuple(str(name) for name in options.get("stylesheets", ())),
        show_drafts=show_drafts,
    )
