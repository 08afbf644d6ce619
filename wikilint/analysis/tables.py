"""The tables of an article as an HTML5 tree builder builds them.

Wikitext tables (``{|`` … ``|}``, rows ``|-``, cells ``|`` and ``!``, captions ``|+``) and
HTML tables (``<table>``, ``<tr>``, ``<td>``…) are read from the source in one pass, as
Parsoid's tokenizer reads them: a table line starts a line (after spaces and comments), and
the row and cell syntax counts only while a wikitext table is open. Inside a table, outside
every cell and caption, HTML allows only whitespace and comments: anything else is
*fostered*, moved out to just before the table, and a table starting there closes the table
it stands in.

Category and interlanguage links, behaviour switches, ``{{DEFAULTSORT:…}}``,
``<includeonly>`` blocks and ``<templatestyles>`` are moved out too, but render nothing
(Parsoid does not report them); an end tag of another element is dropped. A template's
output is unknown: a table with a template outside its cells is left undecided.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from dataclasses import dataclass, field

from mwparserfromhell.nodes import Argument, Comment, Wikilink

from wikilint.analysis.html_tags import HTML_TAGS, foreign_spans
from wikilint.analysis.raw_markup import opaque_spans
from wikilint.document.article import Article
from wikilint.document.memo import per_article
from wikilint.document.names import named_templates, tags_named
from wikilint.document.namespaces import is_category_link, is_interlanguage_link
from wikilint.document.spans import Span, merge, overlaps

#: Stands for a template's output in the masked source: unknown.
_UNKNOWN = "\x01"
#: Stands for markup that makes a node but renders nothing, such as a category link.
_SILENT_NODE = "\x02"
#: Templates that render nothing where they stand.
_SILENT_TEMPLATES = ("defaultsort:", "defaultsortkey:", "defaultcategorysort:")
#: Tags whose contents are not table syntax of the page (a reference is parsed apart).
_CONTENT_TAGS = ("ref",)
#: Markup that makes a node but renders nothing, besides links and templates.
_SILENT = r"<includeonly\s*>.*?(?:</includeonly\s*>|\Z)|</?(?:noinclude|onlyinclude)\s*/?>|__\w+?__"
#: End tags the tree builder drops outside every cell (``</p>`` and ``</br>`` make elements).
_DROPPED_END_TAG = rf"</(?:{'|'.join(sorted(HTML_TAGS - {'p', 'br'}))})\s*>"
#: HTML's whitespace (not Python's: a no-break space is content).
_WHITESPACE = " \t\n\r\f"
#: What leaves nothing outside the cells: whitespace, comments (blanked), dropped end tags.
_NOTHING = re.compile(rf"(?:[{_WHITESPACE}]|{_DROPPED_END_TAG})*", re.IGNORECASE)
#: The same in the source itself, comments not blanked: most tables hold only this there.
_NOTHING_IN_SOURCE = re.compile(
    rf"(?:[{_WHITESPACE}]|<!--.*?-->|{_DROPPED_END_TAG})*", re.IGNORECASE | re.DOTALL
)
#: Where a table may start: a wikitext table at a line's start is confirmed apart.
_HTML_TABLE = re.compile(r"<table\b", re.IGNORECASE)
#: What shows nothing there: also the nodes that render nothing.
_NOTHING_SHOWN = re.compile(
    rf"(?:[{_WHITESPACE}{_SILENT_NODE}]|{_DROPPED_END_TAG}|{_SILENT})*", re.IGNORECASE | re.DOTALL
)
_PIPE = r"(?:\||\{\{!\}\})"
#: A table line (start, end, row, caption, cell) or an HTML table tag.
#: What a table line starts with, after spaces and comments at the line's start.
_LINE_START = rf"[:*#]*[ \t]*(?P<open>\{{\|)|(?P<line>{_PIPE}(?P<mark>[}}+]|-+)?|!)"
_TABLE_LINE = re.compile(_LINE_START)
#: A table line (start, end, row, caption, cell), a line starting with a comment (a table
#: line may follow it), or an HTML table tag.
_TOKENS = re.compile(
    r"(?=[\n<]|\A)"  # the few places a token can start, tested first
    rf"(?:(?:\A|\n)[ \t]*(?:{_LINE_START}|(?P<comment>(?=<!--)))"
    r"""|<(?P<slash>/?)(?P<name>table|tr|td|th|caption)\b(?:"[^"\n]*"|'[^'\n]*'|[^<>"'])*>)""",
    re.IGNORECASE,
)
#: Where the tree builder stands in the innermost table: outside every cell, in a cell or
#: caption (named so), or unknown after a template.
_TABLE, _UNDECIDED = "table", "undecided"
#: The states an end tag leaves for outside every cell (HTML5 ignores it in others).
_CLOSED_BY = {"td": ("td",), "th": ("th",), "caption": ("caption",), "tr": ("td", "th")}


