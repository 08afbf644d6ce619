"""WL103 doubled-word."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import (
    FIXTURES,
    SEED,
    fixture_articles,
    needs_corpus,
    parsed,
    pinned_corpus_articles,
    positions,
    read,
    run_rule,
)
from hypothesis import given, settings
from hypothesis import strategies as st

from wikilint.document.article import Article
from wikilint.linter.finding import Applicability, Finding
from wikilint.rules.content.doubled_word import DoubledWord


def check(source: str, language: str | None = "en", **options: object) -> list[Finding]:
    rule = DoubledWord(DoubledWord.Options(**options))
    return list(rule.check(Article(source, language=language)))


def fixed(source: str, findings: list[Finding]) -> str:
    for finding in sorted(findings, key=lambda f: f.location.offset, reverse=True):
        assert finding.fix is not None
        for edit in finding.fix.edits:
            source = source[: edit.start] + edit.replacement + source[edit.end :]
    return source


def visible(source: str) -> str:
    return source.replace("[[", "").replace("]]", "").replace("''", "").casefold()


def test_sample_reports_both_copies_of_all_of() -> None:
    findings = run_rule(DoubledWord, read(SEED))
    assert positions(findings) == [("WL103", 3, 186), ("WL103", 4, 186)]
    for finding in findings:
        assert finding.message == '"all of" is written twice in a row'
        assert (finding.location.end_line, finding.location.end_column) == (
            finding.location.line,
            192,
        )
        (first,) = finding.related
        assert (first.location.line, first.location.column, first.message) == (
            finding.location.line,
            179,
            "first copy",
        )
    assert "part or all of Russia's" in fixed(read(SEED), findings)


def test_italic_doubles_and_taxa_are_found_with_their_exceptions_off() -> None:
    assert positions(check("The toad ''Pipa pipa'' lives.", ignore_italics=False)) == []
    assert positions(check("A ''cat cat'' sat.", ignore_italics=False)) == [("WL103", 1, 9)]
    assert check("A ''cat cat'' sat.") == []
    # An epithet the article also writes after another lower-case word is a word.
    source = "The fly Glossina morsitans morsitans bites; the morsitans group is large."
    assert positions(check(source)) == [("WL103", 1, 28)]


def test_language_specific_doubles() -> None:
    german = "Die Frau, die die Katze sah, ging."
    assert check(german, language="de") == []
    assert positions(check("Er kam kam spät.", language="de")) == [("WL103", 1, 8)]
    # Vietnamese and Bengali write reduplication with a space: "gradually", "sometimes".
    assert check("Lĩnh vực khoa học dần dần được mở rộng.", language="vi") == []
    assert check("যাকে কখনও কখনও মন্দন বলা হয়।", language="bn") == []
    # ... but a doubled phrase is still a slip there.
    (finding,) = check("Lĩnh vực khoa học mở rộng mở rộng sang.", language="vi")
    assert finding.message == '"mở rộng" is written twice in a row'


def test_language_is_detected_when_not_given() -> None:
    vietnamese = (
        "Lĩnh vực khoa học từ đó dần dần được mở rộng sang các ngành khoa học khác của nước."
    )
    assert check(vietnamese, language=None) == []


def test_indic_words_keep_their_vowel_signs() -> None:
    # \\w alone splits "প্রস্তুতকারক" into pieces, and "চিপ প্রস্তুতকারক" looked like "প প".
    bengali = "এটি বিশ্বের সর্ববৃহৎ সেমিকন্ডাক্টর চিপ প্রস্তুতকারক প্রতিষ্ঠান।"
    assert check(bengali, language="bn") == []
    assert check(bengali, language="en") == []


def test_options() -> None:
    assert check("It is is fine.", allow=("is is",)) == []
    assert check("part or all of all of it.", max_words=1) == []
    assert positions(check("Scores 10 10.", ignore_numbers=False)) == [("WL103", 1, 11)]
    assert len(check("Bora Bora.", ignore_names=False)) == 1
    assert len(check('He said "the the" twice.', ignore_quotations=False)) == 1


def test_the_longest_phrase_is_reported_once() -> None:
    findings = check("seized part or all of all of all of Russia.")
    assert [f.message for f in findings] == ['"all of" is written twice in a row'] * 2
    assert [f.location.column for f in findings] == [23, 30]
    assert fixed("seized part or all of all of all of Russia.", findings) == (
        "seized part or all of Russia."
    )
    # "the the" doubled is "the" four times, not the phrase "the the" twice.
    assert [f.message for f in check("the the the the end.")] == [
        '"the" is written twice in a row'
    ] * 3


def test_fix_is_unsafe_and_only_offered_on_plain_text() -> None:
    (finding,) = check("'''the''' the cat.")
    assert finding.fix is not None
    assert finding.fix.applicability is Applicability.UNSAFE
    assert fixed("'''the''' the cat.", [finding]) == "'''the''' cat."
    (inside_link,) = check("the [[the]] cat.")
    assert inside_link.fix is None  # removing the label alone would leave "[[]]"


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.sampled_from(["the", "The", "of", "all", "cat", "[[the]]", "''of''"]), max_size=12)
)
def test_findings_cover_a_copy_of_their_related_span(words: list[str]) -> None:
    source = " ".join(words) + "."
    article = Article(source, language="en")
    findings = list(DoubledWord().check(article))
    for finding in findings:
        second = source[finding.location.offset : finding.location.end_offset]
        (related,) = finding.related
        first = source[related.location.offset : related.location.end_offset]
        assert visible(first) == visible(second)
        assert related.location.end_offset <= finding.location.offset
        if finding.fix is not None:
            assert len(fixed(source, [finding])) < len(source)


def test_the_fixture_articles_are_there() -> None:
    assert fixture_articles(), "tests/fixtures holds no articles"


@pytest.mark.parametrize("path", fixture_articles(), ids=lambda path: path.stem)
def test_quiet_on_real_articles(path: Path) -> None:
    assert list(DoubledWord().check(parsed(path))) == []


def test_a_double_typed_into_a_real_article_is_found_and_fixed() -> None:
    path = FIXTURES / "en" / "Pear.wiki"
    original = read(path)
    at = original.index("|native]]") + len("|native]]")
    source = original[:at] + " native" + original[at:]
    (finding,) = DoubledWord().check(Article(source, str(path), "en"))
    assert (finding.location.offset, finding.location.end_offset) == (at + 1, at + 7)
    assert positions([finding]) == [("WL103", 33, 37)]
    assert fixed(source, [finding]) == original


@needs_corpus
def test_corpus_findings_are_the_known_true_slips() -> None:
    found = []
    for path in pinned_corpus_articles():
        found += [
            (path.name, f.location.line, f.message) for f in DoubledWord().check(parsed(path))
        ]
    assert found == [
        ("Pretoria.wiki", 367, '"The" is written twice in a row'),
        ("Toronto.wiki", 150, '"people" is written twice in a row'),
    ]
