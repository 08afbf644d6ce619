"""WL407 unbalanced-quotes: bold or italic markup left open at the end of a line."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated

from mwparserfromhell.nodes import Comment, Wikilink

from wikilint.analysis.html_tags import foreign_parts
from wikilint.analysis.raw_markup import OPAQUE_TAGS
from wikilint.document.article import Article
from wikilint.document.emphasis import Mark, marks, unclosed
from wikilint.document.memo import per_article
from wikilint.document.names import tags_named
from wikilint.document.spans import Span, blanked, merge
from wikilint.linter.finding import Finding, Severity
from wikilint.linter.rule import Doc, Rule, RuleDocs

#: Stands in for hidden source: neither an apostrophe nor a line break.
_HIDDEN = "\x00"
#: What may precede an opener that makes a whole line bold or italic.
_LINE_MARKUP = "*#:; \t"
#: How a line of table cells starts: data cells (and a caption), header cells.
_CELL_STARTS = ("|", "!")
#: A heading line, with the hidden source (a comment) that may follow it.
_HEADING_LINE = re.compile(rf"(={{1,6}}).+\1[ \t{_HIDDEN}]*")
#: How many apostrophes open italic, bold.
_WIDTHS = {"italic": 2, "bold": 3}
#: What separates cells written on one line.
_CELL_SEPARATORS = ("||", "!!")


@dataclass(frozen=True)
class Options:
    allow_whole_line: Annotated[
        bool, Doc("Allow `''` at the start of a line's text, left for MediaWiki to close.")
    ] = True


class UnbalancedQuotes(Rule):
    code = "WL407"
    name = "unbalanced-quotes"
    severity = Severity.WARNING
    linter_category = "missing-end-tag"
    summary = "Bold or italic markup is left open at the end of its line."
    Options = Options
    docs = RuleDocs(
        what="A line where `''` (italic) or `'''` (bold) is opened and never closed. Counted "
        "the way MediaWiki counts them: `''''` is an apostrophe and bold, `'''''` is both, "
        "and when both counts are odd one `'''` is read as an apostrophe and italic "
        "(`l'''Encyclopédie''`).",
        why="MediaWiki closes the formatting at the end of the line, so the rest of the line "
        "turns bold or italic; usually a quote mark is missing (CheckWiki error 111-like, "
        "Linter: missing-end-tag for i/b).",
        bad="The album ''Blue was released in 1971.\n",
        good="The album ''Blue'' was '''released''' in 1971, l'''Encyclopédie'' and '''''A'''''"
        ".\n<ref>''Rolling Stone'', 1971.</ref> {{lang|fr|''x}}\n",
        notes="Templates, comments and extension tags are left out; each <ref>'s content is "
        "checked on its own, as Cite parses it, and a line break inside a comment, an "
        "extension tag or a link ends no line (MediaWiki reads them as one-line markers). By "
        "default a line whose text starts with the unclosed mark (`:''A quoted verse`) is "
        "allowed: the whole line renders as meant (option `allow_whole_line`; WL408 files it "
        "as Parsoid does, at info severity). A mark that is "
        "the only one of its kind in a table cell is left to WL408 missing-end-tag (the cell's "
        "end closes it); a stray mark that pairs with another one of its cell is reported "
        "here; a mark in a heading is left to WL414 unclosed-quotes-in-heading. When a stray "
        "mark pairs with a later one, the mark reported is the one "
        "MediaWiki leaves open, not always the typo (`''Elgomaisa.'` then `''nánhésān,''`).",
        precision="Against Parsoid 1.39 (2026-12-01), same spans: all 37 findings on the "
        "shared corpus (en, intl, en-extra) are Parsoid's missing-end-tag lints.",
    )

    def check(self, article: Article) -> Iterator[Finding]:
        for mark in open_marks(article):
            if mark.in_cell or mark.in_heading:
                continue  # the cell's end closes it: WL408; the heading's: WL414
            if self.options.allow_whole_line and mark.whole_line:
                continue  # the line's end closes it as meant: WL408
            yield self.finding(
                article, mark.start, mark.end, f"{mark.kind} opened here is not closed on this line"
            )


@dataclass(frozen=True, slots=True)
class OpenMark:
    """A bold or italic mark at source ``start:end`` that its line leaves open."""

    start: int
    end: int
    kind: str
    """``"italic"`` or ``"bold"``."""
    whole_line: bool
    """Whether the line's text starts with it (``:''A quoted verse``)."""
    in_cell: bool
    """Whether the mark is the only one of its kind in a table cell (``| ''a``,
    ``! '''b``): the cell's end closes it, which renders as meant and which MediaWiki's
    linter files as a low-priority missing-end-tag. A stray mark that pairs with another
    one of the cell is not: it turns the wrong words bold or italic."""
    in_heading: bool = False
    """Whether the mark is on a heading line (``== ''Title ==``): the heading's end closes
    it, which MediaWiki's linter files as unclosed-quotes-in-heading."""


