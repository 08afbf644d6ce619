"""The literal HTML elements of an article as a tree: who holds whom, and their attributes.

Built on :func:`~wikilint.analysis.html_tags.html_tags`: an element runs from its start tag
to the end tag it pairs with, else to where the tree builder cut it, else (left open) to the
end of its cell inside a wikitext table, or of the text.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from wikilint.analysis.html_tags import VOID_TAGS, HtmlTag, html_tags
from wikilint.document.article import Article
from wikilint.document.memo import per_article

#: One attribute of a start tag: its name and, if given, its value (quoted or bare).
_ATTRIBUTE = re.compile(
    r"""(?:^|(?<=[\s"'/]))(?P<name>[^\s"'=/>]+)"""
    r"""(?:\s*=\s*(?:"(?P<double>[^"]*)"|'(?P<single>[^']*)'|(?P<bare>[^\s>]*)))?"""
)
_NOWRAP_CLASS = re.compile(r"(?:^|\s)nowrap(?:$|\s)")
#: How many enclosing elements a rule climbs at most: bounds the work on deep nesting.
MAX_DEPTH = 256
_QUOTE_MARK = re.compile(r"''")
#: Where a line of a wikitext table starts a new cell, row or caption, or ends the table.
_TABLE_LINE = re.compile(r"\n(?=[ \t]*[|!])")


def attributes(source: str, tag: HtmlTag) -> dict[str, str]:
    """The attributes of a start tag, names casefolded; the first of a name wins, as in
    HTML, and an attribute without a value has the empty one."""
    found: dict[str, str] = {}
    inner = source[tag.start + 1 + len(tag.name) : tag.end - 1]
    for match in _ATTRIBUTE.finditer(inner):
        value = match["double"] or match["single"] or match["bare"] or ""
        found.setdefault(match["name"].casefold(), value)
    return found


def has_nowrap_css(source: str, tag: HtmlTag) -> bool:
    """Whether the tag asks for ``white-space: nowrap`` as Parsoid's Linter sees it: a
    ``style`` holding ``nowrap``, or the class ``nowrap``."""
    found = attributes(source, tag)
    return "nowrap" in found.get("style", "") or bool(_NOWRAP_CLASS.search(found.get("class", "")))


@per_article
def element_ends(article: Article) -> list[int]:
    """Per tag, where the element a start tag opens ends (see the module's docstring);
    an end tag, a void or self-closed tag ends where it ends."""
    tags = html_tags(article)
    source = article.source
    ends = []
    for tag in tags:
        if tag.closing or tag.self_closing or tag.name in VOID_TAGS:
            ends.append(tag.end)
        elif tag.partner is not None:
            ends.append(tags[tag.partner].end)
        elif tag.cut is not None:
            ends.append(tag.cut)
        elif tag.in_table:
            ends.append(cell_end(article, tag.end))
        else:
            ends.append(len(source))
    return ends


def line_start(article: Article, offset: int) -> int:
    """Where the line holding *offset* starts, found in the article's line index."""
    lines = article.lines
    return lines.line_start(lines.position(offset)[0])


def line_end(article: Article, offset: int) -> int:
    """Where the content of the line holding *offset* ends (before its line break)."""
    lines = article.lines
    return lines.line_end(lines.position(offset)[0])


def quote_between(article: Article, start: int, end: int) -> bool:
    """Whether a bold or italic mark (``''``) starts in ``[start, end)``."""
    marks = _quote_marks(article)
    position = bisect_left(marks, start)
    return position < len(marks) and marks[position] < end


@per_article
def _quote_marks(article: Article) -> list[int]:
    return [match.start() for match in _QUOTE_MARK.finditer(article.source)]


def cell_end(article: Article, offset: int) -> int:
    """Where the wikitext table cell holding *offset* ends: before the table's next line
    of markup, else at the end of the text (its final line breaks left out)."""
    starts = _table_lines(article)
    position = bisect_left(starts, offset)
    return starts[position] if position < len(starts) else text_end(article)


@per_article
def text_end(article: Article) -> int:
    """Where the article's text ends, its final line breaks left out."""
    return len(article.source.rstrip("\n"))


@per_article
def _table_lines(article: Article) -> list[int]:
    return [match.start() for match in _TABLE_LINE.finditer(article.source)]


@per_article
def innermost(article: Article) -> list[int | None]:
    """Per tag, the element open just after it: the start tag itself unless it is void,
    self-closed or an end tag, else the element holding it."""
    tags = html_tags(article)
    found = parents(article)
    return [
        found[index] if tag.closing or tag.self_closing or tag.name in VOID_TAGS else index
        for index, tag in enumerate(tags)
    ]


@per_article
def parents(article: Article) -> list[int | None]:
    """Per tag, the index of the start tag of the innermost element that holds it, if any.
    One sweep with a stack of the open elements."""
    tags = html_tags(article)
    ends = element_ends(article)
    stack: list[int] = []
    found: list[int | None] = []
    for index, tag in enumerate(tags):
        while stack and _content_end(tags, ends, stack[-1]) <= tag.start:
            stack.pop()
        if tag.closing and tag.partner is not None and tag.partner in stack[-MAX_DEPTH:]:
            while stack[-1] != tag.partner:
                stack.pop()
            stack.pop()
        found.append(stack[-1] if stack else None)
        if not (tag.closing or tag.self_closing or tag.name in VOID_TAGS):
            stack.append(index)
    return found


def _content_end(tags: list[HtmlTag], ends: list[int], index: int) -> int:
    """Where the content of element *index* ends: before its end tag if it has one."""
    partner = tags[index].partner
    return tags[partner].start if partner is not None else ends[index]


def ancestors(article: Article, index: int) -> list[int]:
    """The start tags holding tag *index*, innermost first, at most :data:`MAX_DEPTH`."""
    found = parents(article)
    chain: list[int] = []
    parent = found[index]
    while parent is not None and len(chain) < MAX_DEPTH:
        chain.append(parent)
        parent = found[parent]
    return chain
