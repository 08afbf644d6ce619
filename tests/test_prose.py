"""The prose view: visible text of wikitext and its map back to source offsets."""

from __future__ import annotations

import re

import pytest
from helpers import FIXTURES, read

from wikilint.document.article import Article
from wikilint.document.prose import ProseView

PEAR = FIXTURES / "en" / "Pear.wiki"
PI_DAY = FIXTURES / "en" / "Pi Day.wiki"


def prose(source: str) -> ProseView:
    article = Article(source)
    return article.prose_of(article.tree.nodes)


def assert_verbatim(article: Article, view: ProseView, start: int, end: int) -> None:
    """Prose characters [start, end) are copied from the source at their offsets."""
    for index in range(start, end):
        assert article.source[view.offset(index)] == view.text[index]


def test_pear_lead_drops_bold_italic_templates_and_gives_link_labels() -> None:
    article = Article(read(PEAR))
    paragraph = article.paragraphs[0]
    assert paragraph.prose.text == (
        "The pear is any of several tree and shrub species of genus Pyrus , in the family "
        "Rosaceae. It is also the name of the pomaceous fruit of these trees. Several species "
        "of pear are valued for their edible fruit, while others are cultivated as ornamental "
        "trees. The genus Pyrus is classified in subtribe Pyrinae within tribe Pyreae."
    )
    view = paragraph.prose
    assert_verbatim(article, view, 0, len(view))
    label = view.text.index("pomaceous")
    start, end = view.span(label, label + len("pomaceous"))
    assert article.source[start:end] == "pomaceous"
    assert article.source[start - 5 : end + 2] == "pome|pomaceous]]"
    pyrus = view.text.index("Pyrus")
    assert article.position(view.offset(pyrus)) == (25, 79)


def test_pi_day_refs_removed_and_entity_decoded_onto_its_whole_span() -> None:
    article = Article(read(PI_DAY))
    view = next(p.prose for p in article.paragraphs if "Tau Time" in p.prose.text)
    assert "<ref>" not in view.text and "Cite news" not in view.text
    assert "on Pi Day.  Starting in 2012" in view.text
    assert view.text.endswith("to honor the rival numbers Pi and Tau equally. ")
    space = view.text.index("6:28") + 4
    assert view.text[space] == "\xa0"
    entity = article.source.index("&nbsp;pm")
    assert (view.offset(space), view.end_offset(space)) == (entity, entity + 6)
    assert view.span(space - 4, space + 3) == (entity - 4, entity + 8)  # "6:28&nbsp;pm"


@pytest.mark.parametrize(
    ("source", "text"),
    [
        ("[[Paris]] and [[Lyon|the city of Lyon]]", "Paris and the city of Lyon"),
        ("[[bus]]es stop", "buses stop"),
        ("A [[File:X.jpg|thumb|A caption]] B [[Image:Y.png]]C", "A  B C"),
        ("A[[Category:Fruits]] [[de:Birne]][[:Category:Fruits]]", "A Category:Fruits"),
        ("x [[:de:Birne|German]]", "x German"),
        ("a[[Tập_tin:X.jpg|nhỏ|Chú thích]]b[[ category : Y ]][[Datei:Z.png|mini|Text]]", "ab"),
        ("[[Категорія:Роки]][[カテゴリ:形式言語]][[বিষয়শ্রেণী:ভাষা]]c", "c"),
        ("''italic'' '''bold''' '''''both'''''", "italic bold both"),
        ("a<ref>cite</ref> b<ref name=x/> c{{sfn|X|2000}}", "a b c"),
        ("a <!-- hidden --> b", "a  b"),
        ("R&amp;D &lt;3 &#x41;&#66;", "R&D <3 AB"),
        ("one<br>two<br />three", "one two three"),
        ("<nowiki>[[not a link]]</nowiki>", "[[not a link]]"),
        ("__NOTOC__Text__TOC__", "Text"),
        ("[http://example.org label] [http://example.org] http://bare.example.org", "label  "),
        ("<small>small</small> <span title=t>span</span> <sup>2</sup>", "small span 2"),
        ("<math>x^2</math> <references />", " "),
        ("{{lang|fr|''Bonjour''}} {{nowrap|10 km}} {{Small|s}}", "Bonjour 10 km s"),
        ("rock{{'}}n{{'}}roll 1{{ndash}}2 {{mdash}}", "rock'n'roll 1\u20132 \u2014"),
        ("a{{snd}}b {{nbsp}}", "a\xa0\u2013 b \xa0"),
        ("{{cite web|title=Hidden}} {{lang}} {{nowrap}}", "  "),
    ],
)
def test_visible_text(source: str, text: str) -> None:
    assert prose(source).text == text


