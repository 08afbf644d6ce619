"""Code-point offsets to LSP positions and back, in the encoding the client negotiated.

Findings count code points; an LSP ``character`` counts UTF-16 code units unless the
client offered UTF-8 bytes or UTF-32 code points. Lines end at ``\\n``, ``\\r\\n`` or a
lone ``\\r``, as in LSP and :class:`~wikilint.document.lines.LineIndex`.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from lsprotocol.types import Position, PositionEncodingKind, Range

from wikilint.document.lines import LineIndex

_UTF16 = PositionEncodingKind.Utf16
#: Bytes per code unit of each encoding, and its Python codec.
_CODECS: dict[str, tuple[int, str]] = {
    PositionEncodingKind.Utf8: (1, "utf-8"),
    _UTF16: (2, "utf-16-le"),
    PositionEncodingKind.Utf32: (4, "utf-32-le"),
}
#: Each match is one code unit more than one per code point: a character beyond U+FFFF
#: is two UTF-16 units; in UTF-8 one beyond U+7F is two bytes, beyond U+7FF three...
_BEYOND_BMP = re.compile(r"[^\x00-\uffff]")
_WIDER: dict[str, tuple[re.Pattern[str], ...]] = {
    PositionEncodingKind.Utf8: (
        re.compile(r"[^\x00-\x7f]"),
        re.compile(r"[^\x00-\u07ff]"),
        _BEYOND_BMP,
    ),
    _UTF16: (_BEYOND_BMP,),
    PositionEncodingKind.Utf32: (),
}


class PositionEncoder:
    """Converts between offsets into one text and positions in one encoding.

    A position costs a binary search whatever the length of its line: the offsets of
    the characters wider than one unit are listed once, with repeats for the widest.
    """

    def __init__(self, text: str, encoding: str | None = _UTF16) -> None:
        known = encoding if encoding in _CODECS else _UTF16
        self._text = text
        self._lines = LineIndex(text)
        self._unit, self._codec = _CODECS[known]
        self._extra = sorted(
            match.start() for pattern in _WIDER[known] for match in pattern.finditer(text)
        )

    @property
    def lines(self) -> LineIndex:
        return self._lines

    def position(self, offset: int) -> Position:
        """The position of a 0-based code-point offset."""
        line, column = self._lines.position(offset)
        start = offset - column + 1
        extra = bisect_left(self._extra, offset) - bisect_left(self._extra, start)
        return Position(line=line - 1, character=column - 1 + extra)

    def range(self, start: int, end: int) -> Range:
        return Range(start=self.position(start), end=self.position(end))

    def offset(self, position: Position) -> int:
        """The offset of a position; past the end of its line means the line's end, and
        the middle of a character means its start."""
        if position.line >= self._lines.line_count:
            return len(self._text)
        line = position.line + 1
        start, end = self._lines.line_start(line), self._lines.line_end(line)
        encoded = self._text[start:end].encode(self._codec, "surrogatepass")
        head = encoded[: position.character * self._unit].decode(self._codec, "ignore")
        return start + len(head)
