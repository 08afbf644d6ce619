"""Rules on footnotes and the references list (WL3xx)."""
