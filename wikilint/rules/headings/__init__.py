"""Rules on section headings and sections (WL2xx)."""
