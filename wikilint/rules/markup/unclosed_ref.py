"""WL401 unclosed-ref: a ``<ref>`` without its ``</ref>``."""

from __future__ import annotations

import re

from wikilint.analysis.raw_markup import UnclosedRule
from wikilint.document.article import Article
from wikilint.linter.rule import RuleDocs

#: What MediaWiki looks for after an opener: its end tag, or the next ref.
_NEXT = re.compile(r"</ref\s*>|<ref(?=[\s>/])", re.IGNORECASE)


class UnclosedRef(UnclosedRule):
    code = "WL401"
    name = "unclosed-ref"
    summary = "A <ref> has no </ref> to close it."
    opener = re.compile(r"<ref(?=[\s>/])[^<>]*>", re.IGNORECASE)
    marker = "<"
    message = "{opener} is never closed: add </ref>, or end a reuse with />"
    docs = RuleDocs(
        what="A `<ref>` or `<ref name=x>` with no `</ref>` after it (also a reuse written "
        "`<ref name=x>` instead of `<ref name=x />`).",
        why="MediaWiki renders an unclosed ref as literal text, or the Cite extension swallows "
        "the rest of the paragraph into the footnote (Linter: missing-end-tag, CheckWiki 32).",
        bad="Paris is the capital.<ref>Atlas, p. 4. More text.\n",
        good="Paris is the capital.<ref>Atlas, p. 4.</ref> Again.<ref name=a>X</ref>"
        "<ref name=a />\n",
        precision="no findings on the shared corpus (en, en-extra, intl), 2026-12-01",
    )

    def is_opener(self, article: Article, start: int, end: int) -> bool:
        # MediaWiki closes an extension tag at the next </ref>, whatever lies between;
        # the parser may have given up on the ref because of markup inside it.
        following = _NEXT.search(article.source, end)
        return following is None or not following[0].startswith("</")
