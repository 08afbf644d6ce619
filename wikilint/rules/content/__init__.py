"""Rules on what the prose says: repeated paragraphs, sentences and words, and unsourced
claims (WL1xx)."""
