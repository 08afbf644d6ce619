import pytest
from helpers import FIXTURES, fixture_articles, positions, read, run_rule

from wikilint.document.article import Article
from wikilint.rules.article.long_sentence import LongSentence


def test_long_sentence_is_reported_at_its_exact_span() -> None:
    long = "The band" + ", and the singer" * 5 + " played."
    source = f"Short one. {long} Another.\n"
    findings = run_rule(LongSentence, source, max_words=12)
    assert positions(findings) == [("WL704", 1, 12)]
    location = findings[0].location
    assert source[location.offset : location.end_offset] == long


def test_references_and_markup_do_not_count() -> None:
    source = "A [[b|c]] d.<ref>" + "word " * 80 + "</ref> E f.\n"
    assert run_rule(LongSentence, source, max_words=5) == []


def test_quotes_lists_and_tables_are_not_prose_sentences() -> None:
    source = (
        "{{Quote|" + "word " * 80 + "}}\n* " + "item " * 80 + "\n{|\n| " + "cell " * 80 + "\n|}\n"
    )
    assert run_rule(LongSentence, source, max_words=10) == []


def test_fixture_sentences() -> None:
    findings = run_rule(LongSentence, read(FIXTURES / "en/Julia Kristeva.wiki"))
    assert positions(findings) == [("WL704", 44, 1), ("WL704", 72, 803)]


def test_runs_only_where_sentences_and_words_are_reliable() -> None:
    rule = LongSentence()
    assert rule.applies_to(Article("x", language="de"))
    assert not rule.applies_to(Article("x", language="vi"))
    assert not rule.applies_to(Article("x", language="mr"))


@pytest.mark.parametrize(
    "path",
    [
        path
        for path in fixture_articles("intl/**/*.wiki")
        if path.parent.name in LongSentence.languages
    ],
    ids=lambda path: path.parent.name,
)
def test_quiet_on_the_other_languages_it_runs_on(path) -> None:
    assert run_rule(LongSentence, read(path)) == []
