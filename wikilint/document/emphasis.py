"""Bold and italic markup read one line at a time, as MediaWiki's ``doQuotes`` reads it.

Runs of two or more apostrophes on a line are markup: ``''`` toggles italic, ``'''``
bold and ``'''''`` both; ``''''`` is an apostrophe then bold, and a longer run keeps
all but five as apostrophes. When a line holds an odd number of italic and of bold
marks, one ``'''`` is read as an apostrophe then ``''`` (``l'''Encyclopédie''``):
the first after a one-letter word, else the first after a longer word, else the
first after a space. Whatever is still open at the end of the line closes there.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from wikilint.document.spans import Span

#: A run of apostrophes that may be markup.
RUN = re.compile(r"'{2,}")


@dataclass(frozen=True, slots=True)
class Mark:
    """Apostrophes ``line[start:end]`` that toggle italic, bold or both.

    Apostrophes of the run that MediaWiki keeps as text lie before ``start``.
    """

    start: int
    end: int
    italic: bool
    bold: bool


def apostrophe_runs(text: str) -> list[Span]:
    """``(start, end)`` of every run of apostrophes in *text* that may be markup."""
    return [match.span() for match in RUN.finditer(text)]


def marks(line: str, runs: Iterable[Span] | None = None) -> list[Mark]:
    """The bold and italic marks of *line*, in order.

    *runs* are the ``(start, end)`` of the apostrophe runs that may be markup (default:
    every run of two or more in *line*); the caller leaves out apostrophes that are
    text (inside ``<nowiki>``, from ``&#39;``), so that they neither count nor join.
    """
    if runs is None:
        runs = apostrophe_runs(line)
    found: list[Mark] = []
    italics = bolds = 0
    for start, end in runs:
        length = end - start
        if length == 4:  # an apostrophe, then bold
            start, length = start + 1, 3
        elif length > 5:  # apostrophes, then bold italic
            start, length = end - 5, 5
        italic, bold = length != 3, length != 2
        italics += italic
        bolds += bold
        found.append(Mark(start, end, italic, bold))
    if italics % 2 and bolds % 2:
        _read_one_bold_as_italic(line, found)
    return found


def _read_one_bold_as_italic(line: str, found: list[Mark]) -> None:
    """Turn the ``'''`` MediaWiki picks into an apostrophe and ``''``."""
    single = multi = space = None
    previous_end = 0
    for number, mark in enumerate(found):
        if mark.end - mark.start == 3:
            before = line[previous_end : mark.start]  # the text since the previous mark
            if before[-1:] == " ":
                space = number if space is None else space
            elif before[-2:-1] == " ":
                single = number
                break
            elif multi is None:
                multi = number
        previous_end = mark.end
    chosen = next((number for number in (single, multi, space) if number is not None), None)
    if chosen is not None:
        mark = found[chosen]
        found[chosen] = Mark(mark.start + 1, mark.end, True, False)


def styled(found: list[Mark], end: int) -> tuple[list[Span], list[Span]]:
    """Italic and bold spans of the text between *found* marks of a line of length *end*.

    A span runs from the end of the mark that opens it to the start of the one that
    closes it, or to the end of the line; marks inside it are part of it.
    """
    italic: list[Span] = []
    bold: list[Span] = []
    italic_from = bold_from = None
    for mark in found:
        if mark.italic:
            if italic_from is None:
                italic_from = mark.end
            else:
                italic.append((italic_from, mark.start))
                italic_from = None
        if mark.bold:
            if bold_from is None:
                bold_from = mark.end
            else:
                bold.append((bold_from, mark.start))
                bold_from = None
    if italic_from is not None:
        italic.append((italic_from, end))
    if bold_from is not None:
        bold.append((bold_from, end))
    return italic, bold


def unclosed(found: list[Mark]) -> list[tuple[Mark, str]]:
    """The marks left open at the end of the line, each with ``"italic"`` or ``"bold"``."""
    open_italic = open_bold = None
    for mark in found:
        if mark.italic:
            open_italic = None if open_italic else mark
        if mark.bold:
            open_bold = None if open_bold else mark
    left = [(open_italic, "italic"), (open_bold, "bold")]
    return [(mark, kind) for mark, kind in left if mark is not None]
