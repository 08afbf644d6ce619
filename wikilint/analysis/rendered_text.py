"""The page's own wikitext as the pieces of the HTML it renders to, read on demand.

A piece is plain text, an HTML tag of :func:`~wikilint.analysis.html_tags.html_tags`, a
link or character reference (an element holding its text), a comment, a bold or italic
mark, a line's list or table-cell markup (``stop``), or something whose text the page does
not decide (``opaque``: a template, an extension tag, a file). A ``<ref>`` is its mark. Pieces are
read from a position forward, so a rule reads only around what it looks at.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar

from mwparserfromhell.nodes import (
    Argument,
    Comment,
    ExternalLink,
    HTMLEntity,
    Tag,
    Template,
    Wikilink,
)

from wikilint.analysis.html_tags import HTML_TAGS, html_tags
from wikilint.document.article import Article
from wikilint.document.names import tags_named
from wikilint.document.namespaces import is_category_link, is_file_link

#: What PHP's ``\s`` matches: ASCII white space only.
WHITESPACE = frozenset(" \t\n\r\x0b\x0c")
#: HTML elements that render inline (Parsoid's ``OnlyInlineElements`` less ``br``) or as
#: metadata; the others are blocks.
_INLINE = frozenset(
    {
        "abbr", "b", "bdi", "bdo", "big", "cite", "code", "data", "del", "dfn", "em", "font",
        "i", "img", "ins", "kbd", "mark", "q", "rb", "rp", "rt", "rtc", "ruby", "s", "samp",
        "small", "span", "strike", "strong", "sub", "sup", "time", "tt", "u", "var", "br",
        "meta", "link",
    }
)  # fmt: skip
_PLAIN = re.compile(r"[^<{\['&\n|!]+|.", re.DOTALL)
_QUOTES = re.compile(r"'{2,}")
#: Markup at a line's start that opens a list item, a table cell or a heading.
_LINE_MARKUP = re.compile(r"[*#:;]+|[ \t]*(?:\|\+?|!)|=+")
_CELL = re.compile(r"\|\||!!")
#: The text of a footnote mark, ``<sup><a>[1]</a></sup>``: its number is left at 1.
_FOOTNOTE_MARK = "[1]"


@dataclass(frozen=True, slots=True)
class Piece:
    start: int
    end: int
    kind: str
    """``text``, ``entity``, ``link``, ``tag``, ``comment``, ``quote``, ``stop``, ``opaque``."""
    text: str = ""
    index: int = -1
    """For a ``tag``, its index among the HTML tags."""


class RenderedText:
    """The pieces of one article (see the module's docstring)."""

    BLOCKS: ClassVar[frozenset[str]] = HTML_TAGS - _INLINE

    def __init__(self, article: Article) -> None:
        self.article = article
        self.source = article.source
        self._special: dict[int, Piece] | None = None
        self._sums: dict[tuple[int, int], tuple[list[int], list[int], list[int]]] = {}
        self._footnotes: list[tuple[int, int]] | None = None
        self._comment_ends: dict[int, int] | None = None

    def pieces(self, start: int, end: int | None = None) -> Iterator[Piece]:
        """The pieces from *start* (where one begins) to *end* or the text's end."""
        source = self.source
        stop = len(source) if end is None else end
        special = self._special_pieces()
        position = start
        while position < stop:
            piece = special.get(position)
            if piece is None:
                piece = self._plain(position)
            yield piece
            position = max(piece.end, position + 1)

    def footnote_start(self, position: int) -> int:
        """Where the text of the ``<ref>`` holding *position* starts, else 0."""
        found = self.footnote(position)
        return found[0] if found else 0

    def footnote(self, position: int) -> tuple[int, int] | None:
        """The span of the text of the ``<ref>`` holding *position*, if any."""
        if self._footnotes is None:
            self._footnotes = sorted(
                self.article.span(node.contents)
                for node in tags_named(self.article, "ref")
                if node.contents is not None
            )
        index = bisect_right(self._footnotes, (position, math.inf)) - 1
        if index >= 0 and self._footnotes[index][0] <= position < self._footnotes[index][1]:
            return self._footnotes[index]
        return None

    def before_comments(self, end: int) -> int:
        """*end* moved back over the comments that end there."""
        if self._comment_ends is None:
            self._comment_ends = {
                span[1]: span[0] for span in map(self.article.span, self.article.nodes(Comment))
            }
        while end in self._comment_ends:
            end = self._comment_ends[end]
        return end

    def utf8_length(self, start: int, end: int) -> int | None:
        """The UTF-8 length of the text of the pieces from *start* to *end* (where pieces
        begin), or ``None`` when an opaque one leaves it undecided. The article's pieces
        are read once, then summed."""
        stream = self.footnote(start) or (0, len(self.source))
        sums = self._sums.get(stream)
        if sums is None:
            sums = self._sums[stream] = self._running_sums(*stream)
        starts, lengths, opaque = sums
        first, last = bisect_left(starts, start), bisect_left(starts, end)
        if opaque[last] - opaque[first]:
            return None
        return lengths[last] - lengths[first]

    def _running_sums(self, start: int, end: int) -> tuple[list[int], list[int], list[int]]:
        """Where each piece from *start* to *end* starts, and the bytes of text and the
        opaque pieces before it."""
        starts: list[int] = []
        lengths, opaque = [0], [0]
        for piece in self.pieces(start, end):
            starts.append(piece.start)
            text = piece.text if piece.kind in _TEXTS else ""
            lengths.append(lengths[-1] + len(text.encode("utf-8", "surrogatepass")))
            opaque.append(opaque[-1] + (piece.kind == "opaque"))
        return starts, lengths, opaque

    def _plain(self, position: int) -> Piece:
        source = self.source
        if position == 0 or source[position - 1] == "\n":
            markup = _LINE_MARKUP.match(source, position)
            if markup and markup.end() > position:
                return Piece(position, markup.end(), "stop")
        for pattern, kind in ((_QUOTES, "quote"), (_CELL, "stop")):
            match = pattern.match(source, position)
            if match:
                return Piece(position, match.end(), kind)
        match = _PLAIN.match(source, position)
        assert match is not None
        return Piece(position, match.end(), "text", match[0])

    def _special_pieces(self) -> dict[int, Piece]:
        """The pieces the parse tree and the HTML tags give, by where they start."""
        if self._special is not None:
            return self._special
        article = self.article
        found: dict[int, Piece] = {}
        for index, html_tag in enumerate(html_tags(article)):
            found[html_tag.start] = Piece(html_tag.start, html_tag.end, "tag", index=index)
        for comment in article.nodes(Comment):
            start, end = article.span(comment)
            found[start] = Piece(start, end, "comment")
        for entity in article.nodes(HTMLEntity):
            start, end = article.span(entity)
            found[start] = Piece(start, end, "entity", entity.normalize())
        for link in article.nodes(ExternalLink):
            start, end = article.span(link)
            text = str(link.title or "").strip() if link.brackets else str(link.url)
            found[start] = Piece(start, end, "link", _unquoted(text or "[1]"))
        for wikilink in article.nodes(Wikilink):
            start, end = article.span(wikilink)
            title = str(wikilink.title).strip()
            if is_file_link(title):
                found[start] = Piece(start, end, "opaque")
            else:
                text = "" if is_category_link(title) else str(wikilink.text or title)
                found[start] = Piece(start, end, "link", _unquoted(text))
        for kind in (Template, Argument):
            for node in article.nodes(kind):
                start, end = article.span(node)
                found[start] = Piece(start, end, "opaque")
        for tag in article.nodes(Tag):
            name = str(tag.tag).strip().casefold()
            if tag.wiki_markup is None and name not in HTML_TAGS:
                start, end = article.span(tag)
                found[start] = (
                    Piece(start, end, "link", _FOOTNOTE_MARK)
                    if name == "ref"
                    else Piece(start, end, "opaque")
                )
        self._special = found
        return found


_TEXTS = frozenset({"text", "entity", "link"})


def _unquoted(text: str) -> str:
    """A link's text without its bold and italic marks."""
    return _QUOTES.sub("", text)
