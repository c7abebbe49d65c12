"""Checks over loaded records (C codes) and over the built site (H codes).

Importing this package registers every check.
"""

from . import (
    aliases,
    anchors,
    consistency,
    hygiene,
    identity,
    links,
    pages,
    pose,
    scale,
    vocabulary,
)

__all__ = [
    "aliases",
    "anchors",
    "consistency",
    "hygiene",
    "identity",
    "links",
    "pages",
    "pose",
    "scale",
    "vocabulary",
]
