"""The typography rules WL601-WL603 on the sample and on real articles; their snippets are
in tests/rules/cases/WL601.toml-WL603.toml."""

from __future__ import annotations

import pytest
from helpers import SEED, fixture_articles, read, run_rule

from wikilint.document.article import Article
from wikilint.linter.finding import Applicability
from wikilint.rules.typography.double_hyphen_dash import DoubleHyphenDash
from wikilint.rules.typography.space_before_punctuation import SpaceBeforePunctuation

ENGLISH = fixture_articles("en/*.wiki")
OTHER_LANGUAGES = fixture_articles("intl/**/*.wiki")


def apply(source: str, findings) -> str:
    for finding in sorted(findings, key=lambda f: -f.fix.edits[0].start):
        (edit,) = finding.fix.edits
        source = source[: edit.start] + edit.replacement + source[edit.end :]
    return source


def test_the_fixture_articles_are_there() -> None:
    assert ENGLISH
    assert OTHER_LANGUAGES


def test_sample_double_hyphen_is_flagged_at_its_column_with_a_safe_em_dash() -> None:
    source = read(SEED)
    (finding,) = run_rule(DoubleHyphenDash, source)
    assert (finding.location.line, finding.location.column) == (1, 266)
    assert finding.message == "“--” used as a dash: write “—”"
    assert source[finding.location.offset : finding.location.end_offset] == "--"
    assert finding.fix.applicability is Applicability.SAFE
    assert "economically—Stalin had said" in apply(source, [finding])


def test_space_before_punctuation_is_for_english_only() -> None:
    assert SpaceBeforePunctuation.languages == frozenset({"en"})


@pytest.mark.parametrize("path", OTHER_LANGUAGES, ids=lambda p: p.parent.name)
def test_space_before_punctuation_never_runs_on_other_languages(path) -> None:
    article = Article(read(path))
    assert not SpaceBeforePunctuation().applies_to(article)


@pytest.mark.parametrize("path", ENGLISH, ids=lambda p: p.stem)
def test_no_typography_findings_on_clean_english_fixtures(path) -> None:
    source = read(path)
    assert run_rule(DoubleHyphenDash, source) == []
    assert run_rule(SpaceBeforePunctuation, source) == []
