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

import re
from dataclasses import dataclass, field

from mwparserfromhell.nodes import Argument, Comment, Wikilink

from wikilint.analysis.html_tags import HTML_TAGS
from wikilint.analysis.raw_markup import opaque_spans
from wikilint.document.article import Article
from wikilint.document.memo import per_article
from wikilint.document.names import named_templates, tags_named
from wikilint.document.namespaces import is_category_link, is_interlanguage_link
from wikilint.document.spans import Span

#: Stands for a template's output in the masked source: unknown.
_UNKNOWN = "\x01"
#: Stands for markup that makes a node but renders nothing, such as a category link.
_SILENT_NODE = "\x02"
#: Templates that render nothing where they stand.
_SILENT_TEMPLATES = ("defaultsort:", "defaultsortkey:", "defaultcategorysort:")
#: Tags whose contents are not table syntax of the page (a reference is parsed apart).
_CONTENT_TAGS = ("ref", "references", "poem")
#: Markup that makes a node but renders nothing, besides links and templates.
_SILENT = r"<includeonly\s*>.*?(?:</includeonly\s*>|\Z)|</?(?:noinclude|onlyinclude)\s*/?>|__\w+?__"
#: End tags the tree builder drops outside every cell (``</p>`` and ``</br>`` make elements).
_DROPPED_END_TAG = rf"</(?:{'|'.join(sorted(HTML_TAGS - {'p', 'br'}))})\s*>"
#: HTML's whitespace (not Python's: a no-break space is content).
_WHITESPACE = " \t\n\r\f"
#: What leaves nothing outside the cells: whitespace, comments (blanked), dropped end tags.
_NOTHING = re.compile(rf"(?:[{_WHITESPACE}]|{_DROPPED_END_TAG})*", re.IGNORECASE)
#: What shows nothing there: also the nodes that render nothing.
_NOTHING_SHOWN = re.compile(
    rf"(?:[{_WHITESPACE}{_SILENT_NODE}]|{_DROPPED_END_TAG}|{_SILENT})*", re.IGNORECASE | re.DOTALL
)
_PIPE = r"(?:\||\{\{!\}\})"
#: A table line (start, end, row, caption, cell) or an HTML table tag.
_TOKENS = re.compile(
    r"(?=[ \t:*#{|!<])"
    rf"(?:^[ \t]*(?:[:*#]*[ \t]*(?P<open>\{{\|)|(?P<line>{_PIPE}(?P<mark>[}}+]|-+)?|!))"
    r"""|<(?P<slash>/?)(?P<name>table|tr|td|th|caption)\b(?:"[^"\n]*"|'[^'\n]*'|[^<>"'])*>)""",
    re.IGNORECASE | re.MULTILINE,
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


@per_article
def tables(article: Article) -> tuple[Table, ...]:
    """Every table of the page's own wikitext, in source order (see the module)."""
    source = article.source
    if "{|" not in source and not re.search("<table", source, re.IGNORECASE):
        return ()
    masked = _masked(article)
    return _Scanner(source, masked).scan()


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
    """One pass over the table tokens of the masked source."""

    def __init__(self, source: str, masked: str) -> None:
        self.source = source
        self.masked = masked
        self.frames: list[_Frame] = []
        self.wikitext_depth = 0  # Parsoid's count of open ``{|``: row and cell syntax counts
        self.result: list[Table] = []
        self.content_from = 0  # where the content not yet looked at starts
        self.closed_at: int | None = None  # where a table the tree builder closed ends
        #: Per depth of open tables, the tables that closed another and were closed in turn:
        #: the next end tags at that depth are those of the tables they closed, left over.
        self.debts: list[tuple[int, list[Table]]] = []

    def scan(self) -> tuple[Table, ...]:
        for match in _TOKENS.finditer(self.masked):
            if match["open"]:
                start = match.start("open")
                self._content(start)
                line_end = _line_end(self.masked, match.end())
                self._open(start, self._open_end(match.end(), line_end), line_end)
            elif match["line"]:
                if self.wikitext_depth:
                    self._line(match)
            else:
                self._tag(match)
        self._content(len(self.masked))
        for frame in self.frames:
            frame.table.end = len(self.source)
        return tuple(self.result)

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
            table.follows_closed = not self.masked[self.closed_at : start].strip(_WHITESPACE)
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
            self._enter(_TABLE, _line_end(self.masked, start))
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
            return
        frame = self.frames.pop()
        frame.table.end = end
        if by_wikitext and not frame.table.wikitext:
            self.closed_at = end  # Parsoid: an HTML table's end tag must be HTML too
        if frame.owed:
            self.debts.append((depth - 1, frame.owed))

    def _content(self, until: int) -> None:
        """Look at the content from ``content_from`` to *until*, outside every cell."""
        frame = self.frames[-1] if self.frames else None
        if frame is None or frame.state != _TABLE:
            return
        table, masked = frame.table, self.masked
        if masked.find(_UNKNOWN, self.content_from, until) >= 0:
            table.undecided = True
            frame.state = _UNDECIDED
        elif _skip(_NOTHING, masked, self.content_from, until) < until:
            table.moved_out = True
            shown = _skip(_NOTHING_SHOWN, masked, self.content_from, until)
            if table.fostered is None and shown < until:
                table.fostered = shown
        self.content_from = max(self.content_from, until)


def _skip(pattern: re.Pattern[str], text: str, start: int, end: int) -> int:
    """Where what *pattern* passes over, from *start*, ends (at most *end*)."""
    match = pattern.match(text, start, end)
    return start if match is None else match.end()


def _line_end(text: str, offset: int) -> int:
    end = text.find("\n", offset)
    return len(text) if end < 0 else end
