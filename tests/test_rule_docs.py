"""Every registered rule documents itself, and its examples are true."""

from __future__ import annotations

import dataclasses

import pytest

from wikilint.article import Article
from wikilint.engine import lint
from wikilint.registry import discover

RULES = discover().rules


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.name)
def test_rule_is_self_describing(rule) -> None:
    assert rule.summary and not rule.summary.endswith("\n")
    assert rule.docs.what and rule.docs.why and rule.docs.bad and rule.docs.good
    for option in dataclasses.fields(rule.Options):
        assert option.default is not dataclasses.MISSING, f"option {option.name} has no default"


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.name)
def test_bad_example_is_flagged_and_good_example_is_not(rule) -> None:
    language = None if rule.languages is None else sorted(rule.languages)[0]
    checker = [rule()]
    bad = lint(Article(rule.docs.bad, language=language), checker)
    good = lint(Article(rule.docs.good, language=language), checker)
    assert bad, f"{rule.name}: its bad example is not flagged"
    assert not good, f"{rule.name}: its good example is flagged: {[f.message for f in good]}"
    assert {f.code for f in bad} == {rule.code}
