"""WL402 unclosed-comment: ``<!--`` without ``-->``."""

from __future__ import annotations

import re

from wikilint.analysis.raw_markup import UnclosedRule
from wikilint.document.article import Article
from wikilint.linter.rule import RuleDocs


class UnclosedComment(UnclosedRule):
    code = "WL402"
    name = "unclosed-comment"
    summary = "A <!-- comment has no --> to close it."
    opener = re.compile(r"<!--")
    marker = "<!--"
    message = "comment is never closed: everything after it is hidden; add -->"
    docs = RuleDocs(
        what="An HTML comment `<!--` that has no `-->` after it.",
        why="MediaWiki hides everything from an unclosed `<!--` to the end of the page, so the "
        "rest of the article silently disappears.",
        bad="Intro. <!-- to do: expand\n\n== History ==\nText.\n",
        good="Intro. <!-- to do: expand -->\n\n== History ==\nText. <nowiki><!--</nowiki>\n",
        notes="Each opener the parser leaves unclosed is confirmed against the source, as "
        "MediaWiki reads it: a comment inside a table row the parser gave up on is closed.",
        precision="no findings on the shared corpus (en, en-extra, intl), 2026-12-01",
    )

    def is_opener(self, article: Article, start: int, end: int) -> bool:
        return article.source.rfind("-->") < end  # comments do not nest: no --> after it
