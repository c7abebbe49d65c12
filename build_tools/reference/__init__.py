"""The editors' reference pages, generated from the schemas and the registry of codes."""
