"""The codes that reading, validating and rendering emit themselves (Y, S, T), for the catalogue.

The record and site checks describe themselves in their docstrings; these codes come from
`source/files.py`, `source/yaml_nodes.py`, `source/load.py`, `source/schema.py` and
`build/pipeline.py`, so their entries are written here.
"""

from __future__ import annotations

from ..source.limits import LIMITS
from .registry import describe

describe(
    "Y001",
    "invalid YAML",
    """What it catches: a file the YAML parser cannot read: a bracket or quote left open, a
    line indented too far or not far enough, a tab used for indentation.

    Why: nothing in a file can be checked or published until it parses.

    How to fix: go to the line and column given (the parser's own position); the mistake is
    there or just above it.""",
    example="content/heel-press.yaml:8:8: Y001 invalid YAML: did not find expected ',' or ']' "
    "(while parsing a flow sequence)",
)
describe(
    "Y002",
    "key given twice",
    """What it catches: the same key twice in one mapping, such as two `level:` lines.

    Why: YAML keeps only one of them silently, so half of what was written would be lost.

    How to fix: keep one of the two keys; the message gives the line of the first.""",
    example="content/heel-press.yaml:7:1: Y002 duplicate key 'level' (first given at line 6)",
)
describe(
    "Y003",
    "empty file",
    """What it catches: a record or vocabulary file with nothing in it but comments.

    Why: an empty file is almost always a copy or save that went wrong.

    How to fix: fill in the record, or delete the file.""",
    example="content/heel-press.yaml:1:1: Y003 the file is empty",
)
describe(
    "Y004",
    "key that is not plain text",
    """What it catches: a key written as a list or a mapping (`? [a, b]`).

    Why: every field name in a record is a plain word.

    How to fix: write the key as a plain name followed by a colon.""",
    example="content/heel-press.yaml:9:5: Y004 a key must be a plain value",
)
describe(
    "Y005",
    "value YAML cannot safely read",
    """What it catches: a value with a YAML tag (`!!python/object`, `!include`) or a value
    the safe loader refuses.

    Why: records are plain data; tags could make the build run code or read other files.

    How to fix: remove the tag and write the value as plain text, a list or a mapping.""",
    example="content/heel-press.yaml:6:8: Y005 invalid value: could not determine a constructor "
    "for the tag '!include'",
)
describe(
    "Y006",
    "file that cannot be read",
    """What it catches: a file that cannot be opened or is not UTF-8 text.

    Why: the build reads every record as UTF-8; anything else would show as garbled text.

    How to fix: save the file as UTF-8 (every editor offers it) and check its permissions.""",
    example="content/heel-press.yaml:1:1: Y006 cannot read the file: 'utf-8' codec can't decode"
    " byte 0xff in position 0: invalid start byte",
)
describe(
    "Y007",
    "file in content/ that is not a plain file",
    """What it catches: a `*.yaml` file in `content/` (or the vocabulary, or the anchor lock)
    that is a FIFO, a socket, a device or a folder, or a link to a file outside `content/` or to
    nothing. Such a file is never opened for reading, and nothing it holds is printed.

    Why: a FIFO would stop the build and the dev server for good, a device could be endless,
    and a link could publish any file of the machine.

    How to fix: put the record itself, a plain file, in `content/`, or remove what is there.""",
    example="content/calf-raise.yaml:1:1: Y007 a FIFO, not a plain file: only plain files inside "
    "content/ are read",
)
describe(
    "Y008",
    "record whose name does not end in .yaml",
    """What it catches: a file in `content/` that ends in `.yml`, `.YAML` or another spelling
    of `.yaml`. Editors' lock, swap and backup files (`.#x.yaml`, `.x.yaml.swp`, `x.yaml~`)
    are left alone.

    Why: records are read from `*.yaml` only, and the slug is the file's name: a second spelling
    would let `heel-press.yml` and `heel-press.yaml` both claim one page, and a record saved
    under it would otherwise be skipped without a word.

    How to fix: rename the file to end in `.yaml`.""",
    example="content/calf-raise.yml:1:1: Y008 records must end in .yaml: rename it to "
    "'calf-raise.yaml'",
)
describe(
    "Y009",
    "YAML anchor or alias",
    """What it catches: a YAML anchor (`&name`) or alias (`*name`), merge keys built on them
    included; the finding is at the first one, found before anything is expanded.

    Why: a few lines of aliases can expand to billions of values (an alias bomb) or refer to
    themselves, and a record is easier to read with every value written where it applies.

    How to fix: write the value out in each place it is needed.""",
    example="content/heel-press.yaml:85:7: Y009 YAML anchors and aliases are not allowed in "
    "records: write the value out",
)
describe(
    "Y010",
    "file past the loader's limits",
    f"""What it catches: a file past one of the bounds the loader keeps:
    {"; ".join(map(str, LIMITS))}.

    Why: the bounds are far above any real record (the largest of a reference of 873 exercises
    has 24 steps, and its longest text is 744 characters), and they keep a broken or hostile
    file from taking the build's time and memory.

    How to fix: split the text or the list, or remove what does not belong in the record.""",
    example="content/heel-press.yaml:6:23: Y010 field 'level[0][0][0][0][0][0][0][0][0][0][0][0][0]"
    "[0][0]' is nested too deep (at most 16 levels)",
)
describe(
    "S100",
    "value the schema refuses",
    """What it catches: a value that breaks a rule of the schema for which the checker has no
    wording of its own; the message quotes the schema's rule.

    Why: the schema in `build_tools/schemas/` is the single source of truth for the shape of a
    record; anything it refuses cannot be published.

    How to fix: read the field's entry on the Record fields page and change the value to fit.""",
    example="content/record.yaml:2:6: S100 field 'see': ['step:lean-in', 'faq:heel-lift'] is too "
    "long",
)
describe(
    "S101",
    "required field missing",
    """What it catches: a field every record must have, such as `tips` or `level`, that is
    missing, or written under another name.

    Why: every page has the same sections, so readers find the same things in the same place.

    How to fix: add the field; the finding points at the mapping that should hold it.""",
    example="content/heel-press.yaml:2:1: S101 missing required field 'level'",
)
describe(
    "S102",
    "unknown field",
    """What it catches: a field the schema does not know, most often a misspelt one
    (`tipps`); a near miss is named in the message.

    Why: a misspelt field would be ignored silently and its text never published.

    How to fix: correct the field name to the one suggested, or remove the field.""",
    example="content/heel-press.yaml:85:1: S102 unknown field 'tipps' (did you mean 'tips'?)",
)
describe(
    "S103",
    "value of the wrong type",
    """What it catches: a list where text is expected, a number where a name is expected,
    an empty value (`key:` with nothing after it).

    Why: each field has one shape, which the templates and the checks rely on.

    How to fix: write the value in the shape the message names; quote text that YAML would
    read as a number or a date.""",
    example="content/heel-press.yaml:2:7: S103 field 'name' must be text, got 42",
)
describe(
    "S104",
    "empty section",
    """What it catches: a required list or text that is present but empty, such as
    `equipment: []` or `tips:` with no items.

    Why: an empty section would publish a heading with nothing under it.

    How to fix: fill the section in; every exercise has at least one of each.""",
    example="content/heel-press.yaml:7:12: S104 field 'equipment' must not be empty",
)
describe(
    "S105",
    "value of the wrong form",
    """What it catches: an id that is not kebab-case (`Heel_Lift`), a one-line field with a
    line break, a blank text, or a `see` reference that is not `step:`, `faq:` or `variation:`
    followed by an id.

    Why: ids become addresses (`#heel-lift`) and must stay simple and stable; one-line fields
    are shown as titles.

    How to fix: write the value in the form the message gives.""",
    example="content/heel-press.yaml:124:9: S105 field 'faq[3].id' must be kebab-case (lowercase "
    "letters and digits joined by single hyphens), got 'Heel_Lift'",
)
describe(
    "S106",
    "item listed twice",
    """What it catches: the same id twice in a list, such as `equipment: [wall, wall]`.

    Why: the page would show the item twice.

    How to fix: remove the second one.""",
    example="content/heel-press.yaml:7:19: S106 field 'equipment' lists 'wall' more than once",
)
describe(
    "S107",
    "value too long",
    """What it catches: a summary, id or FAQ id longer than its limit.

    Why: the summary is also the page's description in search results, and ids are parts of
    addresses people copy.

    How to fix: shorten the value to the limit the message gives.""",
    example="content/heel-press.yaml:124:9: S107 field 'faq[3].id' is too long (43 characters, at "
    "most 40)",
)
describe(
    "T001",
    "template error",
    """What it catches: a page template that fails to render: a syntax error, or a field the
    template names that the record model does not have.

    Why: templates render strictly, so a missing field is an error rather than a blank on the
    page.

    How to fix: correct the template at the line given.""",
    example="templates/pages/exercise.html:18:1: T001 template error: 'build_tools.model.Exercise "
    "object' has no attribute 'subtitle'",
)
