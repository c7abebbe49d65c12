"""The coach's sheet page (`sheet/`): chosen exercises, steps and answers with a note per
exercise, all of it in the page's query string.

The public format, kept like a deep link: `sheet/?ex=<slug>&step=<slug>/<id>&faq=<slug>/<id>
&note=<slug>/<text>`, each parameter repeated as often as needed, in the sheet's order. The page
our build writes is the same for every sheet: `assets/javascripts/sheet-page.js` reads the
query string and renders each exercise from its JSON (`api/v1/exercises/<slug>.json`) and its
page. An entry that moved to another exercise (`moved_from`) is shown under that exercise,
through the site's map of moved anchors, and the address is rewritten to its new place.

A static page cannot read its query string without a script, so a reader without one is served
by the coach: the sheet page gives the sheet as a plain list ("Copy as a list", "Email the
list"), each exercise and answer a published link that works in any browser, and the page's
`<noscript>` text says what such a reader can do and leads to the exercises. The "Add to sheet"
links on the exercise pages are real links to a sheet of that one entry.
"""

from __future__ import annotations

import jinja2

from ..addresses import SHEET, base_of
from ..render.page import Page

SHEET_TEMPLATE = "sheet.html"
NOTE_LIMIT = 500
"""Characters of one note: the sheet is a link, and links much past a few thousand characters
are cut by mail and chat programs."""


def sheet_page(env: jinja2.Environment) -> Page:
    html = env.get_template(SHEET_TEMPLATE).render(base=base_of(SHEET), note_limit=NOTE_LIMIT)
    return Page.of(
        SHEET,
        "Your sheet",
        "Chosen exercises and answers with a note for each, in one link, on paper and offline.",
        html,
    )
