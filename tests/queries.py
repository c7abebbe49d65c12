"""What a reader who does not know the name types to find Heel Press: one list for the index
tests, the browser tests and the search-scale script."""

HEEL_PRESS_QUERIES = (
    "calf stretch",
    "calf strech",
    "calves",
    "stretch",
    "achilles",
    "gastrocnemius",
    "soleus",
    "ankle",
    "warm up",
    "achilles stretch",
    "wall",
)
