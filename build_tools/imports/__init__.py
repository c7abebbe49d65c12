"""Importers of open exercise data: `python -m build_tools import free-exercise-db|wger`.

Each source module reads its format into `SourceExercise` values (`source.py`); `naming.py` gives
them slugs and titles a reader can tell apart, `vocabulary.py` maps their terms onto ours,
`text.py` turns their HTML into the record's text, and `records.py` writes the records under the
re-import rules (an editor's change is never overwritten). `run.py` ties them together and writes
nothing unless the whole import succeeded.
"""
