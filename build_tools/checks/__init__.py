"""Checks over loaded records. Importing this package registers every check."""

from . import identity, vocabulary

__all__ = ["identity", "vocabulary"]
