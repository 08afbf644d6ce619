"""Bold and italic read per line as MediaWiki reads them, and the prose view without them."""

from __future__ import annotations

import pytest
from helpers import CORPUS, needs_corpus, parsed
from mwparserfromhell.nodes import Tag

from wikilint.document.article import Article
from wikilint.document.emphasis import Mark, marks, styled, unclosed
from wikilint.document.prose import ProseView


def prose(source: str) -> ProseView:
    article = Article(source)
    return article.prose_of(article.tree.nodes)


def source_of(view: ProseView, source: str) -> str:
    """The source characters the prose characters map to, one by one."""
    return "".join(source[view.offset(index)] for index in range(len(view)))


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("''a'' b '''c'''", [Mark(0, 2, True, False), Mark(3, 5, True, False),
                             Mark(8, 11, False, True), Mark(12, 15, False, True)]),
        ("'''''x'''''", [Mark(0, 5, True, True), Mark(6, 11, True, True)]),
        ("''''x'''", [Mark(1, 4, False, True), Mark(5, 8, False, True)]),  # ' then bold
        ("'''''''x'''''", [Mark(2, 7, True, True), Mark(8, 13, True, True)]),
        # both counts odd: the ''' after a one-letter word becomes ' and ''
        ("de l'''Encyclopédie''", [Mark(5, 7, True, False), Mark(19, 21, True, False)]),
        # ... else the first after a longer word, else the first after a space
        ("''xy''' c '''d '''e", [Mark(0, 2, True, False), Mark(5, 7, True, False),
                                 Mark(10, 13, False, True), Mark(15, 18, False, True)]),
        ("''a '''b", [Mark(0, 2, True, False), Mark(5, 7, True, False)]),
        ("Rock 'n' roll, O'Brien's", []),
    ],
)  # fmt: skip
def test_marks_of_a_line(line: str, expected: list[Mark]) -> None:
    assert marks(line) == expected


def test_styled_spans_close_at_the_end_of_the_line() -> None:
    line = "''a '''b''' c ''' d ''e"
    found = marks(line)
    assert styled(found, len(line)) == ([(2, 20)], [(7, 8), (17, 23)])
    assert [(mark.start, kind) for mark, kind in unclosed(found)] == [(14, "bold")]
    both = marks("'''''a")
    assert [(mark.start, kind) for mark, kind in unclosed(both)] == [(0, "italic"), (0, "bold")]


def test_runs_given_by_the_caller_are_the_only_candidates() -> None:
    line = "a ''b'' c"
    assert marks(line, [(2, 4)]) == [Mark(2, 4, True, False)]


@pytest.mark.parametrize(
    ("source", "text", "italic", "bold"),
    [
        ("'''''bold italic'''''", "bold italic", [(0, 11)], [(0, 11)]),
        ("l'''Encyclopédie'' est", "l'Encyclopédie est", [(2, 14)], []),
        ("''a'' b '''c'''", "a b c", [(0, 1)], [(4, 5)]),
        ("Unbalanced ''x\nnext ''line", "Unbalanced x\nnext line", [(11, 12), (18, 22)], []),
        ("''''x''' y", "'x y", [], [(1, 2)]),
        ("'''Foo'''<nowiki/>'s car", "Foo's car", [], [(0, 3)]),
        ("a <nowiki>''b''</nowiki> c&#39;&#39;d", "a ''b'' c''d", [], []),
        ("''[[Foo|bar]]'' and [[Baz|''qux'']]", "bar and qux", [(0, 3), (8, 11)], []),
        ("<i>a</i> <em>b</em> <b>c</b> ''<b>d</b>''", "a b c d", [(0, 1), (2, 3), (6, 7)],
         [(4, 5), (6, 7)]),
        ("{{lang|fr|''Bonjour''}} x", "Bonjour x", [(0, 7)], []),
    ],
)  # fmt: skip
def test_prose_leaves_out_the_marks_and_keeps_offsets(
    source: str, text: str, italic: list[tuple[int, int]], bold: list[tuple[int, int]]
) -> None:
    view = prose(source)
    assert (view.text, view.italic, view.bold) == (text, italic, bold)
    verbatim = [index for index, char in enumerate(text) if char.isalpha() or char == " "]
    assert all(source[view.offset(index)] == text[index] for index in verbatim)


def test_offsets_of_a_line_with_marks() -> None:
    source = "l'''Encyclopédie'' est"
    view = prose(source)
    assert [view.offset(index) for index in range(4)] == [0, 1, 4, 5]
    assert view.span(2, 14) == (4, 16)
    assert view.span(0, len(view)) == (0, len(source))
    source = "''a'' b '''c'''"
    view = prose(source)
    assert source_of(view, source) == "a b c"
    assert [view.offset(index) for index in range(len(view))] == [2, 5, 6, 7, 11]


def test_paragraphs_read_each_line_alone() -> None:
    article = Article("One ''open\ntwo'' x.\n")
    first, second = article.paragraphs
    assert (first.prose.text, first.prose.italic) == ("One open", [(4, 8)])
    assert (second.prose.text, second.prose.italic) == ("two x.", [(3, 6)])
    assert not [tag for tag in article.nodes(Tag) if tag.wiki_markup in ("''", "'''")]


@needs_corpus
def test_unbalanced_quotes_no_longer_swallow_references_and_paragraphs() -> None:
    """An italic left open used to run over lines, hiding <ref>s and templates in text."""
    article = parsed(CORPUS / "en" / "Prisoner of war.wiki")
    paragraph = next(p for p in article.paragraphs if article.position(p.start)[0] == 26)
    view = paragraph.prose
    quote = "Kill them all, God will know His own"
    start = view.text.index(quote)
    assert view.text.endswith(f'replied, "{quote}".')
    assert view.italic == [(start, start + len(quote))]
    assert "ISBN" not in view.text and "Dialogus" not in view.text  # both in <ref>s
    assert article.source[slice(*view.span(start, start + len(quote)))] == quote
    assert len(article.paragraphs) > 90  # the misparse dropped 70 paragraphs

    article = parsed(CORPUS / "en" / "Lockheed P-38 Lightning.wiki")
    paragraph = next(p for p in article.paragraphs if article.position(p.start)[0] == 158)
    assert paragraph.prose.text.endswith(
        "for Grace Line in Puerto San José. The Guatemalan conflict was the last known "
        "combat seen by the P-38."
    )
    assert "Memorandum" not in paragraph.prose.text and "<ref" not in paragraph.prose.text
