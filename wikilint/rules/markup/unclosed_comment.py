"""WL402 unclosed-comment: ``<!--`` without ``-->``."""

from __future__ import annotations

import re

from wikilint.analysis.raw_markup import UnclosedRule
from wikilint.document.article import Article
from wikilint.linter.rule import RuleDocs


class UnclosedComment(UnclosedRule):
    code = "WL402"
    name = "unclosed-comment"
    summary = "Every <!-- comment is closed by -->"
    opener = re.compile(r"<!--")
    marker = "<!--"
    message = "comment is never closed: everything after it is hidden; add -->"
    docs = RuleDocs(
        what="An HTML comment `<!--` that has no `-->` after it.",
        why="MediaWiki hides everything from an unclosed `<!--` to the end of the page, so the "
        "rest of the article silently disappears.",
        bad="Intro. <!-- to do: expand\n\n== History ==\nText.\n",
        good="Intro. <!-- to do: expand -->\n\n== History ==\nText. <nowiki><!--</nowiki>\n",
        notes="Precision on the corpus: no findings; 2 false positives of the parser alone "
        "(comments inside table rows) are removed by confirming against the source.",
    )

    def is_opener(self, article: Article, start: int, end: int) -> bool:
        return article.source.rfind("-->") < end  # comments do not nest: no --> after it
