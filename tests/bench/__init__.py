"""Scale tooling: a record generator drawn from a public-domain corpus, and the benchmark.

Used only by tests and by `python -m tests.bench`; nothing here is published on the site.
"""
