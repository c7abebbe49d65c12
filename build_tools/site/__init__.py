"""Stage 4: what the site makes beyond single records (browse pages, search, the filter page's
data, host configuration), and reading a built site back for its checks.
"""
