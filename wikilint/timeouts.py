"""The default time limit per article, apart from :mod:`wikilint.budget` that enforces it:
the command line shows it in ``--help`` without importing the parser."""

from __future__ import annotations

#: Seconds the parser may take on one article: ordinary wikitext parses at about 1 MB/s,
#: so only pathological markup overruns it.
DEFAULT_TIMEOUT = 2.0