def test_template_text_maps_into_the_parameter() -> None:
    source = "Say {{lang|fr|''Bonjour''}} twice"
    article = Article(source)
    view = article.prose_of(article.tree.nodes)
    word = view.text.index("Bonjour")
    assert view.span(word, word + 7) == (source.index("Bonjour"), source.index("Bonjour") + 7)
    assert_verbatim(article, view, 0, len(view))


def test_literal_template_maps_to_the_whole_template() -> None:
    source = "1{{ndash}}2"
    view = prose(source)
    assert (view.offset(1), view.end_offset(1)) == (1, 10)
    assert view.span(0, 3) == (0, 11)


def test_br_and_entity_map_to_their_markup() -> None:
    source = "a<br />b&amp;"
    view = prose(source)
    assert view.text == "a b&"
    assert (view.offset(1), view.end_offset(1)) == (1, 7)
    assert (view.offset(3), view.end_offset(3)) == (8, 13)


def test_empty_spans_and_out_of_range_indexes() -> None:
    view = prose("ab ''cd''")
    assert view.span(1, 1) == (1, 1)
    assert view.span(5, 5) == (7, 7)  # the end of the prose maps past its last character
    with pytest.raises(IndexError):
        view.offset(5)
    assert len(view) == 5
    assert repr(view) == "ProseView('ab cd')"


def test_nowiki_and_code_like_tags_are_literal_ranges_that_move_with_the_text() -> None:
    source = "''A'' <nowiki>--x</nowiki> b <kbd>c  d</kbd> <i>e</i> <tt>f</tt>\n"
    prose = Article(source).paragraphs[0].prose
    assert prose.text == "A --x b c  d e f"
    assert [prose.text[start:end] for start, end in prose.literal] == ["--x", "c  d", "f"]
    assert prose.span(*prose.literal[0]) == (source.index("--x"), source.index("--x") + 3)


@pytest.mark.parametrize(
    ("source", "text"),
    [
        ("It is {{convert|5|km|mi|abbr=on}} away.", "It is 5 km away."),
        (
            "A {{convert|1|–|4|cm|in}} fruit, {{cvt|3|to|6|m}} deep.",
            "A 1–4 cm fruit, 3 to 6 m deep.",
        ),
        ("A {{convert|2|-|4|kg}} bird.", "A 2–4 kg bird."),
        ("Odd {{convert}} and {{convert|12}}.", "Odd  and 12."),
        ("A {{convert|1|+/-|2|kg}} or {{convert|2|to(-)|4|in}} x.", "A 1 ± 2 kg or 2 to 4 in x."),
        ("It is {{convert|5<!--approx-->|km}} away.", "It is 5 km away."),
    ],
)
def test_convert_shows_its_values_and_unit_mapped_to_the_whole_template(
    source: str, text: str
) -> None:
    view = prose(source)
    assert view.text == text
    figure = next(index for index, char in enumerate(text) if char.isdigit())
    start = re.search(r"\{\{(?:convert|cvt)\|", source).start()
    assert view.span(figure, figure + 1) == (start, source.index("}}", start) + 2)


@pytest.mark.parametrize(
    ("source", "text"),
    [
        ("It yields {{val|26.73|u=MeV}} in all.", "It yields 26.73 MeV in all."),
        ("At {{val|15|ul=MK}}, or {{val|1.5|e=7|u=K}}.", "At 15 MK, or 1.5×10^7 K."),
        ("About {{val|e=10}} years.", "About 10^10 years."),
        ("It is {{val}} or {{val|u=m}} long.", "It is  or  long."),
        ("Area {{val|{{#expr:2*3}}|u=m}} and {{convert|{{#expr:12*3}}|km2}}.", "Area  and ."),
    ],
)
def test_val_shows_its_number_and_unit(source: str, text: str) -> None:
    assert prose(source).text == text
