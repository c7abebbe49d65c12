"""Checks over loaded records. Importing this package registers every check."""

from . import identity, scale, vocabulary

__all__ = ["identity", "scale", "vocabulary"]
