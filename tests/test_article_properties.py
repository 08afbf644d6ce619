"""Property tests of the Article model on arbitrary and on mutated real wikitext."""

from __future__ import annotations

from functools import cache
from itertools import pairwise

import mwparserfromhell
from helpers import corpus_articles, fixture_articles, read, state
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mwparserfromhell.nodes import Node, Tag

from wikilint.document.article import Article
from wikilint.linter.engine import INTERNAL_ERROR_CODE, lint_source
from wikilint.linter.registry import discover

FRAGMENTS = [
    "[[", "]]", "{{", "}}", "{{{", "}}}", "|", "=", "''", "'''", "<ref>", "</ref>", "<ref name=a/>",
    "\n", "\r\n", "\r", "==", "===", "{|", "|}", "|-", "!", "*", "#", ":", ";", " ", "<!--", "-->",
    "&amp;", "&nbsp;", "&#x41;", "&bogus;", "<br>", "<br/>", "<nowiki>", "</nowiki>", "<b>", "</b>",
    "<span style='x'>", "</span>", "<div>", "</div>", "[http://x.org ", "]", "http://y.org/a ",
    "File:", "Category:", "de:", "__NOTOC__", "{{lang|fr|", "{{nowrap|", "{{'}}", "{{ndash}}",
    "{{convert|", "{{cvt|2|-|", "{{val|", "|u=", "|e=", "<kbd>", "</kbd>",
    "Mr. ", ". ", "。", "।", "The", "the", "word", "Stalin", "😀", "日本語", "ऋग्वेद", "\ufeff",
    "\t", "\x00",
]  # fmt: skip

wikitext = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text(min_size=1, max_size=6)), max_size=40
).map("".join)

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@cache
def real_texts() -> list[str]:
    paths = fixture_articles() + corpus_articles("en/*.wiki")[:40]
    return [read(path) for path in paths]


@st.composite
def mutated_real_text(draw: st.DrawFn) -> str:
    """A window of a real article, then cut, duplicated and inserted into at random."""
    texts = real_texts()
    text = texts[draw(st.integers(0, len(texts) - 1))]
    start = draw(st.integers(0, max(0, len(text) - 1)))
    text = text[start : start + draw(st.integers(0, 2500))]
    for _ in range(draw(st.integers(0, 4))):
        at = draw(st.integers(0, len(text)))
        to = draw(st.integers(at, min(len(text), at + 200)))
        operation = draw(st.sampled_from(["cut", "duplicate", "insert"]))
        if operation == "cut":
            text = text[:at] + text[to:]
        elif operation == "duplicate":
            text = text[:to] + text[at:to] + text[to:]
        else:
            text = text[:at] + draw(st.sampled_from(FRAGMENTS)) + text[at:]
    return text


def check_model(source: str) -> None:
    article = Article(source)
    check_spans(article)
    check_lines(article)
    check_sections(article)
    check_paragraphs(article)


def parsed(article: Article) -> str:
    """The source as the parser saw it: a NUL stops mwparserfromhell, so it gets U+FFFD."""
    return article.source.replace("\x00", "\ufffd")


def check_spans(article: Article) -> None:
    source = parsed(article)
    assert state(article.tree) == state(mwparserfromhell.parse(source, skip_style_tags=True))
    assert article.span(article.tree) == (0, len(source))
    expected = [id(node) for node in article.tree.filter(recursive=True)]
    assert [id(node) for node in article.nodes(Node)] == expected
    expected = [id(node) for node in article.tree.filter(recursive=False, forcetype=Tag)]
    assert [id(node) for node in article.nodes(Tag, recursive=False)] == expected
    for node in article.tree.ifilter(recursive=True):
        start, end = article.span(node)
        assert source[start:end] == str(node)
        for child in node.__children__():
            start, end = article.span(child)
            assert source[start:end] == str(child)


def check_lines(article: Article) -> None:
    lines = article.lines
    for offset in range(len(article.source) + 1):
        line, column = article.position(offset)
        assert 1 <= line <= lines.line_count and column >= 1
        assert lines.offset(line, column) == offset


def check_sections(article: Article) -> None:
    sections = article.sections
    assert sections[0].index == 0 and sections[0].level == 0 and sections[0].body[0] == 0
    previous_end = sections[0].body[1]
    for number, section in enumerate(sections[1:], start=1):
        assert section.index == number and section.heading is not None
        start, end = section.heading
        assert previous_end <= start < end  # ordered, and never overlapping
        assert article.source[start:end].startswith("=")
        assert section.body[0] == section.own_body[0] == end
        assert end <= section.own_body[1] <= section.body[1] <= len(article.source)
        assert article.section_at(start) is section
        previous_end = section.own_body[1]


def check_paragraphs(article: Article) -> None:
    source = parsed(article)
    previous_end, previous_block = 0, 0
    for number, paragraph in enumerate(article.paragraphs):
        assert paragraph.index == number
        assert previous_end <= paragraph.start < paragraph.end <= len(source)
        assert paragraph.block >= previous_block
        assert paragraph.section == article.section_at(paragraph.start).index
        previous_end, previous_block = paragraph.end, paragraph.block
        view = paragraph.prose
        last = paragraph.start
        for index, char in enumerate(view.text):
            start, end = view.offset(index), view.end_offset(index)
            assert last <= start < end <= paragraph.end
            if end - start == 1:  # copied verbatim
                assert source[start] == char
            else:  # an entity, <br> or a template that renders a character
                assert source[start] in "&<{"
            last = start
        for styled in (view.italic, view.bold, view.literal):  # sorted, disjoint, inside
            assert all(0 <= start < end <= len(view.text) for start, end in styled)
            assert all(left[1] < right[0] for left, right in pairwise(styled))
        sentence_end = 0
        for start, end in paragraph.sentences:
            assert sentence_end <= start < end <= len(view.text)
            sentence_end = end


@SETTINGS
@given(wikitext)
def test_model_invariants_on_arbitrary_wikitext(source: str) -> None:
    check_model(source)


@SETTINGS
@given(mutated_real_text())
def test_model_invariants_on_mutated_real_articles(source: str) -> None:
    check_model(source)


def test_model_invariants_on_every_fixture_article() -> None:
    for path in fixture_articles():
        check_model(read(path))


ALL_RULES = [rule() for rule in discover(plugins=False).rules]


@SETTINGS
@given(st.one_of(wikitext, mutated_real_text()))
def test_every_rule_runs_without_an_internal_error_and_reports_inside_the_source(
    source: str,
) -> None:
    for finding in lint_source(source, "fuzz.wiki", ALL_RULES):
        assert finding.code != INTERNAL_ERROR_CODE, finding.message
        location = finding.location
        assert 0 <= location.offset <= location.end_offset <= len(source)
