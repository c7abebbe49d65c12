"""Stage 1: the records and the vocabulary read from `content/`, with every position kept,
validated against their schemas; and the anchor lock.
"""
