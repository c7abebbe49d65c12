"""YAML text → plain data plus the source position of every key and value.

PyYAML's `compose` keeps a mark on every node; we walk the nodes ourselves so that later stages
(schema, checks) can point at the exact line and column of any field by its path.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from typing import Any

import yaml

from ..diagnostics import Diagnostic, Location, Note
from .limits import DEPTH

# The C loader is much faster than the pure-Python one and keeps the same marks.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

Path = tuple[str | int, ...]

_PLAIN_TAGS = {"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}
_STR = "tag:yaml.org,2002:str"
_MERGE = "tag:yaml.org,2002:merge"

# What could be an anchor (`&a`) or an alias (`*a`): one of them where a value may start (after
# a space, a bracket, a comma or a JSON-style colon), then a name. Prose such as "Tips & tricks"
# never matches, so most files skip the event scan.
_MAYBE_ANCHOR = re.compile(r"(?:^|[\s\[{,:])[&*][^\s,\[\]{}]", re.MULTILINE)
# The characters YAML refuses (PyYAML's reader and libyaml agree): control characters but tab
# and line breaks, surrogates, U+FFFE and U+FFFF.
_NOT_PRINTABLE = re.compile(
    r"[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)
_COLLECTION_START = (yaml.SequenceStartEvent, yaml.MappingStartEvent)
_COLLECTION_END = (yaml.SequenceEndEvent, yaml.MappingEndEvent)


@dataclass(frozen=True)
class SourceMap:
    """Where each field of a parsed document stands in its file.

    A file read by the fast path keeps its `text` instead, and its positions are found the first
    time one is asked for: most records never have a finding, and never need them.
    """

    path: str
    values: dict[Path, Location] = field(default_factory=dict)
    keys: dict[Path, Location] = field(default_factory=dict)
    text: str | None = field(default=None, repr=False, compare=False)

    def value(self, at: Path) -> Location:
        """The position of the value at `at`, or of the nearest enclosing value that exists."""
        self._locate()
        return self._nearest(self.values, at)

    def key(self, at: Path) -> Location:
        """The position of the key of the field at `at` (for list items: the item itself)."""
        self._locate()
        if at in self.keys:
            return self.keys[at]
        return self._nearest(self.values, at)

    def span(self, at: Path) -> tuple[Location, Location | None] | None:
        """Where the field at `at` starts (its key, if it has one) and where the next field
        outside it starts (None: the end of the file); None when the document has no `at`."""
        self._locate()
        start = self.values.get(at)
        if start is None:
            return None
        key = self.keys.get(at)
        begin = min(start, key) if key is not None else start
        size = len(at)
        # YAML gives a node its start only: the field ends where the next one outside it begins.
        after = [
            location
            for table in (self.values, self.keys)
            for path, location in table.items()
            if path[:size] != at and location > start
        ]
        return begin, min(after, default=None)

    def _locate(self) -> None:
        if self.text is not None and not self.values:
            root = yaml.compose(self.text, Loader=_Loader)
            assert root is not None  # `text` is kept only for a file that loaded as a dict or list
            _Walker(self).walk(root, ())

    def _nearest(self, table: dict[Path, Location], at: Path) -> Location:
        for end in range(len(at), -1, -1):
            found = table.get(at[:end])
            if found is not None:
                return found
        return Location(self.path)


@dataclass(frozen=True)
class ParsedYaml:
    data: Any
    source: SourceMap
    diagnostics: tuple[Diagnostic, ...] = ()


def _location(path: str, mark: Any) -> Location:
    """`mark`: a PyYAML mark, from the Python parser or the C one, or None."""
    if mark is None:
        return Location(path)
    return Location(path, mark.line + 1, mark.column + 1)


class _Unusual(Exception):
    """The fast path met something only the full path reports well (a duplicate key)."""


def _fields(loader: yaml.CSafeLoader, node: yaml.MappingNode) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            raise _Unusual
        key = str(loader.construct_object(key_node, deep=True))
        if key in found:
            raise _Unusual
        found[key] = loader.construct_object(value_node, deep=True)
    return found


class _FastLoader(_Loader):  # type: ignore[misc, valid-type]
    """Data without positions, built by the C parser: faster than composing and walking."""


_FastLoader.add_constructor("tag:yaml.org,2002:map", _fields)


def _scan(text: str, path: str) -> Diagnostic | None:
    """The first anchor or alias (Y009), or the first list or mapping nested past DEPTH (Y010),
    found from the parser's events: before anything is composed, expanded or walked, so that
    neither an alias bomb nor a deep nesting costs more than reading the text once."""
    depth = 0
    try:
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                return Diagnostic(
                    "Y009",
                    "YAML anchors and aliases are not allowed in records: write the value out",
                    _location(path, event.start_mark),
                )
            if isinstance(event, _COLLECTION_START):
                depth += 1
                if depth > DEPTH.value:
                    message = f"lists and mappings are nested too deep (at most {DEPTH.value})"
                    return Diagnostic("Y010", message, _location(path, event.start_mark))
            elif isinstance(event, _COLLECTION_END):
                depth -= 1
    except yaml.YAMLError:
        pass  # composing the document reports it, at its position
    return None


def _unreadable_character(text: str, path: str, error: yaml.YAMLError) -> Diagnostic:
    found = _NOT_PRINTABLE.search(text)
    if found is None:
        reason = getattr(error, "reason", None) or "the text cannot be read"
        return Diagnostic("Y001", f"invalid YAML: {reason}", Location(path))
    start = found.start()
    line = text.count("\n", 0, start) + 1
    column = start - (text.rfind("\n", 0, start) + 1) + 1
    message = (
        f"invalid YAML: the control character U+{ord(found.group()):04X} is not allowed "
        "(remove it, or write it as an escape in double quotes)"
    )
    return Diagnostic("Y001", message, Location(path, line, column))


def parse_yaml(text: str, path: str) -> ParsedYaml:
    """Parse one YAML document; syntax errors (Y001) and duplicate keys (Y002) are values."""
    if _MAYBE_ANCHOR.search(text):
        refused = _scan(text, path)
        if refused is not None:
            return ParsedYaml(None, SourceMap(path), (refused,))
    try:
        data = yaml.load(text, Loader=_FastLoader)
    except (yaml.YAMLError, _Unusual, TypeError, ValueError, RecursionError):
        data = None  # the full path below finds the problem and says where it is
    if isinstance(data, (dict, list)):
        return ParsedYaml(data, SourceMap(path, text=text))
    source = SourceMap(path)
    refused = _scan(text, path)
    if refused is not None:
        return ParsedYaml(None, source, (refused,))
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.reader.ReaderError as error:
        return ParsedYaml(None, source, (_unreadable_character(text, path, error),))
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = error.problem or error.context or "invalid YAML"
        message = f"invalid YAML: {problem}"
        if error.context and error.problem:
            message = f"invalid YAML: {problem} ({error.context})"
        notes: tuple[Note, ...] = ()
        if error.context and error.context_mark and error.context_mark is not mark:
            # "while parsing a flow sequence" → where that sequence began, often the real slip
            what = error.context.removeprefix("while ").split(" ", 1)[-1]
            notes = (Note(_location(path, error.context_mark), f"{what} starts here"),)
        diagnostic = Diagnostic("Y001", message, _location(path, mark), notes=notes)
        return ParsedYaml(None, source, (diagnostic,))
    if root is None:
        return ParsedYaml(None, source, (Diagnostic("Y003", "the file is empty", Location(path)),))
    walker = _Walker(source)
    data = walker.walk(root, ())
    return ParsedYaml(data, source, tuple(walker.diagnostics))


class _Walker:
    def __init__(self, source: SourceMap) -> None:
        self.source = source
        self.diagnostics: list[Diagnostic] = []
        self._scalars = yaml.constructor.SafeConstructor()

    def walk(self, node: yaml.Node, at: Path) -> Any:
        self.source.values[at] = _location(self.source.path, node.start_mark)
        if node.tag not in _PLAIN_TAGS and not isinstance(node, yaml.ScalarNode):
            location = _location(self.source.path, node.start_mark)
            self.diagnostics.append(
                Diagnostic("Y005", f"invalid value: unknown tag '{node.tag}'", location)
            )
            return None
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, at)
        if isinstance(node, yaml.SequenceNode):
            return [self.walk(item, (*at, index)) for index, item in enumerate(node.value)]
        if node.tag == _STR:  # most values: the text itself, without the constructor's detour
            return node.value
        return self._scalar(node)[1]

    def _scalar(self, node: yaml.Node) -> tuple[bool, Any]:
        """(True, the value), or (False, None) once the reason it cannot be read is reported."""
        try:
            return True, self._scalars.construct_object(node, deep=True)
        except yaml.YAMLError as error:
            problem = getattr(error, "problem", None) or "value cannot be read"
        except ValueError as error:  # a date that is not one, a number too long to convert
            problem = str(error)
            if "integer string conversion" in problem:
                limit = sys.get_int_max_str_digits()
                problem = f"a number of more than {limit:,} digits; quote it if it is text"
        location = _location(self.source.path, node.start_mark)
        self.diagnostics.append(Diagnostic("Y005", f"invalid value: {problem}", location))
        return False, None

    def _mapping(self, node: yaml.MappingNode, at: Path) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key_location = _location(self.source.path, key_node.start_mark)
            if not isinstance(key_node, yaml.ScalarNode):
                self.diagnostics.append(
                    Diagnostic("Y004", "a key must be a plain value", key_location)
                )
                continue
            if key_node.tag == _MERGE:
                message = "a merge key ('<<') is not allowed: write the fields out"
                self.diagnostics.append(Diagnostic("Y004", message, key_location))
                continue
            if key_node.tag == _STR:
                key = key_node.value
            else:
                read, constructed = self._scalar(key_node)
                if not read:
                    continue
                key = str(constructed)
            if key in result:
                first = self.source.keys[(*at, key)]
                self.diagnostics.append(
                    Diagnostic(
                        "Y002",
                        f"duplicate key '{key}' (first given at line {first.line})",
                        key_location,
                    )
                )
                continue
            self.source.keys[(*at, key)] = key_location
            result[key] = self.walk(value_node, (*at, key))
        return result
