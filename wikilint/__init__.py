"""wikilint: a text-quality linter for MediaWiki wikitext."""

__version__ = "0.1.0"
