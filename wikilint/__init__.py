"""wikilint: a text-quality linter for MediaWiki wikitext.

The names below are the stable API for writing rules (docs/plugins.md); everything else
is internal and may change. Each name is imported on first use, so that ``import
wikilint`` stays as light as the command line's start-up needs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from wikilint.lazy import lazy_getattr

if TYPE_CHECKING:
    from wikilint.analysis.quotations import ProseMatch, prose_matches
    from wikilint.document.article import Article
    from wikilint.linter.finding import Applicability, Edit, Finding, Fix, Severity
    from wikilint.linter.rule import Doc, Range, Rule, RuleDocs

__version__ = "0.1.0"

__all__ = [
    "Applicability",
    "Article",
    "Doc",
    "Edit",
    "Finding",
    "Fix",
    "ProseMatch",
    "Range",
    "Rule",
    "RuleDocs",
    "Severity",
    "__version__",
    "prose_matches",
]

#: The module that defines each name this package offers.
_HOMES = {
    "Applicability": "wikilint.linter.finding",
    "Article": "wikilint.document.article",
    "Doc": "wikilint.linter.rule",
    "Edit": "wikilint.linter.finding",
    "Finding": "wikilint.linter.finding",
    "Fix": "wikilint.linter.finding",
    "ProseMatch": "wikilint.analysis.quotations",
    "Range": "wikilint.linter.rule",
    "Rule": "wikilint.linter.rule",
    "RuleDocs": "wikilint.linter.rule",
    "Severity": "wikilint.linter.finding",
    "prose_matches": "wikilint.analysis.quotations",
}


__getattr__ = lazy_getattr(__name__, _HOMES)


def __dir__() -> list[str]:
    return sorted([*globals(), *_HOMES])
