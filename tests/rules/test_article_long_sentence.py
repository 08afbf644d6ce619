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
    assert findings[0].message == "sentence of 18 words (more than 12); consider splitting it"


def test_fixture_sentences() -> None:
    findings = run_rule(LongSentence, read(FIXTURES / "en/Julia Kristeva.wiki"))
    assert positions(findings) == [("WL704", 44, 1), ("WL704", 72, 803)]


def test_runs_only_where_sentences_and_words_are_reliable() -> None:
    rule = LongSentence()
    assert rule.applies_to(Article("x", language="de"))
    assert not rule.applies_to(Article("x", language="vi"))
    assert not rule.applies_to(Article("x", language="mr"))


OTHER_LANGUAGES = [
    path
    for path in fixture_articles("intl/**/*.wiki")
    if path.parent.name in LongSentence.languages
]


def test_there_are_fixtures_in_other_languages_it_runs_on() -> None:
    assert OTHER_LANGUAGES


@pytest.mark.parametrize("path", OTHER_LANGUAGES, ids=lambda path: path.parent.name)
def test_quiet_on_the_other_languages_it_runs_on(path) -> None:
    assert run_rule(LongSentence, read(path)) == []
