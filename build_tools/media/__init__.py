"""A record's pictures and videos: reading them for what they are, and the files the build
makes of them."""
