"""The generators a site builds with. MkDocs and ProperDocs (its maintained fork) run our plugin,
which drives the build's steps from their events; Zensical runs no plugin, so the build runs its
steps around it: our pages are written as files into `docs/`, Zensical builds everything it
finds there, and the steps over its output run on the folder it wrote.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..diagnostics import Diagnostic, escalated, has_errors, summary
from ..speed.forked import can_fork
from ..speed.media_cache import DiskDerivatives
from . import staging
from .config import CONFIG_FILE, SiteConfig, read_config
from .site_build import SiteBuild

PLUGIN_GENERATORS = ("mkdocs", "properdocs")
GENERATORS = (*PLUGIN_GENERATORS, "zensical")
ZENSICAL_CONFIG = ".zensical-build.yml"
"""The configuration the build writes for Zensical beside `mkdocs.yml` (which it inherits):
Zensical wants its output and pages inside the folder of its configuration."""

Say = Callable[[str], None]


def _stderr(line: str) -> None:
    print(line, file=sys.stderr)


@dataclass(frozen=True)
class Outcome:
    status: int
    """0 when the site was published, 1 when the content or the site failed its checks, 2 when
    the generator or the tool itself failed."""
    diagnostics: tuple[Diagnostic, ...] = ()


def build(
    root: Path,
    generator: str,
    site_dir: Path | None = None,
    *,
    strict: bool = True,
    say: Say = _stderr,
) -> Outcome:
    """Build the site at `root` with `generator` into `site_dir` (the configured one if None);
    a build that fails leaves the previous site as it was."""
    if generator in PLUGIN_GENERATORS:
        command = [sys.executable, "-m", generator, "build"]
        command += ["--strict"] * strict
        command += ["--site-dir", str(site_dir)] if site_dir is not None else []
        done = subprocess.run(command, cwd=root, check=False)
        return Outcome(done.returncode if done.returncode in (0, 1) else 2)
    return build_without_plugins(read_config(root), site_dir, strict=strict, say=say)


def build_without_plugins(
    config: SiteConfig, site_dir: Path | None, *, strict: bool, say: Say = _stderr
) -> Outcome:
    """The whole path for Zensical: our steps, then Zensical on the pages we wrote, then our
    steps over what it wrote, then the swap."""
    target = (site_dir or config.site_dir).absolute()
    site = SiteBuild(config, fork=can_fork())
    site.media_store = DiskDerivatives(config.root / ".cache" / "media")
    try:
        return _build_without_plugins(config, site, target, strict, say)
    except (OSError, staging.WriteFailed) as error:
        reason = staging.failure(error, target)
        say(site.failed(reason or str(error)))
        return Outcome(2)
    finally:
        site.abandon()  # nothing, once published; the staging folder otherwise
        with suppress(OSError):  # a read-only project has nothing of ours to remove
            site.remove_sources(config.docs_dir)
            (config.root / ZENSICAL_CONFIG).unlink(missing_ok=True)


def _build_without_plugins(
    config: SiteConfig, site: SiteBuild, target: Path, strict: bool, say: Say
) -> Outcome:
    found = _shown(site.prepare(), strict, say)
    failure = site.content_failure(found)
    if failure is not None:
        say(failure)
        return Outcome(1, tuple(found))
    for line in site.notes:
        say(line)
    staged = site.stage(target)
    written = _zensical(config, site, staged, strict, say)
    if written != 0:
        site.abandon()
        say(site.failed(f"zensical failed (exit {written})"))
        return Outcome(2)
    checked = _shown(site.finish(staged), strict, say)
    if has_errors(checked):
        site.abandon()
        say(site.failed(f"site check failed: {summary(checked)}"))
        return Outcome(1, tuple(checked))
    site.publish()
    return Outcome(0, tuple([*found, *checked]))


def _zensical(config: SiteConfig, site: SiteBuild, staged: Path, strict: bool, say: Say) -> int:
    """Run Zensical on our pages into `staged`; its exit code. Its output and the theme overlay
    live in a folder of their own inside the project, as Zensical requires."""
    root = config.root
    try:
        site.write_sources(config.docs_dir)
    except OSError as error:
        where = f"cannot write the pages for Zensical into {config.docs_dir}"
        raise staging.WriteFailed(f"{where}: {staging.describe(error)}") from None
    work = staging.scratch(root, "zensical")
    try:
        theme = _theme_overlay(config, work / "theme")
        settings = {
            "INHERIT": CONFIG_FILE,
            "site_dir": f"{work.name}/site",
            # Material 9's look, not Zensical's new one; the site has its own search.
            "theme": {"custom_dir": theme.relative_to(root).as_posix(), "variant": "classic"},
            "plugins": [{"search": {"enabled": False}}],
        }
        (root / ZENSICAL_CONFIG).write_text(yaml.safe_dump(settings), encoding="utf-8")
        command = [sys.executable, "-m", "zensical", "build", "-f", ZENSICAL_CONFIG]
        command += ["--strict"] * strict
        done = subprocess.run(command, cwd=root, capture_output=True, text=True, check=False)
        for line in (done.stdout + done.stderr).splitlines():
            if line.strip():
                say(line)
        if done.returncode != 0:
            return done.returncode
        # Into the staging folder, not in its place: the folder holds the build's lock.
        for entry in (work / "site").iterdir():
            shutil.move(entry, staged / entry.name)
        return 0
    finally:
        staging.discard(work)


def _theme_overlay(config: SiteConfig, overlay: Path) -> Path:
    """The theme overrides as Zensical sees them: each file of the theme's `custom_dir`, and
    the theme's own templates under `theme/`, as the MkDocs plugin's loader offers them."""
    import zensical

    overlay.mkdir(parents=True)
    if config.theme_overrides is not None:
        for entry in config.theme_overrides.iterdir():
            (overlay / entry.name).symlink_to(entry.resolve())
    (overlay / "theme").symlink_to(Path(zensical.__file__).parent / "templates")
    return overlay


def _shown(diagnostics: tuple[Diagnostic, ...], strict: bool, say: Say) -> list[Diagnostic]:
    shown = escalated(diagnostics, strict)
    for diagnostic in shown:
        say(diagnostic.format())
    return shown
