"""WL408 missing-end-tag: bold or italic in a table cell that only the cell's end closes."""

from __future__ import annotations

from collections.abc import Iterator

from wikilint.document.article import Article
from wikilint.linter.finding import Finding, Severity
from wikilint.linter.rule import Rule, RuleDocs
from wikilint.rules.markup.unbalanced_quotes import open_marks


class MissingEndTag(Rule):
    code = "WL408"
    name = "missing-end-tag"
    severity = Severity.INFO
    linter_category = "missing-end-tag"
    summary = "Bold or italic markup in a table cell is closed only by the cell's end."
    docs = RuleDocs(
        what="A table cell (a line starting `|` or `!`) where `''` (italic) or `'''` (bold) "
        "is opened and never closed, so that only the end of the cell closes it. Marks are "
        "counted as unbalanced-quotes (WL407) counts them; WL407 leaves these lines to this "
        "rule.",
        why="The cell renders as meant, since MediaWiki closes the formatting where the cell "
        "ends, but the markup is unbalanced: MediaWiki's own Linter files it as a "
        "low-priority missing-end-tag, and text added to the cell later turns bold or italic.",
        bad="{| class=wikitable\n! '''Year\n| ''No<br />equivalent\n|}\n",
        good="{| class=wikitable\n! '''Year'''\n| ''No<br />equivalent''\n|}\n",
        notes="Templates, comments and extension tags are left out, as in WL407. A stray mark "
        "that pairs with another one of its cell (`| ''R. and J. Welburn <br> ''George "
        "Bearman'' (D-669)` sets the wrong words in italics) stays a WL407 warning. Info "
        "severity: reported, but it fails the run only with `--fail-on info`.",
        precision="5/5 findings read as correct on the shared corpus (en, en-extra, intl), "
        "2026-11-30",
    )

    def check(self, article: Article) -> Iterator[Finding]:
        for mark in open_marks(article):
            if mark.in_cell:
                closer = "the table cell"
            elif mark.whole_line:
                closer = "the line"
            else:
                continue  # WL407: the line's end closes it after the words meant
            yield self.finding(
                article,
                mark.start,
                mark.end,
                f"{mark.kind} opened here is closed only by the end of {closer}",
            )
