"""Checks over loaded records. Importing this package registers every check."""

from . import identity, pose, vocabulary

__all__ = ["identity", "pose", "vocabulary"]
