"""Every registered rule documents itself, and its examples are true."""

from __future__ import annotations

import dataclasses
import re
import typing

import pytest
from helpers import fixture_articles, read

from wikilint.document.article import Article
from wikilint.linter.engine import lint
from wikilint.linter.registry import discover
from wikilint.linter.rule import option_docs, option_ranges
from wikilint.testing import assert_docs_examples

REGISTRY = discover(plugins=False)
RULES = REGISTRY.rules
#: The built-in rules and the engine's own findings, whose docs share one shape.
BUILTIN = [rule for rule in REGISTRY.listing() if rule.__module__.startswith("wikilint.")]
SUMMARY = re.compile(r"[A-Z][^\n]*[^.]\.")
DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")


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


@pytest.mark.parametrize("rule", BUILTIN, ids=lambda rule: rule.code)
def test_summary_is_one_sentence_saying_what_is_found(rule) -> None:
    assert SUMMARY.fullmatch(rule.summary), f"{rule.code}: {rule.summary!r}"
    assert not re.search(r"\bshould\b", rule.summary, re.IGNORECASE), rule.summary


@pytest.mark.parametrize("rule", BUILTIN, ids=lambda rule: rule.code)
def test_every_option_has_a_one_line_doc(rule) -> None:
    docs = option_docs(rule.Options)
    for option in dataclasses.fields(rule.Options):
        text = str(docs.get(option.name, ""))
        assert text and "\n" not in text, f"{rule.code}: option {option.name} has no Doc"


@pytest.mark.parametrize("rule", BUILTIN, ids=lambda rule: rule.code)
def test_fix_safety_is_explained_exactly_when_the_rule_fixes(rule) -> None:
    if rule.fix_safety is None:
        assert rule.docs.fix == "", f"{rule.code} attaches no fix but explains one"
    else:
        assert rule.docs.fix, f"{rule.code} attaches {rule.fix_safety.value} fixes: say why"


@pytest.mark.parametrize(
    "rule",
    [rule for rule in BUILTIN if rule in RULES and rule.enabled_by_default],
    ids=lambda rule: rule.code,
)
def test_a_default_on_rule_states_its_precision_with_the_date_it_was_read(rule) -> None:
    assert DATE.search(rule.docs.precision), f"{rule.code}: precision {rule.docs.precision!r}"
