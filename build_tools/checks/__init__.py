"""Stage 2: checks over loaded records (C codes) and over the built site (H codes).

Importing this package registers every check, and the codes the other stages emit (`codes`).
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
    pages,
    pose,
    related,
    scale,
    text_links,
    vocabulary,
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
    "pages",
    "pose",
    "related",
    "scale",
    "text_links",
    "vocabulary",
]
