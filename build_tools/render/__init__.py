"""Stage 3: one record → the body of its page, with the project's templates, the stance figure
and the page's structured data.
"""
