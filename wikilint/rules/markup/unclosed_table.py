"""WL404 unclosed-table: ``{|`` without ``|}``."""

from __future__ import annotations

import re

from wikilint.analysis.raw_markup import UnclosedRule, is_closed
from wikilint.document.article import Article
from wikilint.linter.rule import RuleDocs


class UnclosedTable(UnclosedRule):
    code = "WL404"
    name = "unclosed-table"
    summary = "Every table {| is closed by |}"
    opener = re.compile(r"\{\|")
    marker = "{|"
    pair = re.compile(r"^[ \t:]*\{\||(?P<close>^[ \t]*\|\})", re.MULTILINE)
    message = "table is never closed: add |} on a line of its own"
    docs = RuleDocs(
        what="A table start `{|` at the beginning of a line with no `|}` closing it.",
        why="MediaWiki closes the table at the end of the page, pulling everything after it "
        "into the last cell (CheckWiki error 28).",
        bad='{| class="wikitable"\n| A || B\n\n== Next ==\nText.\n',
        good='{| class="wikitable"\n| A || B\n|}\n\n== Next ==\nText {|x|}.\n',
        notes="Precision on the corpus: no findings; 5 false positives of the parser alone "
        "(indented `:{|` tables) are removed by confirming against the source.",
    )

    def is_opener(self, article: Article, start: int, end: int) -> bool:
        return _at_line_start(article.source, start) and not is_closed(article, end, self.pair)


def _at_line_start(source: str, offset: int) -> bool:
    """Whether only spaces, tabs and colons stand between *offset* and its line's start.

    Steps back over those characters alone, so that many openers on one long line do not
    each rescan it.
    """
    while offset and source[offset - 1] in " \t:":
        offset -= 1
    return offset == 0 or source[offset - 1] == "\n"
