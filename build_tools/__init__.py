"""Load, check and render exercise records into pages; the MkDocs plugin is a thin face over it."""

__version__ = "0.1.0"
