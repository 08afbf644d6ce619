"""Code-point offsets to LSP positions and back, in the encoding the client negotiated.

Findings count code points; an LSP ``character`` counts UTF-16 code units unless the
client offered UTF-8 bytes or UTF-32 code points. Lines end at ``\\n``, ``\\r\\n`` or a
lone ``\\r``, as in LSP and :class:`~wikilint.lines.LineIndex`.
"""

from __future__ import annotations

from lsprotocol.types import Position, PositionEncodingKind, Range

from wikilint.lines import LineIndex

#: Bytes per code unit of each encoding, and its Python codec.
_CODECS = {
    PositionEncodingKind.Utf8: (1, "utf-8"),
    PositionEncodingKind.Utf16: (2, "utf-16-le"),
    PositionEncodingKind.Utf32: (4, "utf-32-le"),
}


class PositionEncoder:
    """Converts between offsets into one text and positions in one encoding."""

    def __init__(self, text: str, encoding: str = PositionEncodingKind.Utf16) -> None:
        self._text = text
        self._lines = LineIndex(text)
        self._unit, self._codec = _CODECS.get(encoding, _CODECS[PositionEncodingKind.Utf16])

    @property
    def lines(self) -> LineIndex:
        return self._lines

    def _units(self, text: str) -> int:
        return len(text.encode(self._codec, "surrogatepass")) // self._unit

    def position(self, offset: int) -> Position:
        """The position of a 0-based code-point offset."""
        line, column = self._lines.position(offset)
        start = self._lines.line_start(line)
        return Position(
            line=line - 1, character=self._units(self._text[start : start + column - 1])
        )

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