@per_article
def open_marks(article: Article) -> tuple[OpenMark, ...]:
    """Bold and italic marks left open at the end of their line, as MediaWiki reads them:
    templates, comments and extension tags are left out, each <ref> is read on its own.
    Found once per article: WL407 reports some of them, WL408 the others."""
    return tuple(_find_open_marks(article)) if "''" in article.source else ()


def _find_open_marks(article: Article) -> Iterator[OpenMark]:
    hidden = _hidden_spans(article)
    one_line = _one_line_spans(article)
    regions = [(0, len(article.source))] + [
        article.span(tag.contents)
        for tag in tags_named(article, "ref")
        if tag.contents is not None and not tag.self_closing
    ]
    for region_start, region_end in regions:
        if article.source.find("''", region_start, region_end) < 0:
            continue  # masking only removes apostrophes
        text = blanked(article.source, hidden, region_start, region_end)
        text = _joined(text, region_start, one_line)
        yield from _open_marks_of_region(text, region_start)


def _open_marks_of_region(text: str, offset: int) -> Iterator[OpenMark]:
    """Open marks on the lines of a masked region starting at source *offset*."""
    for line in text.split("\n"):
        if "''" not in line:  # no mark, none left open
            offset += len(line) + 1
            continue
        found = marks(line)
        left = unclosed(found)
        for mark, kind in left:
            start, end = _opening(found, left, mark, kind)
            whole_line = not line[: mark.start].strip(_LINE_MARKUP)
            in_cell = _alone_in_cell(line, found, mark, kind)
            in_heading = _HEADING_LINE.fullmatch(line) is not None
            yield OpenMark(offset + start, offset + end, kind, whole_line, in_cell, in_heading)
        offset += len(line) + 1


def _opening(found: list[Mark], left: list[tuple[Mark, str]], mark: Mark, kind: str) -> Span:
    """The apostrophes of *mark* that open *kind*, as Parsoid spans them. A mark of five
    that closes the other kind opens this one with its last apostrophes; one that opens
    both opens bold first, so italic is its last two when both stay open."""
    if not (mark.italic and mark.bold):
        return mark.start, mark.end
    width = _WIDTHS[kind]
    other = "bold" if kind == "italic" else "italic"
    before = sum(1 for earlier in found[: found.index(mark)] if getattr(earlier, other))
    closes_other = before % 2 == 1
    if closes_other or (kind == "italic" and (mark, other) in left):
        return mark.end - width, mark.end
    return mark.start, mark.start + width


def _alone_in_cell(line: str, found: list[Mark], mark: Mark, kind: str) -> bool:
    """Whether *line* holds table cells and *mark* is the only *kind* mark of its cell."""
    start = line.lstrip()
    if not start.startswith(_CELL_STARTS) or start.startswith("|}"):
        return False
    cell_start = max(line.rfind(separator, 0, mark.start) for separator in _CELL_SEPARATORS)
    return not any(
        cell_start < other.start < mark.start and getattr(other, kind) for other in found
    )


def _hidden_spans(article: Article) -> list[Span]:
    """Sorted spans of source whose apostrophes take no part in the line's markup: the
    foreign ones (see ``html_tags``) and the references, which are read on their own."""
    references = tags_named(article, "ref", "references")
    return sorted([*foreign_parts(article), *map(article.span, references)])


def _one_line_spans(article: Article) -> list[Span]:
    """Spans whose line breaks end no line for bold and italic: MediaWiki strips comments
    and replaces extension tags and links with one-line markers before it reads them
    (``''backstepping.<ref>{{cite book\n...}}</ref>''`` is closed on its line)."""
    nodes = [
        *article.nodes(Comment),
        *article.nodes(Wikilink),
        *tags_named(article, *sorted(OPAQUE_TAGS), "ref", "references"),
    ]
    spans = map(article.span, nodes)
    return sorted(s for s in spans if article.source.find("\n", *s) >= 0)


def _joined(text: str, offset: int, spans: list[Span]) -> str:
    """*text* (the source from *offset*) with the line breaks inside *spans* blanked."""
    end = offset + len(text)
    first = bisect_left(spans, (offset, offset))
    last = bisect_left(spans, (end, end), first)
    inside = [span for span in spans[first:last] if span[1] <= end and span != (offset, end)]
    if not inside:
        return text
    parts = []
    position = 0
    for start, stop in merge(inside):
        start, stop = start - offset, stop - offset
        parts += [text[position:start], text[start:stop].replace("\n", _HIDDEN)]
        position = stop
    parts.append(text[position:])
    return "".join(parts)