@dataclass(slots=True)
class Table:
    """One table of the page's own wikitext."""

    start: int
    """Where ``{|`` or ``<table`` starts."""
    open_end: int
    """The end of the opening tag: ``{|`` and its attributes, or ``<table …>``."""
    end: int = -1
    """The end of ``|}`` or ``</table>``; where the next table starts when that one closed
    it; the end of the page when nothing closed it."""
    fostered: int | None = None
    """Where the first content outside every cell starts, which the tree builder moves out
    before the table; ``None`` when there is none."""
    undecided: bool = False
    """Whether a template stands outside every cell: its output may be rows."""
    closes_table: bool = False
    """Whether the table starts outside every cell of another table, which it closes."""
    moved_out: bool = False
    """Whether anything, even a category link, is moved out before the table."""
    follows_closed: bool = False
    """Whether the table starts right after a table the tree builder closed itself: one it
    stands in outside every cell, or an HTML table that a ``|}`` closed."""
    stray_end: Span | None = None
    """For a table that closes another: the end tag meant for the one it closed, which
    comes after its own and no longer closes anything."""
    wikitext: bool = True

    @property
    def deletable(self) -> bool:
        """Whether Parsoid files the table's start as deletable-table-tag: it follows a table
        closed automatically, with nothing moved out between them."""
        return self.follows_closed and not self.moved_out and not self.undecided


@dataclass(slots=True)
class _Frame:
    """An open table and where the tree builder stands in it."""

    table: Table
    state: str = _TABLE
    owed: list[Table] = field(default_factory=list)
    """The tables that closed another (the last closed innermost): the end tag of each table
    they closed comes after their own, and is left over."""


def tables(article: Article) -> tuple[Table, ...]:
    """Every table of the page's own wikitext, in source order (see the module)."""
    return _scan(article)[0]


def stray_table_ends(article: Article) -> tuple[Span, ...]:
    """The table ends (``|}``, ``</table>``) that come when the tree builder has no table
    open, which it drops: a ``|}`` counts while Parsoid's count of open ``{|`` is above
    zero, even when an HTML end tag or a table start closed their tables. None after a
    template since the last table closed: it may open one."""
    return _scan(article)[1]


@per_article
def _scan(article: Article) -> tuple[tuple[Table, ...], tuple[Span, ...]]:
    source = article.source
    if "{|" not in source and not re.search("<table", source, re.IGNORECASE):
        return (), ()
    scanner = _Scanner(article)
    return scanner.scan(), tuple(scanner.stray_ends)


