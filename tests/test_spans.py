"""Source spans: blanking the hidden ones in a stretch of text."""

from __future__ import annotations

from wikilint.document.spans import blanked

TEXT = "ab{{x\ny}}cd<!--z-->ef"


def test_hidden_spans_are_blanked_and_their_line_breaks_kept() -> None:
    hidden = "\x00"
    assert blanked(TEXT, [(2, 9), (11, 19)]) == f"ab{hidden * 3}\n{hidden * 3}cd{hidden * 8}ef"


def test_overlapping_and_nested_spans_are_blanked_once() -> None:
    assert blanked("abcdef", [(1, 4), (2, 3), (3, 5)]) == "a\x00\x00\x00\x00f"


def test_only_the_spans_that_lie_inside_the_stretch_count() -> None:
    # (0, 4) starts before the stretch and (6, 9) ends after it: both are left as they are
    assert blanked("abcdefghij", [(0, 4), (3, 5), (6, 9)], 2, 8) == "c\x00\x00fgh"


def test_without_spans_the_text_is_unchanged() -> None:
    assert blanked(TEXT, []) == TEXT
    assert blanked(TEXT, [], 2, 9) == TEXT[2:9]
