"""The site's one stylesheet: the theme's CSS and the site's own, in that order, in one file,
with the theme's rules that no page of the site can match left out.

A page's first paint waits for every stylesheet it links, and on a phone's network each is a
request, most on a connection of their own: six small files cost more than one that holds them
all. The theme's CSS is written for every feature it has, most of which the site does not use;
a browser parses and matches every rule of it against every element before it paints
(`docs/benchmark/index.md` gives Lighthouse's figures). The theme's template links its two
files from a block the site's `main.html` empties; `mkdocs.yml` lists this one file as its
`extra_css`, and the site's own sheets as the plugin's `stylesheets`.

What "can match" means here is conservative: a rule stays unless every one of its selectors
needs a class, id or element that no page of the site has (`Names`, gathered by the page
reader from every built page, and the words of the site's own scripts, which add classes as
they run). What a selector holds inside `:not()`, `:is()`, `:where()` or `:has()`, and every
attribute, is taken as present. A rule that stays keeps its whole selector list, so a browser
reads it as before. A custom property (`--name`) stays if anything that stays reads it. The
site's own sheets are kept whole.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import tinycss2
import tinycss2.ast

SITE_STYLESHEET = "assets/stylesheets/site.css"
"""Where the one stylesheet is written, as `mkdocs.yml` links it."""
THEME_STYLESHEETS = (
    ("assets/stylesheets/main.*.min.css", "assets/stylesheets/palette.*.min.css"),
    ("assets/stylesheets/classic/main.*.min.css", "assets/stylesheets/classic/palette.*.min.css"),
)
"""The theme's own files, in the order its template linked them, by the names it gives them:
Material's, then Zensical's for its `classic` variant (the one the site uses, as it sets none),
whose template chooses between two folders."""

_CHARSET = re.compile(r'@charset\s+"[^"]*"\s*;')
_SOURCE_MAP = re.compile(r"/\*#\s*sourceMappingURL=[^*]*\*/")
_WORD = re.compile(r"[A-Za-z_][\w-]*")
_VAR = re.compile(r"--[\w-]+")
_GROUPING = frozenset({"media", "supports", "layer", "container"})
"""At-rules that hold rules; every other at-rule (keyframes, font-face, page) is kept whole."""


class MissingStylesheet(Exception):
    """A stylesheet the site's one file is made of is not where it is looked for."""


@dataclass(frozen=True)
class Names:
    """What the site's pages and scripts can give a selector to match: classes, ids, element
    names (lowercase), and the words of the scripts (any of which a script may set)."""

    classes: frozenset[str] = frozenset()
    ids: frozenset[str] = frozenset()
    elements: frozenset[str] = frozenset()
    script_words: frozenset[str] = frozenset()

    def has_class(self, name: str) -> bool:
        return name in self.classes or name in self.script_words

    def has_id(self, name: str) -> bool:
        return name in self.ids or name in self.script_words

    def has_element(self, name: str) -> bool:
        return name.lower() in self.elements or name.lower() in self.script_words

    @classmethod
    def of(cls, styled: Iterable[str], ids: Iterable[str], scripts: Iterable[str]) -> Names:
        """From the pages' `.class` and element names, their ids and the site's scripts."""
        classes, elements = set(), set()
        for name in styled:
            if name.startswith("."):
                classes.add(name[1:])
            else:
                elements.add(name)
        return cls(frozenset(classes), frozenset(ids), frozenset(elements), script_words(scripts))


def script_words(scripts: Iterable[str]) -> frozenset[str]:
    """Every word of the scripts: a class a script adds is one of them, wherever it is spelled."""
    return frozenset(word for text in scripts for word in _WORD.findall(text))


def own_scripts(docs_dir: Path) -> list[str]:
    """The text of the site's own scripts (the theme's bundle is not loaded by any page)."""
    return [path.read_text(encoding="utf-8") for path in sorted(docs_dir.rglob("*.js"))]


def theme_stylesheets(built: Path) -> list[Path]:
    """The theme's stylesheets the generator copied into the built site."""
    for patterns in THEME_STYLESHEETS:
        found = [sorted(built.glob(pattern)) for pattern in patterns]
        if all(found):
            return [matches[-1] for matches in found]
    raise MissingStylesheet("the theme's stylesheets are not in the built site under any name")


def combined(sheets: Sequence[str]) -> str:
    """The sheets as one, in their order. A `@charset` counts only as a file's first rule, so
    the one that the first sheet may open with stays and the others go; a source map comment
    would point a browser's tools at a map of another file."""
    parts = [_SOURCE_MAP.sub("", _CHARSET.sub("", text)).strip() for text in sheets]
    charset = _CHARSET.match(sheets[0].lstrip()) if sheets else None
    return (charset.group(0) if charset else "") + "\n".join(parts) + "\n"


