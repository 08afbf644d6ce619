"""The tables of an article as an HTML5 tree builder builds them.

Wikitext tables (``{|`` … ``|}``, rows ``|-``, cells ``|`` and ``!``, captions ``|+``) and
HTML tables (``<table>``, ``<tr>``, ``<td>``…) are read from the source in one pass, as
Parsoid's tokenizer reads them: a table line starts a line (after spaces and comments), and
the row and cell syntax counts only while a wikitext table is open. Inside a table, outside
every cell and caption, HTML allows only whitespace: anything else is *fostered*, moved out
before the table, and a table starting there closes the table it stands in.

Comments, category and interlanguage links, behaviour switches, ``{{DEFAULTSORT:…}}``,
``<includeonly>`` blocks and ``<templatestyles>`` render nothing there (Parsoid skips them);
a template's output is unknown, so a table with a template outside its cells is left
undecided.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from mwparserfromhell.nodes import Argument, Comment, Template, Wikilink

from wikilint.analysis.raw_markup import opaque_spans
from wikilint.document.article import Article
from wikilint.document.memo import per_article
from wikilint.document.names import tags_named, template_name
from wikilint.document.namespaces import is_category_link, is_interlanguage_link
from wikilint.document.spans import Span

#: Stands for a template's output in the masked source: unknown.
_UNKNOWN = "\x01"
#: Templates that render nothing where they stand.
_SILENT_TEMPLATES = ("defaultsort:", "defaultsortkey:", "defaultcategorysort:")
#: Tags whose contents are not table syntax of the page (a reference is parsed apart).
_CONTENT_TAGS = ("ref", "references", "poem")
#: Markup that renders nothing, after templates and tags are masked.
_SILENT = re.compile(
    r"<includeonly\s*>.*?(?:</includeonly\s*>|\Z)|</?(?:noinclude|onlyinclude)\s*/?>|__\w+?__",
    re.IGNORECASE | re.DOTALL,
)
_PIPE = r"(?:\||\{\{!\}\})"
#: A table line (start, end, row, caption, cell) or an HTML table tag.
_TOKENS = re.compile(
    rf"^[ \t]*(?:[:*#]*[ \t]*(?P<open>\{{\|)|(?P<line>{_PIPE}(?P<mark>[}}+]|-+)?|!))"
    r"""|<(?P<slash>/?)(?P<name>table|tr|td|th|caption)\b(?:"[^"\n]*"|'[^'\n]*'|[^<>"'])*>""",
    re.IGNORECASE | re.MULTILINE,
)
#: HTML's whitespace; anything else in a table outside its cells is fostered.
_WHITESPACE = " \t\n\r\f"

#: Where the tree builder stands inside the innermost table.
_TABLE, _CELL, _UNDECIDED = "table", "cell", "undecided"


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
    stray_end: Span | None = None
    """For a table that closes another: the end tag meant for the one it closed, which
    comes after its own and no longer closes anything."""
    wikitext: bool = True


@dataclass(slots=True)
class _Frame:
    """The innermost table and where the tree builder stands in it; or, when ``table`` is
    ``None``, the end tags still to come of tables that another table closed."""

    table: Table | None
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
    """The source with what renders nothing blanked, templates' output marked unknown,
    and the contents of tags that are not the page's table syntax marked as content."""
    spans: list[tuple[int, int, str]] = [(*span, "x") for span in opaque_spans(article)]
    spans += [(*article.span(tag), "x") for tag in tags_named(article, *_CONTENT_TAGS)]
    spans += [(*article.span(tag), " ") for tag in tags_named(article, "templatestyles")]
    spans += [(*article.span(node), " ") for node in article.nodes(Comment)]
    spans += [(*article.span(node), _UNKNOWN) for node in article.nodes(Argument)]
    for template in article.nodes(Template):
        name = template_name(template)
        if name != "!":
            fill = " " if name.startswith(_SILENT_TEMPLATES) else _UNKNOWN
            spans.append((*article.span(template), fill))
    for link in article.nodes(Wikilink):
        title = str(link.title)
        if is_category_link(title) or is_interlanguage_link(title):
            spans.append((*article.span(link), " "))
    source = article.source
    parts, position = [], 0
    for start, end, fill in sorted(spans, key=lambda span: (span[0], -span[1])):
        if start >= position:
            parts += [source[position:start], fill * (end - start)]
            position = end
    parts.append(source[position:])
    return _SILENT.sub(lambda match: " " * len(match[0]), "".join(parts))


