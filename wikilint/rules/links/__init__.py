"""Rules on links, URLs and files (WL5xx)."""
