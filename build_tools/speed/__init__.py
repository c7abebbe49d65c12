"""What makes builds fast and nothing needs: the cache `mkdocs serve` keeps between rebuilds,
the second core, the dirty fingerprints, the theme's templates rendered once. The core runs
without any of it.
"""
