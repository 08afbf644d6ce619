import pytest
from helpers import FIXTURES, fixture_articles, positions, read, run_rule

from wikilint.document.article import Article
from wikilint.rules.article.long_paragraph import LongParagraph


def test_long_paragraph_is_reported_over_its_lines() -> None:
    source = (
        "== A ==\n" + "One two three four five. " * 6 + "\n" + "Six seven. " * 3 + "\n\nShort.\n"
    )
    findings = run_rule(LongParagraph, source, max_words=30)
    assert positions(findings) == [("WL703", 2, 1)]
    assert findings[0].location.end_line == 3
    assert findings[0].message == "paragraph of 36 words (more than 30); consider splitting it"


def test_bengali_words_are_not_split_at_vowel_signs() -> None:
    source = read(FIXTURES / "intl/bn/প্রকৃতি.wiki")
    assert run_rule(LongParagraph, source) == []


def test_fixture_paragraph_over_250_words() -> None:
    findings = run_rule(LongParagraph, read(FIXTURES / "en/Polish notation.wiki"))
    assert positions(findings) == [("WL703", 63, 1)]


def test_vietnamese_is_out_of_scope() -> None:
    assert not LongParagraph().applies_to(Article("x", language="vi"))


OTHER_LANGUAGES = [
    path
    for path in fixture_articles("intl/**/*.wiki")
    if path.parent.name in LongParagraph.languages
]


def test_there_are_fixtures_in_other_languages_it_runs_on() -> None:
    assert OTHER_LANGUAGES


@pytest.mark.parametrize("path", OTHER_LANGUAGES, ids=lambda path: path.parent.name)
def test_quiet_on_the_other_languages_it_runs_on(path) -> None:
    assert run_rule(LongParagraph, read(path)) == []
