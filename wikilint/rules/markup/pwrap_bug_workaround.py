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
from wikilint.analysis.html_tree import (
    MAX_DEPTH,
    WIKITEXT_BLOCK_TAGS,
    cell_end,
    element_ends,
    has_nowrap_css,
    innermost,
    parents,
)
from wikilint.document.article import Article
from wikilint.document.spans import overlaps
from wikilint.linter.finding import Finding, Severity
from wikilint.linter.rule import Rule, RuleDocs

_LIST_MARKS = frozenset("*#:;")
_HEADING = re.compile(r"(=+).*\1[ \t]*$", re.MULTILINE)
#: The first line of a wikitext table cell: ``|`` or ``!``, not a caption, row or end.
_CELL_LINE = re.compile(r"[ \t]*(?:!|\|(?![+}-]))")
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
        first_p: dict[int | None, int] = {}
        for index, tag in enumerate(tags):
            if _is_start(tag, "p"):
                first_p.setdefault(found[index], tag.start)
        cells = _Cells(article)
        for index, tag in enumerate(tags):
            if not _candidate(source, tag):
                continue
            context = _context(source, tags, found[index], tag, cells)
            if context is None:
                continue
            end = element_ends(article)[index]
            if context in ("list", "heading"):  # the line's end closes them
                line_end = source.find("\n", tag.end)
                end = min(end, len(source) if line_end < 0 else line_end)
            if first_p.get(index, end) < end:
                yield self.finding(article, tag.start, end, _MESSAGE)
            elif (
                context == "cell"
                and tag.name not in FORMATTING_TAGS  # the tree builder reopens it in the p
                and cells.breaks(tags, index)
            ):
                # Parsoid's dsr then runs to the cell's end, wherever the end tag is
                yield self.finding(article, tag.start, cells.end(tag.end), _MESSAGE)


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


def _context(
    source: str, tags: list[HtmlTag], parent: int | None, tag: HtmlTag, cells: _Cells
) -> str | None:
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
    if tag.in_table and (_CELL_LINE.match(source, line_start) or cells.has_block_tag(line_start)):
        return "cell"  # a line with a block tag is no paragraph: it stays in the cell
    return None


class _Cells:
    """The table cells of an article: where each ends, and its rendered line breaks."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.source = article.source
        self._blocks: list[int] | None = None
        self._tag_starts: list[int] | None = None

    def content_end(self, tags: list[HtmlTag], index: int) -> int:
        """Where the element *index*'s content ends: its end tag, else its cell's end."""
        partner = tags[index].partner
        return tags[partner].start if partner is not None else self.end(tags[index].end)

    def end(self, offset: int) -> int:
        return cell_end(self.article, offset)

    def breaks(self, tags: list[HtmlTag], index: int) -> bool:
        """Whether a line break of the page's own text directly in element *index* (or in
        formatting elements in it, which the tree builder reopens in the paragraph) starts
        a paragraph: the next line that is not blank is no list item, not indented, and
        holds no block tag."""
        tag = tags[index]
        end = self.content_end(tags, index)
        foreign = foreign_spans(self.article)
        newline = self.source.find("\n", tag.end, end)
        while newline >= 0:
            following = self._next_filled_line(newline + 1)
            first = self.source[following : following + 1]
            if (
                first not in _LIST_MARKS
                and first != " "  # an indented line is preformatted, not a paragraph
                and not overlaps(foreign, newline, newline + 1)
                and not self.has_block_tag(following)
                and self._directly_in(tags, index, newline)
            ):
                return True
            newline = self.source.find("\n", newline + 1, end)
        return False

    def _next_filled_line(self, line_start: int) -> int:
        """The start of the first line from *line_start* on that is not blank."""
        source = self.source
        while True:
            line_end = source.find("\n", line_start)
            if line_end < 0 or source[line_start:line_end].strip():
                return line_start
            line_start = line_end + 1

    def _directly_in(self, tags: list[HtmlTag], index: int, offset: int) -> bool:
        """Whether *offset* is in element *index* through formatting elements only."""
        if self._tag_starts is None:
            self._tag_starts = [tag.start for tag in tags]
        before = bisect_left(self._tag_starts, offset) - 1
        element = innermost(self.article)[before] if before >= 0 else None
        found = parents(self.article)
        for _ in range(MAX_DEPTH):
            if element is None or element == index:
                return element == index
            if tags[element].name not in FORMATTING_TAGS:
                return False
            element = found[element]
        return False

    def has_block_tag(self, line_start: int) -> bool:
        """Whether the line holds a block element's tag: MediaWiki does not make it a
        paragraph then."""
        if self._blocks is None:
            tags = html_tags(self.article)
            self._blocks = [tag.start for tag in tags if tag.name in WIKITEXT_BLOCK_TAGS]
        line_end = self.source.find("\n", line_start)
        position = bisect_left(self._blocks, line_start)
        return position < len(self._blocks) and (line_end < 0 or self._blocks[position] < line_end)