def _masked(article: Article) -> str:
    """The source, of the same length, with comments blanked, templates' output marked
    unknown, category links and such marked as silent nodes, and tags whose contents are not
    the page's table syntax (``<ref>``, ``<nowiki>``, ``<math>``…) marked as content."""
    spans: list[tuple[int, int, str]] = [(*span, "x") for span in opaque_spans(article)]
    spans += [(*article.span(tag), "x") for tag in tags_named(article, *_CONTENT_TAGS)]
    spans += [(*article.span(tag), _SILENT_NODE) for tag in tags_named(article, "templatestyles")]
    spans += [(*article.span(node), " ") for node in article.nodes(Comment)]
    spans += [(*article.span(node), _UNKNOWN) for node in article.nodes(Argument)]
    for name, template in named_templates(article):
        if name != "!":
            fill = _SILENT_NODE if name.startswith(_SILENT_TEMPLATES) else _UNKNOWN
            spans.append((*article.span(template), fill))
    source = article.source
    for link in article.nodes(Wikilink):
        start, end = article.span(link)
        if source.find(":", start, end) < 0:
            continue  # no namespace nor language: the common case, without building the title
        title = str(link.title)
        if is_category_link(title) or is_interlanguage_link(title):
            spans.append((start, end, _SILENT_NODE))
    parts, position = [], 0
    for start, end, fill in sorted(spans, key=lambda span: (span[0], -span[1])):
        if start >= position:
            parts += [source[position:start], fill * (end - start)]
            position = end
    parts.append(source[position:])
    return "".join(parts)


