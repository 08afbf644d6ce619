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


@pytest.mark.parametrize(
    ("source", "column", "doubled"),
    [
        ("It is the the best.", 11, "the"),
        ("The the cat sat.", 5, "the"),  # case-insensitive; a function word is no taxon
        ("A a cat sat.", 3, "a"),
        ("It is is fine.", 7, "is"),  # not an allowed grammatical double
        ("He went to to the shop.", 12, "to"),
        ("[[the]] the cat.", 9, "the"),  # across a link
        ("'''the''' the cat.", 11, "the"),  # across bold
        ("[[Wyandot people]] people lived there.", 20, "people"),  # a link's label
        ("the [[Foo|the]] cat.", 11, "the"),  # into a piped link
        ("the <!-- note --> the cat.", 19, "the"),  # a comment renders nothing
        ("the [[Category:X]] the cat.", 20, "the"),  # nor does a category link
        ("the  the cat.", 6, "the"),  # two spaces
        ("He came in the end in the end.", 20, "in the end"),
        ("one two three four one two three four five.", 20, "one two three four"),
        ("They had had had enough.", 14, "had"),  # a triple even of an allowed double
        ("It ends. The The road goes on to the sea.", 14, "The"),  # the article writes "the"
        ("Some Wyandot people people lived among the people.", 21, "people"),  # not a trinomial
        ("It went to and fro to to the gate.", 23, "to"),  # no "X to X" idiom
        ("It moved from side side to side.", 20, "side"),
        ("It is a a grade.", 9, "a"),  # one letter, same case
        ("The letters Ա Ա and ա ա are the same.", 15, "Ա"),
    ],
)
def test_flags_doubles(source: str, column: int, doubled: str) -> None:
    (finding,) = [f for f in check(source) if f.location.column == column] or [None]
    assert finding is not None, positions(check(source))
    assert finding.code == "WL103"
    assert finding.message == f'"{doubled}" is written twice in a row'
    assert source[finding.location.offset : finding.location.end_offset] == doubled


@pytest.mark.parametrize(
    "source",
    [
        "He had had enough.",
        "The claim that that is false.",
        "She gave her her book.",
        "Cells were studied in in vitro assays.",
        "Acceleration is measured in metres per second per second.",
        "More and more people came, and more and more stayed.",
        "It was very, very good.",  # punctuation between the copies
        "It ended. The end. End. End",  # sentence breaks
        "It ends with the\nthe next line.",  # paragraph break
        "anak-anak and so-so",  # hyphenated reduplication
        "Scores were 10 10 12 12.",  # numbers
        "They flew to Bora Bora and Walla Walla.",  # names
        "The The were an English band.",  # no "the" in lower case: a name
        "It had an AN/APS-6 radar.",  # an acronym beside a word
        'The song goes "I am he as you are he as you are me".',  # a quotation
        "Der Roman „sehr sehr lang“ erschien.",  # a quotation in German marks
        "the {{lang|fr|x}} the cat.",  # a template renders between the copies
        "the<ref>Source.</ref> the cat.",  # so does a reference marker
        "the [[File:X.jpg|thumb|A cat]] the cat.",  # and a file
        "the<br>the cat.",  # a line break
        "the [http://example.com] the cat.",  # an external link renders [1]
        "{{Quote|the the}} and [[the]].",  # template contents are not prose
        "* the the\n{| class=wikitable\n| the the\n|}",  # lists and tables are not prose
        # Taxonomic names: in italics, tautonyms (genus then the same epithet), trinomials.
        "The Surinam toad (''Pipa pipa'') lives in the rivers.",
        "The tsetse fly ''Glossina morsitans morsitans'' bites the cattle.",
        "The fire salamander (Salamandra salamandra) lives in the woods.",
        "Salamandra salamandra lives in the woods.",
        "The fly Glossina morsitans morsitans bites the cattle.",
        "The toad {{taxlink|Pipa pipa}} lives in the rivers.",  # a taxon template
        "The letters Ւ ւ and Ա ա follow the Ք letter.",  # a letter beside its other case
        "It moved from side to side to force the gate.",  # "side to side", then "to force"
        "They went from door to door to ask.",
        "It grew day by day by the river.",
    ],
)
def test_stays_quiet(source: str) -> None:
    assert check(source) == []


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
