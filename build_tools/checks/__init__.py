"""Checks over loaded records. Importing this package registers every check."""

from . import aliases, identity, vocabulary

__all__ = ["aliases", "identity", "vocabulary"]
