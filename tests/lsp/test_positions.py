"""Offsets to LSP positions and back, in each encoding."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from lsprotocol.types import Position

from wikilint.document.lines import LineIndex
from wikilint.lsp.actions import replacement
from wikilint.lsp.positions import PositionEncoder

# Line breaks are \n, \r\n and a lone \r only: U+2028 and form feed stay inside line 3.
TEXT = "a𝄞b\r\nc😀d\re\u2028f\x0cg\nh"


@pytest.mark.parametrize(
    ("encoding", "characters"),
    [
        # Offsets of "b" (line 0), "d" (line 1), "g" (line 2).
        ("utf-16", (3, 3, 4)),
        ("utf-32", (2, 2, 4)),
        ("utf-8", (5, 5, 6)),
    ],
)
def test_positions_count_the_units_of_the_encoding(
    encoding: str, characters: tuple[int, int, int]
) -> None:
    positions = PositionEncoder(TEXT, encoding)
    offsets = [TEXT.index(letter) for letter in "bdg"]
    expected = [Position(line, character) for line, character in enumerate(characters)]
    assert [positions.position(offset) for offset in offsets] == expected
    assert [positions.offset(position) for position in expected] == offsets


def test_a_position_inside_a_character_or_past_a_line_end_is_clamped() -> None:
    positions = PositionEncoder(TEXT, "utf-16")
    assert positions.offset(Position(0, 2)) == 1  # between the halves of the clef
    assert positions.offset(Position(0, 99)) == 3  # end of line 0, before its \r\n
    assert positions.offset(Position(9, 0)) == len(TEXT)
    assert positions.position(len(TEXT)) == Position(3, 1)


def test_an_unknown_encoding_is_utf16() -> None:
    assert PositionEncoder(TEXT, "ucs-2").position(2) == Position(0, 3)


@pytest.mark.parametrize(
    ("old", "new", "start", "end", "text"),
    [
        ("a  b", "a b", 2, 3, ""),
        ("abc", "abc", 3, 3, ""),
        ("aXa", "aa", 1, 2, ""),
        ("x", "yxy", 0, 1, "yxy"),
        ("aa", "aaa", 2, 2, "a"),
    ],
)
def test_replacement_spans_only_what_changed(
    old: str, new: str, start: int, end: int, text: str
) -> None:
    edit = replacement(old, new)
    assert (edit.start, edit.end, edit.replacement) == (start, end, text)
    assert old[: edit.start] + edit.replacement + old[edit.end :] == new


@given(st.text(alphabet=st.characters(codec="utf-8") | st.sampled_from("\r\n𝄞é€"), max_size=40))
@example("a\r\n𝄞\rb\n")
def test_positions_agree_with_encoding_each_line(text: str) -> None:
    """Whatever the text, a position counts what encoding its line's prefix gives, and
    leads back to its offset (but inside a \r\n, which is no place in a line)."""
    for encoding, codec, unit in (
        ("utf-16", "utf-16-le", 2),
        ("utf-8", "utf-8", 1),
        ("utf-32", "utf-32-le", 4),
    ):
        positions = PositionEncoder(text, encoding)
        lines = LineIndex(text)
        for offset in range(len(text) + 1):
            line, column = lines.position(offset)
            prefix = text[offset - column + 1 : offset]
            expected = Position(line - 1, len(prefix.encode(codec)) // unit)
            assert positions.position(offset) == expected
            if text[offset - 1 : offset + 1] != "\r\n":
                assert positions.offset(expected) == offset
