"""Where MediaWiki makes paragraphs around an inline element: the block it sits directly in,
and the line breaks that start a paragraph inside it.

Parsoid's Linter checks a nowrap element's children in the DOM; from the wikitext, an
element on the first line of a block element or a wikitext table cell that holds a line
break gets a paragraph inside it (and, in Parsoid's dsr, runs to the block's or cell's
end), unless the next filled line is a list item, preformatted, or holds a block tag.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from wikilint.analysis.html_tags import (
    FORMATTING_TAGS,
    WIKITEXT_BLOCK_TAGS,
    HtmlTag,
    foreign_spans,
    html_tags,
)
from wikilint.analysis.html_tree import (
    MAX_DEPTH,
    cell_end,
    element_ends,
    innermost,
    line_end,
    line_start,
    parents,
    quote_between,
)
from wikilint.document.article import Article
from wikilint.document.spans import overlaps

LIST_MARKS = frozenset("*#:;")
_HEADING = re.compile(r"(=+).*\1[ \t]*$", re.MULTILINE)
#: The first line of a wikitext table cell: ``|`` or ``!``, not a caption, row or end.
_CELL_LINE = re.compile(r"[ \t]*(?:!|\|(?![+}-]))")


class CellParagraphs:
    """An article's blocks around inline elements, and its table cells' paragraphs. Made
    per rule run, not kept in the article's memo: it holds the article, and a cycle would
    keep the article alive past reference counting."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.source = article.source
        self._blocks: list[int] | None = None
        self._tag_starts: list[int] | None = None
        self._contexts: dict[int, str | None] = {}
        self._rest_ends: dict[int, int | None] = {}

    def context(self, index: int) -> str | None:
        """The block the element of start tag *index* sits directly in: ``"html"`` (a
        block element), ``"list"``, ``"heading"``, ``"cell"`` (a wikitext table cell), or
        ``None`` (a paragraph, or an inline element). In a block element or a cell only
        the first line and lines with a block tag are no paragraphs."""
        if index not in self._contexts:
            self._contexts[index] = self._context(index)
        return self._contexts[index]

    def _context(self, index: int) -> str | None:
        tags = html_tags(self.article)
        tag = tags[index]
        parent = parents(self.article)[index]
        source = self.source
        start = line_start(self.article, tag.start)
        if parent is not None:
            if tags[parent].name not in WIKITEXT_BLOCK_TAGS:
                return None
            first_line = tags[parent].end > start
            return "html" if first_line or self.has_block_tag(start) else None
        if quote_between(self.article, start, tag.start):
            return None  # maybe inside italics or bold
        if source[start : start + 1] in LIST_MARKS:
            return "list"
        if _HEADING.match(source, start, line_end(self.article, start) + 1):
            return "heading"
        if tag.in_table and (_CELL_LINE.match(source, start) or self.has_block_tag(start)):
            return "cell"
        return None

    def rest_end(self, index: int) -> int | None:
        """Where the element *index* ends when a line break in it makes a paragraph that
        takes the rest of its block (the cell's end, or the block element's end tag), as
        Parsoid's dsr has it; ``None`` when it makes none."""
        if index not in self._rest_ends:
            self._rest_ends[index] = self._rest_end(index)
        return self._rest_ends[index]

    def _rest_end(self, index: int) -> int | None:
        tags = html_tags(self.article)
        context = self.context(index)
        if context not in ("cell", "html") or tags[index].name in FORMATTING_TAGS:
            return None  # the tree builder reopens a formatting element in the paragraph
        if not self.breaks(tags, index):
            return None
        if context == "cell":
            return self.end(tags[index].end)
        parent = parents(self.article)[index]
        assert parent is not None
        partner = tags[parent].partner
        return tags[partner].start if partner is not None else element_ends(self.article)[parent]

    def content_end(self, tags: list[HtmlTag], index: int) -> int:
        """Where the element *index*'s content ends: its end tag, else its cell's end."""
        partner = tags[index].partner
        return tags[partner].start if partner is not None else self.end(tags[index].end)

    def end(self, offset: int) -> int:
        """Where the cell holding *offset* ends."""
        return cell_end(self.article, offset)

    def breaks(self, tags: list[HtmlTag], index: int) -> bool:
        """Whether a line break of the page's own text directly in element *index* (or in
        formatting elements in it, which the tree builder reopens in the paragraph) starts
        a paragraph: the next line that is not blank is in the element (or two blank lines
        end it), no list item, not indented, and holds no block tag."""
        tag = tags[index]
        end = self.content_end(tags, index)
        foreign = foreign_spans(self.article)
        newline = self.source.find("\n", tag.end, end)
        while newline >= 0:
            following = self._next_filled_line(newline + 1)
            first = self.source[following : following + 1]
            if (
                # blank lines that end the element make a paragraph (of a <br>) from two on
                (following < end or self.source.count("\n", newline, following) > 2)
                and first not in LIST_MARKS
                and first != " "  # an indented line is preformatted, not a paragraph
                and not overlaps(foreign, newline, newline + 1)
                and not self.has_block_tag(following)
                and self._directly_in(tags, index, newline)
            ):
                return True
            # the blank lines before the same filled line answer alike
            newline = self.source.find("\n", max(newline + 1, following - 1), end)
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
        position = bisect_left(self._blocks, line_start)
        return position < len(self._blocks) and (
            self._blocks[position] < line_end(self.article, line_start)
        )
