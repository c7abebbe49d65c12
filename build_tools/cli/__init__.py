"""The command-line face: `python -m build_tools check | lock | build`."""
