"""WL414 unclosed-quotes-in-heading: bold or italic opened in a heading and never closed."""

from __future__ import annotations

from collections.abc import Iterator

from wikilint.document.article import Article
from wikilint.linter.finding import Finding, Severity
from wikilint.linter.rule import Rule, RuleDocs
from wikilint.rules.markup.unbalanced_quotes import open_marks


class UnclosedQuotesInHeading(Rule):
    code = "WL414"
    name = "unclosed-quotes-in-heading"
    severity = Severity.ERROR
    linter_category = "unclosed-quotes-in-heading"
    summary = "Bold or italic markup opened in a heading and not closed in it."
    docs = RuleDocs(
        what="A section heading whose `''` (italic) or `'''` (bold) is not closed before the "
        "heading ends: `== ''Works ==`. Marks are counted as unbalanced-quotes (WL407) "
        "counts them; WL407 leaves heading lines to this rule.",
        why="Only the heading's end closes the formatting, so the heading renders bold or "
        "italic to its end, and the section's link and table-of-contents entry carry the "
        "stray marks. Parsoid's Linter files it as unclosed-quotes-in-heading (high "
        "priority).",
        bad="== ''Blue ==\n=== '''Singles ===\n",
        good="== ''Blue'' ==\n=== '''Singles''' ===\n",
        notes="The finding spans the quote marks, the first `open width` characters of "
        "Parsoid's dsr (which runs to the end of the heading's text). Templates, comments "
        "and extension tags are left out, as in WL407. "
        "https://www.mediawiki.org/wiki/Help:Lint_errors/unclosed-quotes-in-heading",
        precision="Against Parsoid 1.39 (2026-12-01): neither reports anything on the shared "
        "corpus (en + intl, 202 articles; en-extra, 280), so WL407 loses no finding to this "
        "rule there; the cases of tests/rules/cases/WL414.toml match Parsoid's spans.",
    )

    def check(self, article: Article) -> Iterator[Finding]:
        for mark in open_marks(article):
            if mark.in_heading:
                message = f"{mark.kind} is not closed in the heading"
                yield self.finding(article, mark.start, mark.end, message)
