"""WL404 unclosed-table: ``{|`` without ``|}``."""

from __future__ import annotations

import re

from wikilint.analysis.raw_markup import UnclosedRule, is_closed
from wikilint.document.article import Article
from wikilint.linter.rule import RuleDocs

#: A template at the start of a line that ends a table for it: `{{end}}`, `{{s-end}}`,
#: `{{Election box end}}`, `{{BundleEnd}}`, `{{Fb cs footer|...}}`.
_FOOTER = (
    r"\{\{[ \t]*(?:[^{}|\n]*?(?:[ _-](?i:end|footer)|[a-z](?:End|Footer))|(?i:end|footer))"
    r"[ \t]*(?:\||\}\})"
)


class UnclosedTable(UnclosedRule):
    code = "WL404"
    name = "unclosed-table"
    summary = "A table's {| has no |} to close it."
    opener = re.compile(r"\{\|")
    marker = "{|"
    pair = re.compile(rf"^[ \t:]*\{{\||(?P<close>^[ \t]*(?:\|\}}|{_FOOTER}))", re.MULTILINE)
    message = "table is never closed: add |} on a line of its own"
    docs = RuleDocs(
        what="A table start `{|` at the beginning of a line with no `|}` closing it, nor a "
        "footer template at the start of a later line that ends the table (`{{end}}`, "
        "`{{s-end}}`, `{{BundleEnd}}`, `{{Fb cs footer}}`: a name ending in end or footer).",
        why="MediaWiki closes the table at the end of the page, pulling everything after it "
        "into the last cell (CheckWiki error 28).",
        bad='{| class="wikitable"\n| A || B\n\n== Next ==\nText.\n',
        good='{| class="wikitable"\n| A || B\n|}\n\n== Next ==\nText {|x|}.\n'
        '{| class="wikitable"\n| A || B\n{{BundleEnd}}\n',
        notes="Each opener the parser leaves unclosed is confirmed against the source, as "
        "MediaWiki reads it: an indented `:{|` table is a table. A footer template is "
        "taken to close the table before it, so an unclosed `{|` followed by a table "
        "that a template opens and `{{end}}` closes is not reported.",
        precision="no findings on the shared corpus (en, en-extra, intl); 0/8 read as "
        "correct before footer templates closed a table, 2026-12-01",
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
