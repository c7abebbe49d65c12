"""Stage 2: checks over loaded records (C codes) and over the built site (H codes).

Importing this package registers every check, the codes the other stages emit (`codes`), and
those of the project's choice of checks (`selection`) and of the records' waivers (`waivers`).
"""

from . import (
    aliases,
    anchors,
    codes,
    consistency,
    credit,
    hygiene,
    identity,
    links,
    media,
    moves,
    pages,
    pose,
    related,
    scale,
    selection,
    text_links,
    vocabulary,
    waivers,
)

__all__ = [
    "aliases",
    "anchors",
    "codes",
    "consistency",
    "credit",
    "hygiene",
    "identity",
    "links",
    "media",
    "moves",
    "pages",
    "pose",
    "related",
    "scale",
    "selection",
    "text_links",
    "vocabulary",
    "waivers",
]
