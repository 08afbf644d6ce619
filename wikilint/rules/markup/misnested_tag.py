"""WL417 misnested-tag: an HTML element closed by another one's end tag before its own."""

from __future__ import annotations

from collections.abc import Iterator

from wikilint.analysis.html_tags import HtmlTag, html_tags
from wikilint.document.article import Article
from wikilint.linter.finding import Finding, Severity
from wikilint.linter.rule import Rule, RuleDocs


class MisnestedTag(Rule):
    code = "WL417"
    name = "misnested-tag"
    severity = Severity.WARNING
    linter_category = "misnested-tag"
    summary = "An HTML tag closed after a tag that was opened around it, as in <b><i></b></i>."
    docs = RuleDocs(
        what="An HTML element whose end tag comes after the end of an element opened around "
        "it (`<b>a <i>b</b> c</i>`), or after a paragraph break or list item that ended it "
        "(`<small>a` blank line `b</small>`).",
        why="HTML does not overlap elements: the browser closes the inner one early and, for "
        "`<b>`, `<i>`, `<small>` and the other formatting tags, opens a copy after the "
        "break, so the markup says one thing and the page is built from another. Parsoid's "
        "Linter files it as misnested-tag (medium priority).",
        bad="<b>Bold <i>both</b> italic</i>\n\n<small>Note\n\ncontinued.</small>\n",
        good="<b>Bold <i>both</i></b><i> italic</i>\n\n<small>Note</small>\n\n"
        "<small>continued.</small>\n",
        notes="The finding spans the start tag of the element cut short (Parsoid's dsr runs to "
        "where it was cut). Italic and bold marks take part as the `<i>` and `<b>` they "
        "make (`''q<sup>k''</sup>`), but are not reported themselves. A formatting tag on "
        "a table cell's first line closed on a later line is cut at the first line's end "
        "(`| <small>a` newline `b</small>`): the cell's later lines are paragraphs. When the "
        "cut element is not a formatting tag and text follows before its end tag, the case is "
        "html5-misnesting (WL418). "
        "https://www.mediawiki.org/wiki/Help:Lint_errors/misnested-tag",
        precision="Against Parsoid 1.39 (2026-12-01), same spans: shared corpus en + intl "
        "(202 articles) 3 lints, 3 findings, recall and precision 3/3; en-extra (280) 3/3 "
        "and 3/3 (`''q<sup>k''</sup>` twice, `<small>` before a list).",
    )

    def check(self, article: Article) -> Iterator[Finding]:
        for tag in html_tags(article):
            if is_misnested(tag):
                message = f"<{tag.name}> is closed early, before its </{tag.name}>"
                yield self.finding(article, tag.start, tag.end, message)


def is_misnested(tag: HtmlTag) -> bool:
    """Whether a cut element goes on after the cut up to its own end tag: a reopened
    formatting element, or another one whose end tag follows the cut at once."""
    return tag.cut is not None and tag.partner is not None
