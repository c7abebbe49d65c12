"""The path every face shares: the pipeline, the steps of one build whichever generator writes
the pages, the generators, and the swap of the staging folder.
"""
