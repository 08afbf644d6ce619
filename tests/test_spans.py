"""Node spans: every node, nested code, parameter and attribute slices the source exactly."""

from __future__ import annotations

import mwparserfromhell
import pytest
from helpers import FIXTURES, SEED, read
from mwparserfromhell.nodes import ExternalLink, Heading, Tag, Template, Wikilink

from wikilint.article import Article
from wikilint.spans import SpanError, index_spans

PEAR = FIXTURES / "en" / "Pear.wiki"


def _find(article: Article, kind: type, text: str):
    return next(node for node in article.nodes(kind) if str(node) == text)


def test_template_name_and_parameters_in_a_real_paragraph() -> None:
    article = Article(read(PEAR))
    at = article.source.index("{{convert|2|–|4|cm|in}}")
    template = _find(article, Template, "{{convert|2|–|4|cm|in}}")
    assert article.span(template) == (at, at + 23)
    assert article.position(at) == (37, 58)
    assert article.span(template.name) == (at + 2, at + 9)
    params = template.params
    assert [article.span(param) for param in params] == [
        (at + 10, at + 11),
        (at + 12, at + 13),
        (at + 14, at + 15),
        (at + 16, at + 18),
        (at + 19, at + 21),
    ]
    assert article.span(params[3].value) == (at + 16, at + 18)


def test_ref_tag_attribute_and_nested_external_link() -> None:
    article = Article(read(PEAR))
    source = article.source
    at = source.index('<ref name="pearfruit">[http://web.archive.org')
    ref = next(tag for tag in article.nodes(Tag) if article.span(tag)[0] == at)
    end = source.index("</ref>", at) + len("</ref>")
    assert article.span(ref) == (at, end)
    attribute = ref.attributes[0]
    assert article.span(attribute) == (at + 4, at + 21)  # ' name="pearfruit"'
    assert article.span(attribute.value) == (at + 11, at + 20)
    assert article.span(ref.contents) == (at + 22, end - 6)
    link = ref.contents.get(0)
    assert isinstance(link, ExternalLink)
    assert link.title is not None
    title = source.index("Pear Fruit Facts Page Information", at)
    assert article.span(link.title) == (title, title + 33)
    assert article.span(link.url)[0] == at + 23


def test_headings_and_links_of_the_seed() -> None:
    article = Article(read(SEED))
    heading = next(article.nodes(Heading))
    assert article.span(heading) == (3689, 3703)
    assert article.span(heading.title) == (3691, 3701)
    file_link = next(article.nodes(Wikilink))
    start, end = article.span(file_link)
    assert article.position(start) == (2, 1)
    assert article.source[start:end].startswith("[[File:Lviv_1939_Sov_Cavalry.jpg|")
    assert article.span(file_link.title) == (start + 2, start + 32)


@pytest.mark.parametrize(
    "source",
    [
        "{{{1|default}}} and {{{name}}}",
        "[http://example.org] [http://example.org label] http://bare.example.org",
        "<span class = 'x' id=y hidden>z</span><br/><br>",
        "{|class=wikitable\n|-\n! a !! b\n|c || d\n|}",
        "* item\n# one\n: indent\n; term : def\n----\n",
        "&amp;&#x41;&#65; ''it'' '''bold''' '''''both'''''",
        "<ref name=a/><ref>x</ref></b>",
        "{{t|a=1|  b  =  2 |3}}<!-- c -->",
        "[[a|b|c]] [[a]]s [[:Category:X]]",
    ],
)
def test_every_node_of_tricky_markup_slices_to_its_text(source: str) -> None:
    tree = mwparserfromhell.parse(source)
    spans = index_spans(tree, source).spans
    for node in tree.ifilter(recursive=True):
        start, end = spans[id(node)]
        assert source[start:end] == str(node)
        for child in node.__children__():
            start, end = spans[id(child)]
            assert source[start:end] == str(child)


def test_a_tree_that_does_not_match_its_source_is_refused() -> None:
    tree = mwparserfromhell.parse("abc")
    with pytest.raises(SpanError):
        index_spans(tree, "abcd")
