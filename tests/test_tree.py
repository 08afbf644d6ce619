"""The tree builder: mwparserfromhell's own tree, and a span that slices the source
exactly for every node, nested code, parameter and attribute."""

from __future__ import annotations

import gc
from pathlib import Path

import mwparserfromhell
import pytest
from helpers import FIXTURES, SEED, corpus_articles, fixture_articles, needs_corpus, read, state
from mwparserfromhell.nodes import ExternalLink, Heading, Tag, Template, Wikilink
from mwparserfromhell.parser.tokenizer import Tokenizer

from wikilint.document.article import Article
from wikilint.document.spans import SpanError
from wikilint.document.tree import parse

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


def assert_same_tree_and_exact_spans(source: str) -> None:
    tree, index = parse(source)
    assert state(tree) == state(mwparserfromhell.parse(source, skip_style_tags=True))
    assert [id(node) for node in index.nodes] == [id(node) for node in tree.ifilter()]
    for node in tree.ifilter():
        start, end = index.spans[id(node)]
        assert source[start:end] == str(node)
        for child in node.__children__():
            start, end = index.spans[id(child)]
            assert source[start:end] == str(child)
        for part in getattr(node, "params", []) + getattr(node, "attributes", []):
            start, end = index.spans[id(part)]
            assert source[start:end] == str(part)


TRICKY_MARKUP = [
    "{{{1|default}}} and {{{name}}} and {{{}}}",
    "[http://example.org] [http://example.org label] http://bare.example.org [//x.org  two]",
    "<span class = 'x' id=y hidden>z</span><br/><br>< br / ></br>",
    "{|class=wikitable\n|+ caption\n|-\n! a !! b\n|c || d\n|style='x'| e\n|}",
    "* item\n# one\n: indent\n; term : def\n----\n------ more",
    "&amp;&#x41;&#X41;&#65; &bogus; ''it'' '''bold''' '''''both'''''",
    "<ref name=a/><ref>x</ref></b><ref name=\"q\" group='g'  >y</ref >",
    "{{t|a=1|  b  =  2 |3|=|x=y=z}}<!-- c --><!---->",
    "[[a|b|c]] [[a]]s [[:Category:X]] [[File:A.jpg|thumb|[[nested]] text]]",
    "== A ==\n=== B ==\n==C===\n= D =",
    "<nowiki>{{x}}</nowiki><pre>[[y]]</pre><math>a<b</math><!-- unclosed",
    "{{a|{{b|[[c|{{d}}]]}}}} {{unclosed [[unclosed <ref>unclosed",
]


@pytest.mark.parametrize("source", TRICKY_MARKUP)
def test_tricky_markup_gives_the_parsers_tree_with_exact_spans(source: str) -> None:
    assert_same_tree_and_exact_spans(source)


@pytest.mark.parametrize("path", fixture_articles(), ids=lambda path: path.stem)
def test_every_fixture_gives_the_parsers_tree_with_exact_spans(path: Path) -> None:
    assert_same_tree_and_exact_spans(read(path))


@needs_corpus
@pytest.mark.parametrize("path", corpus_articles(), ids=lambda path: path.stem)
def test_every_corpus_article_gives_the_parsers_tree_with_exact_spans(path: Path) -> None:
    assert_same_tree_and_exact_spans(read(path))


def test_a_text_the_tokenizer_stops_in_is_refused() -> None:
    # The C tokenizer ends the text at a NUL (Article replaces it first): the tree
    # would not cover the source, so no span could be trusted.
    with pytest.raises(SpanError):
        parse("abc\x00def")


@pytest.mark.parametrize("enabled", [True, False])
def test_the_garbage_collector_is_left_as_it_was(enabled: bool) -> None:
    was = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        parse("{{a|[[b]]}} c")
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()


def test_the_pure_python_tokenizer_gives_the_same_tree(monkeypatch: pytest.MonkeyPatch) -> None:
    # Where mwparserfromhell was built without its C extension.
    source = read(PEAR)
    expected = state(parse(source)[0])
    monkeypatch.setattr("wikilint.document.tree._Tokenizer", Tokenizer)
    assert state(parse(source)[0]) == expected
