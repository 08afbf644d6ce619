"""WL425 pwrap-bug-workaround: a paragraph inside an element styled ``white-space: nowrap``."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator

from wikilint.analysis.html_tags import (
    FORMATTING_TAGS,
    VOID_TAGS,
    HtmlTag,
    foreign_spans,
    html_tags,
)
from wikilint.analysis.html_tree import WIKITEXT_BLOCK_TAGS, element_ends, has_nowrap_css, parents
from wikilint.document.article import Article
from wikilint.document.spans import overlaps
from wikilint.linter.finding import Finding, Severity
from wikilint.linter.rule import Rule, RuleDocs

_LIST_MARKS = frozenset("*#:;")
_HEADING = re.compile(r"(=+).*\1[ \t]*$", re.MULTILINE)
#: The first line of a wikitext table cell: ``|`` or ``!``, not a caption, row or end.
_CELL_LINE = re.compile(r"[ \t]*(?:!|\|(?![+}-]))")
#: Where a line of a wikitext table starts a new cell, row or caption, or ends the table.
_NEXT_CELL = re.compile(r"\n(?=[ \t]*[|!])")
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
        "or a line break inside it in a table cell, which MediaWiki turns into a paragraph.",
        why="Tidy, which MediaWiki once ran on every page, kept such content on one line; "
        "with the HTML5 parser that replaced it the paragraph breaks out of the nowrap "
        "element, and the layout changes. Parsoid's Linter files it as pwrap-bug-workaround "
        "(high priority).",
        bad='{|\n| <span style="white-space:nowrap">12 June\n1990</span>\n|}\n',
        good='{|\n| <span style="white-space:nowrap">12 June 1990</span>\n|}\n',
        notes="The finding spans the element, from its start tag to its end tag, as "
        "Parsoid's dsr does (a cell's element left open runs to the cell's end). In a "
        "table cell only the cell's first line counts (later lines are paragraphs "
        "already), and a line break before a list item makes a list, not a paragraph. "
        "Templates such as `{{nowrap|...}}` set the class in their output and cannot be "
        "decided from the page; tags in templates, comments and `<nowiki>` are not the "
        "page's own markup. "
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
        holds_p = {found[index] for index, tag in enumerate(tags) if _is_start(tag, "p")}
        cells = _Cells(article)
        for index, tag in enumerate(tags):
            if not _candidate(source, tag):
                continue
            context = _context(source, tags, found[index], tag)
            if context is None:
                continue
            if index in holds_p:
                yield self.finding(article, tag.start, element_ends(article)[index], _MESSAGE)
            elif (
                context == "cell"
                and tag.name not in FORMATTING_TAGS  # the tree builder reopens it in the p
                and cells.breaks(tag, cells.content_end(tags, index))
            ):
                yield self.finding(article, tag.start, cells.end(tags, index), _MESSAGE)


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


def _context(source: str, tags: list[HtmlTag], parent: int | None, tag: HtmlTag) -> str | None:
    """The block the element sits directly in: ``"html"`` (a block element), ``"list"``,
    ``"heading"``, ``"cell"`` (a table cell's first line), or ``None`` (a paragraph, or an
    inline element)."""
    if parent is not None:
        return "html" if tags[parent].name in WIKITEXT_BLOCK_TAGS else None
    line_start = source.rfind("\n", 0, tag.start) + 1
    if "''" in source[line_start : tag.start]:
        return None  # maybe inside italics or bold
    if source[line_start : line_start + 1] in _LIST_MARKS:
        return "list"
    if _HEADING.match(source, line_start):
        return "heading"
    if tag.in_table and _CELL_LINE.match(source, line_start):
        return "cell"
    return None


class _Cells:
    """The table cells of an article: where each ends, and its rendered line breaks."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.source = article.source
        self._starts: list[int] | None = None

    def end(self, tags: list[HtmlTag], index: int) -> int:
        """Where the element *index* ends: after its end tag, else at its cell's end."""
        partner = tags[index].partner
        return tags[partner].end if partner is not None else self.content_end(tags, index)

    def content_end(self, tags: list[HtmlTag], index: int) -> int:
        """Where the element *index*'s content ends: its end tag, else its cell's end."""
        tag = tags[index]
        if tag.partner is not None:
            return tags[tag.partner].start
        if self._starts is None:
            self._starts = [match.start() for match in _NEXT_CELL.finditer(self.source)]
        position = bisect_left(self._starts, tag.end)
        if position < len(self._starts):
            return self._starts[position]
        return len(self.source.rstrip("\n"))

    def breaks(self, tag: HtmlTag, end: int) -> bool:
        """Whether a line break of the page's own text in ``[tag.end, end)`` starts a
        paragraph (not a list item)."""
        foreign = foreign_spans(self.article)
        newline = self.source.find("\n", tag.end, end)
        while newline >= 0:
            following = self.source[newline + 1 : newline + 2]
            if following not in _LIST_MARKS and not overlaps(foreign, newline, newline + 1):
                return True
            newline = self.source.find("\n", newline + 1, end)
        return False
