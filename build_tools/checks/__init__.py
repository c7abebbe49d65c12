"""Checks over loaded records. Importing this package registers every check."""

from . import anchors, identity, vocabulary

__all__ = ["anchors", "identity", "vocabulary"]