class _Scanner:
    """One pass over the table tokens of the masked source."""

    def __init__(self, source: str, masked: str) -> None:
        self.source = source
        self.masked = masked
        self.frames: list[_Frame] = []
        self.wikitext_depth = 0  # Parsoid's count of open ``{|``: row and cell syntax counts
        self.result: list[Table] = []
        self.content_from = 0  # where the content not yet looked at starts

    def scan(self) -> tuple[Table, ...]:
        for match in _TOKENS.finditer(self.masked):
            if match["open"]:
                self._content(match.start("open"))
                line_end = _line_end(self.masked, match.end())
                self._open(match.start("open"), self._open_end(match.end(), line_end), line_end)
            elif match["line"]:
                if self.wikitext_depth:
                    self._line(match)
            else:
                self._tag(match)
        self._content(len(self.masked))
        for frame in self.frames:
            if frame.table is not None:
                frame.table.end = len(self.source)
        return tuple(self.result)

    def _open_end(self, start: int, line_end: int) -> int:
        """The end of a ``{|`` line's opening tag: before a comment, else before the line's
        trailing spaces."""
        comment = self.source.find("<!--", start, line_end)
        return comment if comment >= 0 else len(self.source[:line_end].rstrip(" \t"))

    def _open(self, start: int, open_end: int, content_from: int, wikitext: bool = True) -> None:
        table = Table(start, open_end, wikitext=wikitext)
        self.result.append(table)
        self.wikitext_depth += wikitext
        frame = _Frame(table)
        if self.frames and self.frames[-1].table is not None and self.frames[-1].state == _TABLE:
            closed = self.frames.pop()
            closed.table.end = start
            table.closes_table = True
            frame.owed = [*closed.owed, table]
        self.frames.append(frame)
        self.content_from = content_from

    def _line(self, match: re.Match[str]) -> None:
        start, mark = match.start("line"), match["mark"]
        self._content(start)
        if mark == "}":
            self.wikitext_depth -= 1
            self._close(start, match.end())
        elif mark and mark.startswith("-"):
            self._enter(_TABLE, _line_end(self.masked, start))
        else:
            self._enter(_CELL, start)

    def _tag(self, match: re.Match[str]) -> None:
        name, closing = match["name"].casefold(), bool(match["slash"])
        self._content(match.start())
        if name == "table" and closing:
            self._close(match.start(), match.end())
        elif name == "table":
            self._open(match.start(), match.end(), match.end(), wikitext=False)
        else:
            opens_cell = name in ("td", "th", "caption") and not closing
            self._enter(_CELL if opens_cell else _TABLE, match.end())

    def _enter(self, state: str, content_from: int) -> None:
        """A row, a cell or a caption starts, or ends, in the innermost table."""
        if self.frames and self.frames[-1].table is not None:
            self.frames[-1].state = state
            self.content_from = content_from

    def _close(self, start: int, end: int) -> None:
        """An end tag: it closes the innermost table, or is one a closed table left over."""
        if not self.frames:
            return
        frame = self.frames.pop()
        if frame.table is None:
            frame.owed.pop().stray_end = (start, end)
        else:
            frame.table.end = end
        if frame.owed:
            self.frames.append(_Frame(None, owed=frame.owed))
        self.content_from = end

    def _content(self, until: int) -> None:
        """Look at the content from ``content_from`` to *until*, outside every cell."""
        frame = self.frames[-1] if self.frames else None
        if frame is None or frame.table is None or frame.state != _TABLE:
            return
        text = self.masked[self.content_from : until]
        if _UNKNOWN in text:
            frame.table.undecided = True
            frame.state = _UNDECIDED
        elif frame.table.fostered is None and (content := text.lstrip(_WHITESPACE)):
            frame.table.fostered = until - len(content)
        self.content_from = max(self.content_from, until)


def _line_end(text: str, offset: int) -> int:
    end = text.find("\n", offset)
    return len(text) if end < 0 else end
