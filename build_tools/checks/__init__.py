"""Checks over loaded records. Importing this package registers every check."""

from . import aliases, anchors, identity, vocabulary

__all__ = ["aliases", "anchors", "identity", "vocabulary"]
