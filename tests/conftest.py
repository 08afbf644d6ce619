"""Fixtures shared by every test folder."""

from mediawiki_server import wiki  # noqa: F401 - one test MediaWiki per session
