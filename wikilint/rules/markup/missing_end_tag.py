"""WL408 missing-end-tag: bold or italic that only the end of its table cell or line closes."""

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
    summary = "Bold or italic markup is closed only by the end of its table cell or line."
    docs = RuleDocs(
        what="A table cell (a line starting `|` or `!`) where `''` (italic) or `'''` (bold) "
        "is opened and never closed, so that only the end of the cell closes it; or a line "
        "whose text starts with such a mark (`:''A quoted verse`, `*''[[Title]]`), which only "
        "the end of the line closes. Marks are counted as unbalanced-quotes (WL407) counts "
        "them; WL407 leaves these marks to this rule.",
        why="The cell or line renders as meant, since MediaWiki closes the formatting where "
        "it ends, but the markup is unbalanced: MediaWiki's own Linter files it as a "
        "low-priority missing-end-tag, and text added to it later turns bold or italic.",
        bad="{| class=wikitable\n! '''Year\n| ''No<br />equivalent\n|}\n:''A quoted verse\n",
        good="{| class=wikitable\n! '''Year'''\n| ''No<br />equivalent''\n|}\n"
        ":''A quoted verse''\n",
        notes="Templates, comments and extension tags are left out, as in WL407. A stray mark "
        "that pairs with another one of its cell (`| ''R. and J. Welburn <br> ''George "
        "Bearman'' (D-669)` sets the wrong words in italics) stays a WL407 warning; so does "
        "a whole-line mark when WL407's `allow_whole_line` is off (both rules then report "
        "it). Info severity: reported, but it fails the run only with `--fail-on info`.",
        precision="Against Parsoid 1.39 (2026-12-01), same spans: 25 of 27 findings on the "
        "shared corpus (en, intl, en-extra) are Parsoid's missing-end-tag lints; the other 2 "
        "are in a table that a red-link template makes a template block on the test wiki.",
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