class _Scanner:
    """One pass over the table tokens of the source, from each table's start to its end.

    Tokens inside comments, templates, their arguments, references and tags whose contents
    are not wikitext do not count. The content outside cells is read in the source when it
    is only whitespace and comments (most tables), else in the masked source.
    """

    def __init__(self, article: Article) -> None:
        self.article = article
        self.source = article.source
        self.hidden = foreign_spans(article)
        #: Also the references: their table syntax is theirs (two sorted runs, merged).
        self.apart = merge(
            [*self.hidden, *(article.span(tag) for tag in tags_named(article, *_CONTENT_TAGS))]
        )
        self.apart_index = 0  # the first span of ``apart`` not ending before the last token
        self._masked: str | None = None
        self.html_at: int | None = None  # where the next ``<table`` was found
        self.frames: list[_Frame] = []
        self.wikitext_depth = 0  # Parsoid's count of open ``{|``: row and cell syntax counts
        self.result: list[Table] = []
        self.content_from = 0  # where the content not yet looked at starts
        self.closed_at: int | None = None  # where a table the tree builder closed ends
        #: Per depth of open tables, the tables that closed another and were closed in turn:
        #: the next end tags at that depth are those of the tables they closed, left over.
        self.debts: list[tuple[int, list[Table]]] = []
        self.stray_ends: list[Span] = []  # table ends with no table open, dropped
        #: Since the last table open was closed: where the search for templates resumes,
        #: and whether one was found (it may open a table, which a table end then closes).
        self.searched_to = 0
        self.after_template = False

    @property
    def masked(self) -> str:
        if self._masked is None:
            self._masked = _masked(self.article)
        return self._masked

    def scan(self) -> tuple[Table, ...]:
        position = 0
        while (start := self._next_table(position)) is not None:
            position = len(self.source)
            for token in _TOKENS.finditer(self.source, max(start - 1, 0)):  # from its newline
                match = self._after_comments(token) if token["comment"] is not None else token
                if match is None or self._hidden(match):
                    continue
                self._token(match)
                if (
                    not (self.frames or self.debts or self.wikitext_depth)
                    and self.closed_at is None
                ):
                    position = token.end()
                    break
        self._content(len(self.source))
        for frame in self.frames:
            frame.table.end = len(self.source)
        return tuple(self.result)

    def _next_table(self, position: int) -> int | None:
        """Where the line of the next table start from *position* starts (or the start of
        ``<table``), outside what is hidden; ``None`` when there is none."""
        source = self.source
        wikitext = source.find("{|", position)
        html = self._next_html(position)
        while wikitext >= 0 or html >= 0:
            if html >= 0 and (wikitext < 0 or html < wikitext):
                if not overlaps(self.hidden, html, html + 1):
                    return html
                html = self._next_html(html + 1)
                continue
            line_start = self._line_start(wikitext)
            if (line_start == 0 or source[line_start - 1] == "\n") and not overlaps(
                self.hidden, wikitext, wikitext + 1
            ):
                return line_start
            wikitext = source.find("{|", wikitext + 2)
        return None

    def _next_html(self, position: int) -> int:
        """Where the next ``<table`` from *position* starts, or -1; the last one found is
        kept, so that many wikitext tables before it do not each search for it again."""
        if self.html_at is not None and (self.html_at < 0 or self.html_at >= position):
            return self.html_at
        match = _HTML_TABLE.search(self.source, position)
        self.html_at = -1 if match is None else match.start()
        return self.html_at

    def _after_comments(self, token: re.Match[str]) -> re.Match[str] | None:
        """The table line after the comments that start a line (Parsoid passes over them),
        if one follows them; each comment is passed over once, by its span."""
        at = token.end()
        while self.source.startswith("<!--", at) and overlaps(self.hidden, at, at + 1):
            at = _span_end(self.hidden, at)
            while self.source.startswith((" ", "\t"), at):
                at += 1
        return _TABLE_LINE.match(self.source, at)

    def _line_start(self, offset: int) -> int:
        """Back from *offset* over spaces, list marks and comments, each comment at once."""
        source = self.source
        while offset:
            if source[offset - 1] in " \t:*#":
                offset -= 1
            elif source.endswith("-->", 0, offset) and overlaps(self.hidden, offset - 1, offset):
                offset = _span_start(self.hidden, offset - 1)
            else:
                break
        return offset

    def _hidden(self, match: re.Match[str]) -> bool:
        """Whether the token is inside a comment, a template, a reference...; a ``{{!}}``,
        itself a template, counts unless what holds its line is hidden. Tokens come in
        source order: the spans are walked once, not searched for each."""
        group = "open" if match["open"] else "line" if match["line"] else None
        start = match.start(group) if group else match.start()
        at = start - 1 if self.source.startswith("{{!}}", start) else start
        spans, index = self.apart, self.apart_index
        while index < len(spans) and spans[index][1] <= at:
            index += 1
        self.apart_index = index
        return at >= 0 and index < len(spans) and spans[index][0] <= at

    def _token(self, match: re.Match[str]) -> None:
        if match["open"]:
            start = match.start("open")
            self._content(start)
            line_end = self._line_end(match.end())
            self._open(start, self._open_end(match.end(), line_end), line_end)
        elif match["line"]:
            if self.wikitext_depth:
                self._line(match)
        else:
            self._tag(match)

    def _line_end(self, offset: int) -> int:
        """The end of the line *offset* is on, past newlines inside hidden spans."""
        end = self.source.find("\n", offset)
        while end >= 0 and overlaps(self.hidden, end, end + 1):
            end = self.source.find("\n", _span_end(self.hidden, end))
        return len(self.source) if end < 0 else end

    def _open_end(self, start: int, line_end: int) -> int:
        """The end of a ``{|`` line's opening tag: before a comment, else before the line's
        trailing spaces."""
        comment = self.source.find("<!--", start, line_end)
        if comment >= 0:
            return comment
        while line_end > start and self.source[line_end - 1] in " \t":
            line_end -= 1
        return line_end

    def _open(self, start: int, open_end: int, content_from: int, wikitext: bool = True) -> None:
        table = Table(start, open_end, wikitext=wikitext)
        self.result.append(table)
        self.wikitext_depth += wikitext
        frame = _Frame(table)
        if self.frames and self.frames[-1].state == _TABLE:
            self.frames[-1].table.end = self.closed_at = start
            table.closes_table = True
            frame.owed = (
                self.frames.pop().owed
            )  # taken over, not copied: a run of them stays linear
            frame.owed.append(table)
        if self.closed_at is not None:
            table.follows_closed = self._nothing(self.closed_at, start, _NOTHING)
        self.closed_at = None
        self.frames.append(frame)
        self.content_from = content_from

    def _line(self, match: re.Match[str]) -> None:
        start, mark = match.start("line"), match["mark"]
        self._content(start)
        self.closed_at = None
        if mark == "}":
            self.wikitext_depth -= 1
            self._close(start, match.end(), by_wikitext=True)
        elif mark and mark.startswith("-"):
            self._enter(_TABLE, self._line_end(start))
        else:
            cell = "th" if match["line"] == "!" else "caption" if mark == "+" else "td"
            self._enter(cell, start)

    def _tag(self, match: re.Match[str]) -> None:
        name, closing = match["name"].casefold(), bool(match["slash"])
        self._content(match.start())
        if name == "table" and not closing:
            self._open(match.start(), match.end(), match.end(), wikitext=False)
            return
        self.closed_at = None
        if name == "table":
            self._close(match.start(), match.end(), by_wikitext=False)
        elif not closing:
            self._enter(_TABLE if name == "tr" else name, match.end())
        elif self.frames and self.frames[-1].state in _CLOSED_BY[name]:
            self._enter(_TABLE, match.end())

    def _enter(self, state: str, content_from: int) -> None:
        """A row, a cell or a caption starts, or ends, in the innermost table."""
        if self.frames:
            self.frames[-1].state = state
            self.content_from = content_from

    def _close(self, start: int, end: int, by_wikitext: bool) -> None:
        """An end tag: it closes the innermost table, if any; and in the source it is the
        end of a table another closed, left over, if one is owed at this depth."""
        depth = len(self.frames)
        while self.debts and self.debts[-1][0] > depth:
            self.debts.pop()
        if self.debts and self.debts[-1][0] == depth:
            owed = self.debts[-1][1]
            owed.pop().stray_end = (start, end)
            if not owed:
                self.debts.pop()
        self.content_from = end
        if not self.frames:
            self.after_template |= self.masked.find(_UNKNOWN, self.searched_to, start) >= 0
            self.searched_to = end
            if not self.after_template:
                self.stray_ends.append((start, end))
            return
        frame = self.frames.pop()
        frame.table.end = end
        if not self.frames:
            self.searched_to, self.after_template = end, False
        if by_wikitext and not frame.table.wikitext:
            self.closed_at = end  # Parsoid: an HTML table's end tag must be HTML too
        if frame.owed:
            self.debts.append((depth - 1, frame.owed))

    def _content(self, until: int) -> None:
        """Look at the content from ``content_from`` to *until*, outside every cell."""
        frame = self.frames[-1] if self.frames else None
        if frame is None or frame.state != _TABLE:
            return
        table, start = frame.table, self.content_from
        self.content_from = max(start, until)
        if _skip(_NOTHING_IN_SOURCE, self.source, start, until) >= until:
            return
        if self.masked.find(_UNKNOWN, start, until) >= 0:
            table.undecided = True
            frame.state = _UNDECIDED
        elif not self._nothing(start, until, _NOTHING):
            table.moved_out = True
            shown = _skip(_NOTHING_SHOWN, self.masked, start, until)
            if table.fostered is None and shown < until:
                table.fostered = shown

    def _nothing(self, start: int, end: int, pattern: re.Pattern[str]) -> bool:
        """Whether *pattern* passes over the whole masked source from *start* to *end*."""
        if _skip(_NOTHING_IN_SOURCE, self.source, start, end) >= end:
            return True
        return _skip(pattern, self.masked, start, end) >= end


def _skip(pattern: re.Pattern[str], text: str, start: int, end: int) -> int:
    """Where what *pattern* passes over, from *start*, ends (at most *end*)."""
    match = pattern.match(text, start, end)
    return start if match is None else match.end()


def _span_end(spans: list[Span], offset: int) -> int:
    """The end of the span of the sorted, disjoint *spans* that holds *offset*."""
    return spans[bisect_right(spans, (offset, math.inf)) - 1][1]


def _span_start(spans: list[Span], offset: int) -> int:
    """The start of the span of the sorted, disjoint *spans* that holds *offset*."""
    return spans[bisect_right(spans, (offset, math.inf)) - 1][0]
