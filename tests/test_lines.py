"""LineIndex: offsets to 1-based lines and code-point columns, and back."""

from __future__ import annotations

import pytest
from helpers import FIXTURES, SEED, read
from mwparserfromhell.nodes import Wikilink

from wikilint.document.article import Article
from wikilint.document.lines import LineIndex
from wikilint.inputs.files import decode


def test_lf_crlf_and_lone_cr_each_end_one_line() -> None:
    index = LineIndex("a\nbc\r\nd\re")
    assert index.line_count == 4
    assert [index.line_start(line) for line in (1, 2, 3, 4)] == [0, 2, 6, 8]
    assert index.position(3) == (2, 2)  # "c"
    assert index.position(4) == (2, 3)  # the "\r" of "\r\n" still belongs to line 2
    assert index.position(6) == (3, 1)
    assert index.position(8) == (4, 1)
    assert [index.line_end(line) for line in (1, 2, 3, 4)] == [1, 4, 7, 9]


def test_trailing_break_opens_an_empty_last_line() -> None:
    index = LineIndex("x\r\n")
    assert index.line_count == 2
    assert index.position(3) == (2, 1)
    assert index.line_end(2) == 3


def test_columns_count_code_points_including_astral_characters() -> None:
    text = "😀𝄞é x\n日本語 y"
    index = LineIndex(text)
    assert index.position(text.index("x")) == (1, 5)
    assert index.position(text.index("y")) == (2, 5)
    assert index.offset(2, 5) == text.index("y")


def test_reader_strips_the_bom_so_columns_start_at_the_first_character() -> None:
    source = decode("\ufeff😀 [[Link]]\n".encode(), "bom.wiki")
    assert source.bom
    article = Article(source.text)
    link = article.source.index("[[")
    assert article.position(link) == (1, 3)
    assert article.span(next(article.nodes(Wikilink))) == (2, 10)


def test_offsets_outside_the_text_are_rejected() -> None:
    index = LineIndex("ab")
    assert index.position(2) == (1, 3)  # just past the end is a valid position
    with pytest.raises(ValueError, match="outside"):
        index.position(3)
    with pytest.raises(ValueError, match="outside"):
        index.position(-1)
    with pytest.raises(ValueError, match="outside"):
        index.offset(2, 1)


def test_seed_positions() -> None:
    article = Article(read(SEED))
    assert article.lines.line_count == 5
    assert article.position(article.source.index("==Conclusion==")) == (5, 1)
    assert article.position(article.source.index("all of all of")) == (3, 179)


@pytest.mark.parametrize("path", sorted(FIXTURES.glob("**/*.wiki")), ids=lambda p: p.stem)
def test_every_offset_of_a_real_article_round_trips(path) -> None:
    text = read(path)
    index = LineIndex(text)
    lines = text.splitlines(keepends=True)
    assert index.line_count in (len(lines), len(lines) + 1)
    for offset in range(0, len(text) + 1, 7):
        line, column = index.position(offset)
        assert index.offset(line, column) == offset
