"""Rules on dashes, spaces and punctuation (WL6xx)."""
