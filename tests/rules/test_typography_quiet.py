"""The typography rules WL601-WL602 on real articles in other languages (their snippets
are in cases/WL601.toml-WL603.toml)."""

from __future__ import annotations

import pytest
from helpers import fixture_articles, positions, read, run_rule

from wikilint.rules.typography.double_hyphen_dash import DoubleHyphenDash
from wikilint.rules.typography.doubled_space import DoubledSpace

INTL = fixture_articles("intl/**/*.wiki")


def test_the_fixture_articles_are_there() -> None:
    assert INTL


@pytest.mark.parametrize("path", INTL, ids=lambda path: path.parent.name)
def test_no_dash_findings_on_other_languages(path) -> None:
    assert run_rule(DoubleHyphenDash, read(path)) == []


@pytest.mark.parametrize("path", INTL, ids=lambda path: path.parent.name)
def test_doubled_space_on_other_languages_finds_only_real_slips(path) -> None:
    findings = run_rule(DoubledSpace, read(path))
    if path.parent.name == "mr":  # all three read: two spaces between words of a sentence
        assert positions(findings) == [("WL602", 6, 251), ("WL602", 18, 16), ("WL602", 36, 178)]
        assert {finding.message for finding in findings} == {"doubled space"}
    else:
        assert findings == []
