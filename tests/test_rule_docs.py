"""Every registered rule documents itself, and its examples are true."""

from __future__ import annotations

import dataclasses
import typing

import pytest
from helpers import fixture_articles, read

from wikilint.document.article import Article
from wikilint.linter.engine import lint
from wikilint.linter.registry import discover
from wikilint.linter.rule import option_ranges
from wikilint.testing import assert_docs_examples

RULES = discover(plugins=False).rules


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.name)
def test_rule_is_self_describing(rule) -> None:
    assert rule.summary and not rule.summary.endswith("\n")
    assert rule.docs.what and rule.docs.why and rule.docs.bad and rule.docs.good
    for option in dataclasses.fields(rule.Options):
        assert option.default is not dataclasses.MISSING, f"option {option.name} has no default"


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.name)
def test_bad_example_is_flagged_and_good_example_is_not(rule) -> None:
    assert_docs_examples(rule)


FIXTURE_TEXTS = [read(path) for path in fixture_articles("en/*.wiki")]


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.name)
def test_fixes_have_the_safety_the_rule_declares(rule) -> None:
    texts = [rule.docs.bad, *FIXTURE_TEXTS]
    fixes = [
        finding.fix
        for text in texts
        for finding in lint(Article(text, language="en"), [rule()])
        if finding.fix is not None
    ]
    if rule.fix_safety is None:
        assert fixes == [], f"{rule.name} declares no fix but attaches some"
    else:
        assert {fix.applicability for fix in fixes} <= {rule.fix_safety}


@pytest.mark.parametrize(
    "rule", [rule for rule in RULES if rule.fix_safety is not None], ids=lambda rule: rule.name
)
def test_a_rule_that_declares_a_fix_fixes_its_bad_example(rule) -> None:
    """Without this the safety test above passes for a rule that stopped attaching fixes."""
    language = None if rule.languages is None else sorted(rule.languages)[0]
    findings = lint(Article(rule.docs.bad, language=language), [rule()])
    assert findings and all(finding.fix is not None for finding in findings), rule.name


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.name)
def test_numeric_options_declare_a_range_holding_their_default(rule) -> None:
    ranges = option_ranges(rule.Options)
    for option in dataclasses.fields(rule.Options):
        if typing.get_type_hints(rule.Options)[option.name] in (int, float):
            assert option.default in ranges[option.name], f"{option.name}: {ranges}"