def _selectors(prelude: list[tinycss2.ast.Node]) -> Iterator[list[tinycss2.ast.Node]]:
    selector: list[tinycss2.ast.Node] = []
    for token in prelude:
        if token.type == "literal" and token.value == ",":
            yield selector
            selector = []
        else:
            selector.append(token)
    yield selector


def _can_match(selector: list[tinycss2.ast.Node], names: Names) -> bool:
    """Whether nothing the selector needs outside its functional pseudo-classes is missing."""
    compound_start = True
    after_colon = after_dot = False
    for token in selector:
        kind = token.type
        if kind == "whitespace" or (kind == "literal" and token.value in (">", "+", "~")):
            compound_start, after_colon, after_dot = True, False, False
            continue
        if kind == "literal" and token.value == ":":
            after_colon = True
        elif kind == "literal" and token.value == ".":
            after_dot = True
        elif kind == "ident":
            if after_dot and not names.has_class(token.value):
                return False
            if (
                compound_start
                and not (after_dot or after_colon)
                and not names.has_element(token.value)
            ):
                return False
            after_colon = after_dot = False
        elif kind == "hash":
            if not names.has_id(token.value):
                return False
        else:  # functions (`:not(…)`), attributes, `*`, `&`: taken as matching
            after_colon = after_dot = False
        compound_start = False
    return True


def _kept_rules(rules: Iterable[tinycss2.ast.Node], names: Names) -> str:
    kept = []
    for rule in rules:
        if rule.type == "qualified-rule":
            if any(_can_match(s, names) for s in _selectors(rule.prelude)):
                kept.append(tinycss2.serialize([rule]))
        elif rule.type == "at-rule" and rule.lower_at_keyword in _GROUPING and rule.content:
            inner = _kept_rules(
                tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True),
                names,
            )
            if inner:
                kept.append(f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude)}{{{inner}}}")
        elif rule.type == "at-rule":
            kept.append(tinycss2.serialize([rule]))
    return "".join(kept)


def _without_unread_properties(css: str, read_elsewhere: str) -> str:
    """`css` with the custom property declarations nothing reads taken out, until none is
    left: a property read only by one that goes goes too."""
    elsewhere = set(_VAR.findall(read_elsewhere))
    while True:
        read = elsewhere | {match.group(1) for match in _VAR_CALL.finditer(css)}

        def unless_read(match: re.Match[str], read: set[str] = read) -> str:
            return match.group(0) if match.group(2) in read else match.group(1)

        shorter = _DECLARATION.sub(unless_read, css)
        if shorter == css:
            return css
        css = shorter


_VAR_CALL = re.compile(r"var\(\s*(--[\w-]+)")
# A custom property's declaration in minified CSS: after `{` or `;`, up to the `;` or `}` that
# ends it, outside any bracket or string (the theme's icon values are `url("…")`); a value with
# brackets inside brackets does not match, and stays.
_STRING = r""""[^"]*"|'[^']*'"""
_DECLARATION = re.compile(
    rf"""([{{;])(--[\w-]+):(?:[^;}}"'()]|{_STRING}|\((?:[^()"']|{_STRING})*\))*(?=[;}}])"""
)


def purged(theme_sheets: Sequence[str], names: Names, read_elsewhere: str = "") -> str:
    """The theme's sheets as one, without the rules no page can match, nor the custom
    properties that neither what is kept nor `read_elsewhere` (the site's own sheets and
    scripts) reads: one sheet's properties are read by the other's rules."""
    kept = []
    for text in theme_sheets:
        rules = tinycss2.parse_stylesheet(text, skip_comments=True, skip_whitespace=True)
        kept.append(_kept_rules(rules, names))
    return _without_unread_properties(combined(kept), read_elsewhere)


def site_stylesheet(
    built: Path, docs_dir: Path, own: Sequence[str], names: Names | None = None
) -> dict[str, bytes]:
    """The one stylesheet's file: the theme's from `built` (without what no page can match,
    given the site's `names`), then the site's own (`own`, paths below `docs_dir`)."""
    theme = theme_stylesheets(built)
    paths = [*theme, *(docs_dir / name for name in own)]
    missing = [str(path) for path in paths if not path.is_file()]
    if missing:
        raise MissingStylesheet("stylesheet not found: " + ", ".join(missing))
    texts = [path.read_text(encoding="utf-8") for path in paths]
    theirs, ours = texts[: len(theme)], texts[len(theme) :]
    if names is not None:
        elsewhere = "\n".join(ours) + "\n" + " ".join(sorted(names.script_words))
        theirs = [purged(theirs, names, elsewhere)]
    return {SITE_STYLESHEET: combined([*theirs, *ours]).encode("utf-8")}
