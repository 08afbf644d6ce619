"""The literal HTML tags of an article, as MediaWiki's tree builder meets them.

Tags are read from the source, not from the parse tree: mwparserfromhell leaves a stray
``</u>`` or an unclosed ``<center>`` as text, and Parsoid's Linter judges exactly those.
Tags inside comments, templates, template arguments and tags whose contents are not
wikitext (``<nowiki>``, ``<pre>``, ``<math>``, ``<syntaxhighlight>``...) are left out: the
page's own wikitext does not decide what they render. Only the tags MediaWiki's sanitizer
lets through count; anything else (``<foo>``) is shown as text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass

from mwparserfromhell.nodes import Argument, Comment, Template, Wikilink

from wikilint.analysis.raw_markup import opaque_spans
from wikilint.document.article import Article
from wikilint.document.emphasis import marks
from wikilint.document.memo import per_article
from wikilint.document.spans import Span, blanked, merge, overlaps

#: Tags that never have contents: a ``/>`` on them is allowed, their end tag meaningless.
VOID_TAGS = frozenset({"br", "wbr", "hr", "meta", "link", "img"})
#: The HTML tags MediaWiki's sanitizer accepts as literal markup.
HTML_TAGS = VOID_TAGS | frozenset(
    {
        "abbr", "b", "bdi", "bdo", "big", "blockquote", "caption", "center", "cite", "code",
        "data", "dd", "del", "dfn", "div", "dl", "dt", "em", "font", "h1", "h2", "h3", "h4",
        "h5", "h6", "i", "ins", "kbd", "li", "mark", "ol", "p", "q", "rb", "rp", "rt", "rtc",
        "ruby", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "table", "td",
        "th", "time", "tr", "tt", "u", "ul", "var",
    }
)  # fmt: skip

#: Inline tags that HTML5, unlike Tidy, does not reopen in the next paragraph
#: (Parsoid's ``getTagsWithChangedMisnestingBehavior``): a paragraph break ends them.
PARAGRAPH_BOUND_TAGS = frozenset(
    {
        "abbr", "bdi", "bdo", "cite", "data", "del", "dfn", "ins", "kbd", "mark", "q", "rb",
        "rp", "rt", "rtc", "ruby", "samp", "span", "sub", "sup", "time", "var",
    }
)  # fmt: skip
#: MediaWiki's wikitext block elements (Parsoid's ``Consts::$wikitextBlockElems``): a
#: line holding one is no paragraph.
WIKITEXT_BLOCK_TAGS = frozenset(
    {
        "table", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "p", "ul", "ol", "dl", "td", "th",
        "tr", "caption", "dt", "dd", "li", "center", "blockquote", "div", "hr", "figure",
        "aside",
    }
)  # fmt: skip
_BLOCK_TAG = re.compile(rf"</?(?:{'|'.join(sorted(WIKITEXT_BLOCK_TAGS))})\b", re.IGNORECASE)
#: Tags a wikitext table makes too: their end tag in one closes the table's own row or cell.
_TABLE_PARTS = frozenset({"caption", "td", "th", "tr"})
#: HTML5's formatting elements, which the tree builder reopens after an element that held
#: them closes (Parsoid's ``Consts::$HTML['FormattingTags']`` less ``a`` and ``nobr``).
FORMATTING_TAGS = frozenset(
    {"b", "big", "code", "em", "font", "i", "s", "small", "strike", "strong", "tt", "u"}
)
#: The names italic and bold marks take among the tags: no HTML tag is named so.
_ITALIC, _BOLD = "''", "'''"
_QUOTES = frozenset({_ITALIC, _BOLD})
_FORMATTING = FORMATTING_TAGS | _QUOTES
#: How deep an end tag looks for its element among the open ones: bounds the work.
_DEPTH = 256
#: Tags whose end tag is optional: they take no part in cutting.
_OPTIONAL_END = frozenset({"p", "li", "dt", "dd", "tr", "td", "th"})

#: A tag (quoted attribute values may hold ``<`` and ``>``, as ``<nowiki/>`` in a title);
#: or where a wikitext table opens, closes, or starts a cell or row; or a paragraph break.
#: The lookahead of the characters a token can start with lets ``re`` pass over the others
#: without trying each alternative (2.3 times as fast on the corpus, the same matches).
_TOKENS = re.compile(
    r"(?=[<{|!\n \t:])"
    r"""(?:<(?P<slash>/?)(?P<name>[a-z][a-z0-9]*)\b(?P<attrs>(?:"[^"\n]*"|'[^'\n]*'|[^<>"'])*)>"""
    r"|(?P<table>^[ \t:]*\{\|)|(?P<end>^[ \t]*\|\})|(?P<cell>^[ \t]*[|!]|\|\||!!)"
    r"|(?P<paragraph>\n[ \t]*\n|\n(?=[*#:;=]|----)))",
    re.IGNORECASE | re.MULTILINE,
)


@dataclass(frozen=True, slots=True)
class HtmlTag:
    """One start or end tag; ``partner`` is the index of the tag it pairs with, if any."""

    start: int
    end: int
    name: str
    closing: bool
    self_closing: bool
    partner: int | None = None
    cut: int | None = None
    """The end of what closed this start tag's element before its own end tag did: another
    element's end tag or a paragraph break (the tree builder's auto-inserted end)."""
    in_table: bool = False
    """Whether the tag is inside a wikitext table."""
    to_cell_end: bool = False
    """Whether this start tag's element runs to its table cell's end: opened on the cell's
    first line, its end tag falls in a paragraph of the cell's later lines, which drops it."""


@per_article
def html_tags(article: Article) -> list[HtmlTag]:
    """Every literal HTML tag of the article's own wikitext, in source order, each start tag
    paired with the end tag that closes it, as an HTML5 tree builder roughly pairs them
    (see :class:`_Builder`). Each token is looked at once."""
    hidden = foreign_spans(article)
    source = article.source
    builder = _Builder(source, merge([*hidden, *_multiline_links(article)]))
    quotes = _quote_events(source, hidden)
    for match in _visible_tokens(source, hidden):
        start = match.start()
        while quotes and quotes[-1][0] < start:
            builder.quote(*quotes.pop())
        name = match["name"]
        if name is None:
            builder.boundary(match)
            continue
        name = name.casefold()
        if name in HTML_TAGS:
            closing = bool(match["slash"])
            self_closing = not closing and name not in VOID_TAGS and match["attrs"].endswith("/")
            builder.tag(HtmlTag(start, match.end(), name, closing, self_closing))
    while quotes:
        builder.quote(*quotes.pop())
    return builder.result()


def _multiline_links(article: Article) -> list[Span]:
    """The spans of the wikilinks whose text runs over a line break, which makes no
    paragraph in them."""
    if "[[" not in article.source:
        return []
    spans = (article.span(link) for link in article.nodes(Wikilink))
    return [(start, end) for start, end in spans if "\n" in article.source[start:end]]


def _visible_tokens(source: str, hidden: list[Span]) -> Iterator[re.Match[str]]:
    """The ``_TOKENS`` of *source* that start outside the sorted, disjoint *hidden* spans."""
    spans = iter(hidden)
    span_start, span_end = next(spans, (len(source) + 1, len(source) + 1))
    for match in _TOKENS.finditer(source):
        start = match.start()
        while span_end <= start:  # the first hidden span not ending before the token
            span_start, span_end = next(spans, (len(source) + 1, len(source) + 1))
        if start < span_start:
            yield match


def _quote_events(source: str, hidden: list[Span]) -> list[tuple[int, int, str, bool]]:
    """``(start, end, name, closing)`` of each italic (``''``) and bold (``'''``) mark
    that opens or closes, the line's end closing what is left open, last first."""
    if "''" not in source:
        return []
    masked = blanked(source, hidden)
    events: list[tuple[int, int, str, bool]] = []
    offset = 0
    for line in masked.split("\n"):
        if "''" in line:
            events.extend(_line_quote_events(line, offset))
        offset += len(line) + 1
    return events[::-1]


def _line_quote_events(line: str, offset: int) -> Iterator[tuple[int, int, str, bool]]:
    opened: list[str] = []
    for mark in marks(line):
        start, end = offset + mark.start, offset + mark.end
        toggled = [name for name, on in ((_BOLD, mark.bold), (_ITALIC, mark.italic)) if on]
        closing = [name for name in reversed(opened) if name in toggled]
        for name in closing:  # the inner one first
            opened.remove(name)
            yield start, end, name, True
        for name in toggled:
            if name not in closing:
                opened.append(name)
                yield start, end, name, False
    for name in reversed(opened):
        yield offset + len(line), offset + len(line), name, True


class _Frame:
    """The elements open in one wikitext table (or outside every table)."""

    def __init__(self) -> None:
        self.by_name: dict[str, list[int]] = {}  # start tags an end tag of the name may close
        self.open: list[int] = []  # start tags whose element is open, innermost last
        self.blocks = 0  # how many of them are block elements
        self.first_line_end = -1  # where a table cell's first line ends (-1: no cell)
        self.first_line: set[int] = set()  # inline elements open from the cell's first line
        self.dropped: set[str] = set()  # names of end tags dropped in the cell's paragraphs


class _Builder:
    """Pairs start and end tags the way an HTML5 tree builder does, in outline.

    A start tag pairs with the next end tag of its name in the same table cell (a cell's
    end closes what it opened). An end tag closes the elements opened inside its own and
    still open: they are *cut*. A cut formatting element (``<b>``, ``<small>``...) is
    reopened after the cut and may still pair with its end tag (Parsoid: misnested-tag); a
    cut inline element of ``PARAGRAPH_BOUND_TAGS`` is not, and its end tag is stray. An end
    tag of such an element with a block element open inside it is ignored, as HTML5 does. A
    paragraph break outside block elements cuts the inline elements open.

    A table cell's later lines are paragraphs (or list items, preformatted text) *inside*
    the inline elements opened on its first line: a paragraph break does not cut those, and
    their end tag in such a later line is dropped, or for a formatting element cuts it at
    the first line's end (Parsoid: missing-end-tag, or misnested-tag).
    """

    def __init__(self, source: str, joined: list[Span]) -> None:
        self.source = source
        self.joined = joined  # sorted, disjoint spans whose line breaks end no line
        self.tags: list[HtmlTag] = []
        self.partners: dict[int, int] = {}
        self.cuts: dict[int, int] = {}
        self.pending: dict[str, int] = {}  # the last element of each name cut, not reopened
        self.to_cell_end: set[int] = set()
        self.line = (0, 0, False)  # the last line read: start, end, whether it has a block tag
        self.frames = [_Frame()]

    def boundary(self, match: re.Match[str]) -> None:
        frame = self.frames[-1]
        if match["table"]:
            self._paragraph_break(frame, match.end())
            self.frames.append(_Frame())
        elif match["end"] and len(self.frames) > 1:
            self.frames.pop()
        elif match["paragraph"]:
            self._paragraph_break(frame, match.end())
        elif match["cell"] and len(self.frames) > 1:
            self.frames[-1] = cell = _Frame()
            if self.source[match.end() : match.end() + 1] not in ("+", "-"):  # not a caption, row
                cell.first_line_end = self._line_end(match.end())

    def tag(self, tag: HtmlTag) -> None:
        frame = self.frames[-1]
        name = tag.name
        in_table = len(self.frames) > 1
        if tag.closing and name in _TABLE_PARTS and in_table and not frame.by_name.get(name):
            return  # it closes the wikitext table's own row or cell
        index = len(self.tags)
        if in_table:  # ``replace`` would do, at several times the cost
            tag = HtmlTag(tag.start, tag.end, name, tag.closing, tag.self_closing, in_table=True)
        self.tags.append(tag)
        if tag.self_closing or name in VOID_TAGS:
            return
        stack = frame.by_name.setdefault(name, [])
        if not tag.closing:
            stack.append(index)
            if (
                tag.start < frame.first_line_end
                and not _is_block(name)
                and name not in _QUOTES
                and (not frame.open or frame.open[-1] in frame.first_line)
            ):
                frame.first_line.add(index)
            if name not in _OPTIONAL_END:
                frame.open.append(index)
                frame.blocks += _is_block(name)
        elif stack and self._in_later_paragraph(frame, stack[-1], tag.start):
            if name not in _FORMATTING:
                if name not in frame.dropped:  # the first line's elements of the name, once
                    frame.dropped.add(name)
                    self.to_cell_end.update(item for item in stack if item in frame.first_line)
                return  # the end tag is in a paragraph inside the element: dropped
            self._close_from_paragraph(frame, stack, index)
        elif stack:
            self._close(frame, stack, index)
        elif self._misnested_end(frame, index):
            return

    def _line_end(self, offset: int) -> int:
        """Where the line holding *offset* ends: the line breaks of a wikilink, a comment or
        a template end no line."""
        links = self.joined
        while (line_end := self.source.find("\n", offset)) >= 0:
            link = bisect_right(links, (line_end, len(self.source))) - 1
            if link < 0 or links[link][1] <= line_end:
                return line_end
            offset = links[link][1]
        return len(self.source)

    def _in_later_paragraph(self, frame: _Frame, opener: int, offset: int) -> bool:
        """Whether *offset*, past the first line of the cell where the element *opener* was
        opened, is in a line the cell makes a paragraph of (not one holding a block tag)."""
        if opener not in frame.first_line or offset < frame.first_line_end:
            return False
        line_start, line_end, has_block = self.line
        if not line_start <= offset < line_end:  # tags come in order: each line is read once
            line_start = self.source.rfind("\n", frame.first_line_end, offset) + 1
            line_end = self._line_end(offset)
            has_block = _BLOCK_TAG.search(self.source, line_start, line_end) is not None
            self.line = line_start, line_end, has_block
        return not has_block

    def _close_from_paragraph(self, frame: _Frame, stack: list[int], index: int) -> None:
        """The end tag *index* of a formatting element of the cell's first line is in a
        later paragraph: the element and the first line's elements inside it end with the
        first line (the adoption agency), but formatting ones, which go on around the
        paragraph as the paragraph's elements go on in it."""
        opener = stack.pop()
        self.partners[opener], self.partners[index] = index, opener
        self.cuts[opener] = frame.first_line_end
        position = _last_position(frame.open, opener)
        if position is None:
            return
        inside = frame.open[position + 1 :]
        first_line = [
            element
            for element in inside
            if element in frame.first_line and self.tags[element].name not in _FORMATTING
        ]
        frame.open[position:] = [element for element in inside if element not in first_line]
        frame.first_line.difference_update(inside)
        self._cut(frame, first_line, frame.first_line_end)
        self.to_cell_end.difference_update(first_line)  # cut short, not run to the cell's end

    def _misnested_end(self, frame: _Frame, index: int) -> bool:
        """Pair a stray end tag with the element of its name cut just before it, if only
        spaces lie between the cut and the end tag (Parsoid counts it misnested, not
        stripped)."""
        tag = self.tags[index]
        cut = self.pending.pop(tag.name, None)
        if cut is None or self.source[self.cuts[cut] : tag.start].strip():
            return False
        self.partners[cut], self.partners[index] = index, cut
        return True

    def quote(self, start: int, end: int, name: str, closing: bool) -> None:
        """An italic or bold mark: an element of the tree like ``<i>``, named apart."""
        self.tag(HtmlTag(start, end, name, closing, False))

    def _close(self, frame: _Frame, stack: list[int], index: int) -> None:
        opener = stack[-1]
        name = self.tags[opener].name
        position = _last_position(frame.open, opener)
        if position is not None:
            inside = frame.open[position + 1 :]
            blocks = [tag for tag in inside if _is_block(self.tags[tag].name)]
            if blocks and name not in _FORMATTING:
                return  # a block element is open inside: the end tag is ignored
            if blocks:  # the formatting element ends where the block starts, and goes on in it
                self.cuts[opener] = self.tags[index].end
            frame.open[position:] = blocks
            frame.blocks -= _is_block(name)
            self._cut(frame, [tag for tag in inside if tag not in blocks], self.tags[index].end)
        stack.pop()
        self.to_cell_end.discard(opener)
        self.partners[opener], self.partners[index] = index, opener

    def _paragraph_break(self, frame: _Frame, offset: int) -> None:
        if not frame.blocks:  # the cell's first line is in no paragraph: it goes on
            kept = _first_line_depth(frame)
            cut, frame.open = frame.open[kept:], frame.open[:kept]
            self._cut(frame, cut, offset)

    def _cut(self, frame: _Frame, tags: list[int], offset: int) -> None:
        """Mark *tags*, no longer in ``frame.open``, cut at *offset*; those that are not
        formatting elements are not reopened, so no end tag closes them any more."""
        gone: dict[str, set[int]] = {}
        for tag in tags:
            self.cuts.setdefault(tag, offset)
            name = self.tags[tag].name
            if name not in _FORMATTING:
                gone.setdefault(name, set()).add(tag)
                self.pending[name] = tag
        for name, cut in gone.items():
            stack = frame.by_name[name]
            while stack and stack[-1] in cut:  # mostly the innermost ones: no copy
                cut.discard(stack.pop())
            if cut:
                frame.by_name[name] = [tag for tag in stack if tag not in cut]

    def result(self) -> list[HtmlTag]:
        """The HTML tags, without the italic and bold marks."""
        kept = [index for index, tag in enumerate(self.tags) if tag.name not in _QUOTES]
        position = {index: new for new, index in enumerate(kept)}
        tags = self.tags
        return [
            HtmlTag(
                tag.start,
                tag.end,
                tag.name,
                tag.closing,
                tag.self_closing,
                position.get(self.partners.get(index, -1)),
                self.cuts.get(index),
                tag.in_table,
                index in self.to_cell_end,
            )
            for index in kept
            for tag in (tags[index],)
        ]


def _first_line_depth(frame: _Frame) -> int:
    """How many of the elements open in *frame*, outermost first, are open from its cell's
    first line (they come first; ``_DEPTH`` at most: bounds the work)."""
    depth = 0
    while depth < min(len(frame.open), _DEPTH) and frame.open[depth] in frame.first_line:
        depth += 1
    return depth


def _last_position(items: list[int], item: int) -> int | None:
    """Where *item* is among the last ``_DEPTH`` *items*: the search is bounded, and an
    element nested deeper is taken as closed already."""
    for position in range(len(items) - 1, max(len(items) - _DEPTH, 0) - 1, -1):
        if items[position] == item:
            return position
    return None


def _is_block(name: str) -> bool:
    return name not in _FORMATTING and name not in PARAGRAPH_BOUND_TAGS


@per_article
def foreign_spans(article: Article) -> list[Span]:
    """Spans whose rendering the page's own wikitext does not decide, merged: comments,
    templates, template arguments and tags whose contents are not wikitext."""
    return merge(foreign_parts(article))


def in_foreign(article: Article, start: int, end: int) -> bool:
    """Whether source ``start:end`` overlaps one of the :func:`foreign_spans`."""
    return overlaps(foreign_spans(article), start, end)


def foreign_parts(article: Article) -> list[Span]:
    """The spans of :func:`foreign_spans`, one per node, nested ones too, unsorted."""
    spans = opaque_spans(article)
    for kind in (Comment, Template, Argument):
        spans.extend(article.span(node) for node in article.nodes(kind))
    return spans


@per_article
def html5_misnested(article: Article) -> tuple[HtmlTag, ...]:
    """The start tags that Parsoid files as html5-misnesting (and so not as
    missing-end-tag, which WL403 leaves them to)."""
    tags = html_tags(article)
    return tuple(
        tag
        for index, tag in enumerate(tags)
        if tag.cut is not None
        and tag.name in PARAGRAPH_BOUND_TAGS
        and tag.partner is None
        and not _holds_a_closed_twin(tag, tag.cut, tags[index + 1 : index + 2])
    )


def _holds_a_closed_twin(tag: HtmlTag, cut: int, following: list[HtmlTag]) -> bool:
    """Whether the element's first element, before *cut*, is a closed one of its name
    (`<var>x<var/>`): Tidy treated that case apart, and Parsoid does not report it."""
    return any(
        other.name == tag.name
        and not other.closing
        and (other.self_closing or (other.partner is not None and other.cut is None))
        and other.start < cut
        for other in following
    )


@per_article
def html5_misnested_starts(article: Article) -> frozenset[int]:
    """Where the start tags of :func:`html5_misnested` start: a set, so that a rule asking
    of each of its tags stays linear."""
    return frozenset(tag.start for tag in html5_misnested(article))
