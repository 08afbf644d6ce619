"""The typography rules WL601-WL603 on the sample, on edge cases and on real articles."""

from __future__ import annotations

import pytest
from helpers import SEED, fixture_articles, positions, read, run_rule

from wikilint.document.article import Article
from wikilint.linter.finding import Applicability
from wikilint.rules.typography.double_hyphen_dash import DoubleHyphenDash
from wikilint.rules.typography.doubled_space import DoubledSpace
from wikilint.rules.typography.space_before_punctuation import SpaceBeforePunctuation


def apply(source: str, findings) -> str:
    for finding in sorted(findings, key=lambda f: -f.fix.edits[0].start):
        (edit,) = finding.fix.edits
        source = source[: edit.start] + edit.replacement + source[edit.end :]
    return source


def test_sample_double_hyphen_is_flagged_at_its_column_with_a_safe_em_dash() -> None:
    source = read(SEED)
    (finding,) = run_rule(DoubleHyphenDash, source)
    assert (finding.location.line, finding.location.column) == (1, 266)
    assert source[finding.location.offset : finding.location.end_offset] == "--"
    assert finding.fix.applicability is Applicability.SAFE
    assert "economically—Stalin had said" in apply(source, [finding])


@pytest.mark.parametrize(
    ("source", "fixed"),
    [
        ("war -- peace", "war—peace"),
        ("war --- peace", "war—peace"),
        ("pages 10--12", "pages 10–12"),
        ("A – b. War -- peace – again.", "A – b. War – peace – again."),
    ],
)
def test_dash_follows_the_article_style(source: str, fixed: str) -> None:
    assert apply(source, run_rule(DoubleHyphenDash, source)) == fixed


@pytest.mark.parametrize(
    "source",
    [
        "a <!-- comment --> b",
        "{{Infobox|x=a -- b}}",
        "{| class=wikitable\n| a -- b\n|}",
        "---- ",
        " preformatted -- text",
        "a ---- b",
        "<code>x--</code> and [[a--b|label]]",
    ],
)
def test_double_hyphen_ignores_markup(source: str) -> None:
    assert run_rule(DoubleHyphenDash, source) == []


def test_doubled_space_inside_sentences_only() -> None:
    source = "The river  flows. Then  it ends.  Next {{cn}} word <ref>x</ref>  here."
    findings = run_rule(DoubledSpace, source)
    assert positions(findings) == [("WL602", 1, 10), ("WL602", 1, 23)]
    assert apply(source, findings).startswith("The river flows. Then it ends.  Next")


def test_space_before_punctuation() -> None:
    source = 'Paris , France ; x ... y a .45 gun. "Quote , here". f : A and wow !'
    findings = run_rule(SpaceBeforePunctuation, source)
    assert positions(findings) == [("WL603", 1, 6), ("WL603", 1, 15)]
    assert apply(source, findings).startswith("Paris, France; x")
    assert SpaceBeforePunctuation.languages == frozenset({"en"})


@pytest.mark.parametrize("path", fixture_articles("intl/**/*.wiki"), ids=lambda p: p.parent.name)
def test_space_before_punctuation_never_runs_on_other_languages(path) -> None:
    article = Article(read(path))
    assert not SpaceBeforePunctuation().applies_to(article)


@pytest.mark.parametrize("path", fixture_articles("en/*.wiki"), ids=lambda p: p.stem)
def test_no_typography_findings_on_clean_english_fixtures(path) -> None:
    source = read(path)
    assert run_rule(DoubleHyphenDash, source) == []
    assert run_rule(SpaceBeforePunctuation, source) == []
