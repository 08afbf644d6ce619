"""WL425 pwrap-bug-workaround: a paragraph inside an element styled ``white-space: nowrap``."""

from __future__ import annotations

from collections.abc import Iterator

from wikilint.analysis.cell_paragraphs import CellParagraphs
from wikilint.analysis.html_tags import (
    VOID_TAGS,
    WIKITEXT_BLOCK_TAGS,
    HtmlTag,
    html_tags,
)
from wikilint.analysis.html_tree import (
    element_ends,
    has_nowrap_css,
    line_end,
    parents,
)
from wikilint.document.article import Article
from wikilint.linter.finding import Finding, Severity
from wikilint.linter.rule import Rule, RuleDocs

_MESSAGE = "a paragraph inside a nowrap element: Tidy kept it inline, HTML5 does not"


class PwrapBugWorkaround(Rule):
    code = "WL425"
    name = "pwrap-bug-workaround"
    severity = Severity.ERROR
    linter_category = "pwrap-bug-workaround"
    summary = "A nowrap inline element right under a block that holds a paragraph break."
    docs = RuleDocs(
        what="An inline element styled not to wrap (a `style` holding `nowrap`, or the "
        "class `nowrap`) placed directly in a block (a `<div>`, list item, heading or table "
        'cell) that holds a paragraph: `<div><span class="nowrap"><p>...</p></span></div>`, '
        "or a line break inside it that MediaWiki turns into a paragraph (on the first "
        "line of a table cell or of a block element).",
        why="Tidy, which MediaWiki once ran on every page, kept such content on one line; "
        "with the HTML5 parser that replaced it the paragraph breaks out of the nowrap "
        "element, and the layout changes. Parsoid's Linter files it as pwrap-bug-workaround "
        "(high priority).",
        bad='{|\n| <span style="white-space:nowrap">12 June\n1990</span>\n|}\n',
        good='{|\n| <span style="white-space:nowrap">12 June 1990</span>\n|}\n',
        notes="The finding spans the element, from its start tag to its end tag, as "
        "Parsoid's dsr does; when a line break makes the paragraph, Parsoid's span runs to "
        "the end of the cell or block, and so does the finding. Later lines of a cell or "
        "block are paragraphs already; a line break before a list item, an indented line "
        "or a line with a block tag makes no paragraph; formatting elements (`<b>`, "
        "`<small>`...) are reopened inside the paragraph instead. Templates such as "
        "`{{nowrap|...}}` set the class in their output and cannot be decided from the "
        "page; tags in templates, comments and `<nowiki>` are not the page's own markup. "
        "https://www.mediawiki.org/wiki/Help:Lint_errors/pwrap-bug-workaround",
        precision="No finding on the shared corpus (2026-12-01); every generated case "
        "matches Parsoid 1.39 span for span (tests/rules/cases/WL425.toml). Known "
        "difference: an element inside bold or italics on the line is left out.",
    )

    def check(self, article: Article) -> Iterator[Finding]:
        source = article.source
        if "nowrap" not in source:
            return
        tags = html_tags(article)
        found = parents(article)
        first_p: dict[int | None, int] = {}
        for index, tag in enumerate(tags):
            if _is_start(tag, "p"):
                first_p.setdefault(found[index], tag.start)
        cells = CellParagraphs(article)
        for index, tag in enumerate(tags):
            if not _candidate(source, tag):
                continue
            context = cells.context(index)
            if context is None:
                continue
            end = element_ends(article)[index]
            if context in ("list", "heading"):  # the line's end closes them
                end = min(end, line_end(article, tag.end))
            if first_p.get(index, end) < end:
                yield self.finding(article, tag.start, end, _MESSAGE)
            elif (rest_end := cells.rest_end(index)) is not None:
                yield self.finding(article, tag.start, rest_end, _MESSAGE)


def _is_start(tag: HtmlTag, name: str) -> bool:
    return tag.name == name and not tag.closing


def _candidate(source: str, tag: HtmlTag) -> bool:
    """An inline start tag asking for nowrap."""
    return (
        not tag.closing
        and not tag.self_closing
        and tag.name not in WIKITEXT_BLOCK_TAGS
        and tag.name not in VOID_TAGS
        and "nowrap" in source[tag.start : tag.end]
        and has_nowrap_css(source, tag)
    )
