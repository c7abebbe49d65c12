"""Rendering the theme's templates fast, for a generator that renders them with Jinja (MkDocs):
each is compiled once and kept, the indentation of its lines taken out, and the parts that many
pages share rendered once.

- `Dedented` takes the indentation out of the theme's template lines before they are compiled,
  and the invalid markup out of the few that no override can reach.
- `TemplateCache` keeps the compiled templates between rebuilds, in memory and in `.cache/`.
- `SharedParts` lets the overrides in templates/theme render the sidebar, the table of contents
  and the blocks that depend only on the page's depth once (partials/nav.html, partials/toc.html,
  partials/header.html, generated.html); without it, they render each part for every page, as a
  generator without our plugin does.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from pathlib import Path
from typing import Any

import jinja2
import jinja2.bccache
import jinja2.runtime

THEME_MARKUP_FIXES = {
    "base.html": tuple(
        (f'type="checkbox" id="__{name}" autocomplete="off">', f'type="checkbox" id="__{name}">')
        for name in ("drawer", "search")
    ),
}
"""Invalid HTML in Material's templates outside any block an override could replace: its
drawer and search toggles are checkboxes, which may not carry `autocomplete` (the Nu Html
Checker's error); the attribute kept a browser from restoring them checked on Back, which
find.js undoes instead. Zensical's own templates do not have it."""


class Dedented(jinja2.BaseLoader):
    """The theme's templates with the indentation of their lines taken out before they are
    compiled: a page's HTML is then much smaller (`docs/benchmark/index.md` gives the largest
    page), and shows the same, as none of the theme's templates has whitespace-sensitive `<pre>`
    or `<textarea>`. Page content is not touched; ours carries no indentation."""

    def __init__(self, loader: jinja2.BaseLoader) -> None:
        self.loader = loader

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str | None, Callable[[], bool] | None]:
        source, filename, uptodate = self.loader.get_source(environment, template)
        for invalid, valid in THEME_MARKUP_FIXES.get(template, ()):
            source = source.replace(invalid, valid)
        return "\n".join([line.lstrip(" \t") for line in source.split("\n")]), filename, uptodate

    def list_templates(self) -> list[str]:
        return self.loader.list_templates()


class SharedParts:
    """Parts of the theme's page that many of our pages share, rendered once and reused.

    - The sidebar: a page outside the navigation has no active item, and the sidebar's links are
      relative, so any two such pages in the same folder share it (partials/nav.html). Pages in
      the navigation (their own item is active) are never shared.
    - Blocks that depend only on the page's depth (`generated.html`, partials/header.html):
      stylesheet and script tags, the theme's configuration, the header around the title.
    - The table of contents, which depends only on its entries (partials/toc.html).
    """

    def __init__(self) -> None:
        self.html: dict[Hashable, str] = {}

    def nav_key(self, page: Any, nav: Any) -> Hashable | None:
        if page is None or nav is None or page in nav.pages:
            return None
        # Relative links are equal only between pages in the same folder, not merely at the same
        # depth (`../` from `exercises/x/` and from `browse/muscle/` lead to different places).
        # A page's own folder matters only for a link into it: when the sidebar has none, pages
        # in sibling folders (`exercises/a/`, `exercises/b/`) share it.
        folder = page.url.rstrip("/")
        if not any(p.url.startswith(folder + "/") for p in nav.pages):
            folder = folder.rpartition("/")[0] + "/*"
        return ("nav", folder)

    def toc_key(self, page: Any) -> Hashable | None:
        """A table of contents' entries: its links are fragments, so equal entries, equal HTML."""
        if page is None:
            return None

        def entries(items: Iterable[Any]) -> tuple[Hashable, ...]:
            return tuple((i.id, i.title, i.level, entries(i.children)) for i in items)

        return ("toc", entries(page.toc))

    def remember(self, key: Hashable | None, html: str) -> Hashable | None:
        """Keep `html` under `key` (None: a page in the nav, kept only until the next one)."""
        self.html[key] = html
        return key

    def install(self, env: jinja2.Environment) -> None:
        # A part is shared within one build: the next may have another nav or config, and a
        # dirty build that kept an old sidebar would link to pages that are gone.
        self.html.clear()
        shared = self.html

        @jinja2.pass_context
        def same_per_depth(
            context: jinja2.runtime.Context, name: str, render: Callable[[], str]
        ) -> str:
            key = (name, context.get("base_url"))
            if key not in shared:
                shared[key] = render()
            return shared[key]

        env.globals.update(
            untitled=Untitled,
            title_mark=Untitled.MARK,
            nav_cache_key=self.nav_key,
            toc_key=self.toc_key,
            nav_cache=shared,
            remember_nav=self.remember,
            same_per_depth=same_per_depth,
        )


class Untitled:
    """A page whose title is a mark: the theme's header rendered for it is the same for every
    page at its depth, and each page's title takes the mark's place (partials/header.html)."""

    MARK = "\x00page-title\x00"

    def __init__(self, page: Any) -> None:
        self._page = page
        self.title = self.MARK
        self.meta = {**page.meta, "title": self.MARK}

    def __getattr__(self, name: str) -> object:
        return getattr(self._page, name)


class TemplateCache(jinja2.FileSystemBytecodeCache):
    """The theme's compiled templates, kept in memory between the rebuilds of `mkdocs serve` and
    on disk between builds, as Python keeps `.pyc` files: compiling Material's templates is a
    sizeable part of a build. Jinja keys each by its file and checks it against its
    source's checksum, so an edited template is compiled anew."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}
        self.on_disk = False

    def use(self, directory: Path) -> None:
        """Keep the compiled templates in `directory` too (made if missing)."""
        try:
            directory.mkdir(parents=True, exist_ok=True)
        except OSError:
            self.on_disk = False  # a read-only project builds as before, compiling each time
            return
        self.directory, self.pattern, self.on_disk = str(directory), "__jinja2_%s.cache", True

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])
        elif self.on_disk:
            try:
                super().load_bytecode(bucket)
            except OSError:
                self.on_disk = False  # unreadable: the build compiles instead

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()
        if self.on_disk:
            try:
                super().dump_bytecode(bucket)
            except OSError:
                # A read-only or full `.cache/` only costs the next build the compiling.
                self.on_disk = False


def install_theme_speed(
    env: jinja2.Environment, theme_dirs: list[str], has_overrides: bool
) -> None:
    """Our overrides find the theme's own template of a name they override as `theme/<name>`
    (an override that wraps the theme's file includes it rather than copying it), and every
    template is compiled without its indentation."""
    originals = theme_dirs[1:] if has_overrides else theme_dirs
    assert env.loader is not None
    env.loader = Dedented(
        jinja2.ChoiceLoader(
            [env.loader, jinja2.PrefixLoader({"theme": jinja2.FileSystemLoader(originals)})]
        )
    )
