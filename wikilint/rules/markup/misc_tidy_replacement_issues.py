"""WL427 misc-tidy-replacement-issues: a ``<div>`` first inside a styled ``<span>``."""

from __future__ import annotations

import re
from collections.abc import Iterator

from wikilint.analysis.cell_paragraphs import CellParagraphs
from wikilint.analysis.html_tags import html_tags
from wikilint.analysis.html_tree import (
    attributes,
    element_ends,
    line_end,
    line_start,
    text_end,
)
from wikilint.document.article import Article
from wikilint.linter.finding import Finding, Severity
from wikilint.linter.rule import Rule, RuleDocs

#: What a tree leaves out before a first child: spaces, tabs and comments on the same line.
_SEPARATORS = re.compile(r"(?:[ \t]+|<!--.*?-->)*", re.DOTALL)
_LINES_AND_SEPARATORS = re.compile(r"(?:[ \t\r\n]+|<!--.*?-->)*", re.DOTALL)
_STYLING = frozenset({"class", "style"})
#: Where a span sits on a line that is no paragraph: a line break after it is a separator.
_NO_PARAGRAPH = frozenset({"cell", "html"})
_MESSAGE = "a <div> first inside a styled <span>: Tidy swapped them, HTML5 does not"


class MiscTidyReplacementIssues(Rule):
    code = "WL427"
    name = "misc-tidy-replacement-issues"
    severity = Severity.ERROR
    linter_category = "misc-tidy-replacement-issues"
    summary = "A <span> whose first child is a <div>, with a class or style on one of them."
    docs = RuleDocs(
        what="A `<span>` whose content starts with a `<div>` (only spaces, tabs and "
        "comments before it), where the span or the div has a `class` or `style` "
        'attribute: `<span style="color:red"><div>...</div></span>`.',
        why="Tidy, which MediaWiki once ran on every page, turned the pair inside out (a "
        "span may not hold a div), so the styles applied the other way round; the HTML5 "
        "parser that replaced it keeps the markup as written, and the page renders "
        "differently. Parsoid's Linter files it as misc-tidy-replacement-issues "
        "(div-span-flip, high priority).",
        bad='<span style="font-size:90%"><div class="center">Caption</div></span>\n',
        good='<div class="center" style="font-size:90%">Caption</div>\n',
        notes="The finding spans the `<span>` element, from its start tag to its end tag "
        "(to the end of the text when it is left open), as Parsoid's dsr does. A line "
        "break or any text before the div, or neither tag styled, is not this error. Tags "
        "in templates, comments and `<nowiki>` are not the page's own markup. "
        "https://www.mediawiki.org/wiki/Help:Lint_errors/misc-tidy-replacement-issues",
        precision="No finding on the shared corpus (2026-12-01); every generated case "
        "matches Parsoid 1.39 span for span (tests/rules/cases/WL427.toml).",
    )

    def check(self, article: Article) -> Iterator[Finding]:
        source = article.source
        tags = html_tags(article)
        ends = element_ends(article)
        blocks = CellParagraphs(article)
        for index, span in enumerate(tags[:-1]):
            div = tags[index + 1]
            if span.name != "span" or span.closing or span.self_closing:
                continue
            if div.name != "div" or div.closing:
                continue
            if not _STYLING & (attributes(source, span).keys() | attributes(source, div).keys()):
                continue
            context = blocks.context(index)
            # a line break separates too where the span's line is no paragraph
            separators = _SEPARATORS if context not in _NO_PARAGRAPH else _LINES_AND_SEPARATORS
            if separators.fullmatch(source, span.end, div.start) is None:
                continue
            end = _end(article, blocks, index, ends)
            yield self.finding(article, span.start, end, _MESSAGE)


def _end(article: Article, blocks: CellParagraphs, index: int, ends: list[int]) -> int:
    """Where Parsoid's dsr ends the span: at the end of its block when a line break in
    it makes a paragraph; at its line's end (a heading's text's) in a list item or a
    heading; else at its end tag, or (a paragraph break does not cut a span holding a
    div) its cell's end or the end of the text."""
    span = html_tags(article)[index]
    rest = blocks.rest_end(index)
    if rest is not None:
        return rest
    end = ends[index] if span.partner is not None or span.in_table else text_end(article)
    context = blocks.context(index)
    if context == "list":
        end = min(end, line_end(article, span.end))
    elif context == "heading":
        start = line_start(article, span.end)
        line = article.source[start : line_end(article, span.end)]
        end = min(end, start + len(line.rstrip().rstrip("=")))
    return end
