"""The default time limit per article, apart from :mod:`wikilint.batch.guard` that enforces it:
the command line shows it in ``--help`` without importing the parser."""

from __future__ import annotations

#: Seconds one article may take in all: parsing, every rule and every fix pass. Ordinary
#: wikitext is linted at about 1 MB/s, so only pathological markup overruns it.
DEFAULT_TIMEOUT = 2.0
