"""What one `mkdocs serve` keeps from one rebuild to the next, so a rebuild redoes only what an
edit changed: the cache of files read and values made, what the published site holds, and the
facts of its pages, which a dirty rebuild (whose staging folder starts as a copy of the site)
keeps for the pages it does not rewrite."""

from __future__ import annotations

import atexit
from dataclasses import dataclass, field
from pathlib import Path

from ..build import staging
from ..build.output import Writer
from ..site.reader import PageFacts
from .cache import FileCache


@dataclass
class Session:
    memo: FileCache = field(default_factory=FileCache)
    writer: Writer = field(default_factory=Writer)
    built_for: str = ""
    """The site URL the facts below were read for: a page's links resolve against it."""
    facts: dict[str, PageFacts] = field(default_factory=dict)
    spare: Path | None = None
    """A folder beside the site that a dirty rebuild turns into its staging folder (see
    build/mirror.py `resync`): the previous site, or the staging folder of a build that failed."""
    _dropped_at_exit: bool = False

    def known(self, site_url: str) -> dict[str, PageFacts] | None:
        """The facts of the pages of the published site, if built for `site_url`."""
        return self.facts if self.built_for == site_url else None

    def keep(self, site_url: str, facts: dict[str, PageFacts]) -> None:
        """Called only once the build that read `facts` is published: a failed build's pages
        are not the site's, and their findings must not outlive them."""
        self.built_for, self.facts = site_url, dict(facts)

    def keep_spare(self, folder: Path) -> None:
        if self.spare is not None and self.spare != folder:
            staging.remove(self.spare)
        self.spare = folder
        if not self._dropped_at_exit:
            atexit.register(self._drop_spare)  # MkDocs deletes the site it served, not this
            self._dropped_at_exit = True

    def take_spare(self) -> Path | None:
        spare, self.spare = self.spare, None
        return spare if spare is not None and spare.is_dir() else None

    def _drop_spare(self) -> None:
        if self.spare is not None:
            staging.remove(self.spare)
