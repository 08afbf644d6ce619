"""Rules on the article as a whole: categories, links, paragraph and sentence length (WL7xx)."""
