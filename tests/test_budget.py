"""The per-article time budget: pathological markup is cut off, ordinary text is not."""

from __future__ import annotations

import time

import mwparserfromhell
import pytest
from adversarial import CASES, adversarial
from helpers import fixture_articles, read

from wikilint.budget import (
    TIMEOUT_CODE,
    TIMEOUT_NAME,
    is_risky,
    lint_guarded,
    timeout_finding,
    unbalanced,
)
from wikilint.engine import lint_source
from wikilint.finding import Severity
from wikilint.rules import BUILTIN_RULES

RULES = [rule() for rule in BUILTIN_RULES if rule.enabled_by_default]


@pytest.mark.parametrize("name", sorted(CASES))
def test_adversarial_input_is_cut_off_at_the_budget(name: str) -> None:
    started = time.perf_counter()
    findings = lint_guarded(adversarial(name), "Evil", RULES, timeout=0.3)
    elapsed = time.perf_counter() - started
    assert [(f.code, f.rule, f.path) for f in findings] == [(TIMEOUT_CODE, TIMEOUT_NAME, "Evil")]
    # Unguarded, these inputs take from seconds to minutes; the bound only shows the run
    # was cut off, with room for a loaded CI machine (speed is measured in bench/).
    assert elapsed < 15.0


@pytest.mark.parametrize("name", sorted(CASES))
def test_what_the_precheck_lets_through_parses_fast(name: str) -> None:
    unit, _ = CASES[name]
    repeats = 1
    while not is_risky(unit * (repeats + 16)):
        repeats += 16
    started = time.process_time()  # CPU time: what other processes do does not count
    mwparserfromhell.parse(unit * repeats)
    # Far below the pathological seconds-to-minutes, with room for a slow machine.
    assert time.process_time() - started < 3.0


def test_real_articles_are_not_risky() -> None:
    risky = [path.name for path in fixture_articles() if is_risky(read(path))]
    assert risky == []


def test_unbalanced_counts_openers_without_closers() -> None:
    assert unbalanced("{{a|b}} [[c]] <ref>d</ref> {|\n|e\n|}") == 0
    assert unbalanced("{{a|b [[c <span x") == 2 + 2 + 1 + 1
    assert unbalanced("{|\n|a") == 1 + 1


def test_ordinary_article_is_linted_in_process_with_the_same_findings() -> None:
    source = read(fixture_articles("en/Pear.wiki")[0])
    assert lint_guarded(source, "Pear", RULES) == lint_source(source, "Pear", RULES)


def test_risky_article_within_budget_gets_its_real_findings() -> None:
    source = "The the cat sat on the mat.<br>" * 300
    assert is_risky(source)
    assert lint_guarded(source, "x", RULES, timeout=30) == lint_source(source, "x", RULES)


def test_no_timeout_means_no_guard() -> None:
    source = adversarial("unclosed-template", 0.05)
    assert lint_guarded(source, "x", RULES, timeout=None) == lint_source(source, "x", RULES)


def test_timeout_finding_names_the_article_at_its_start() -> None:
    finding = timeout_finding("Some title", 2.0)
    assert (finding.code, finding.rule, finding.severity) == (
        "WL002",
        "parse-timeout",
        Severity.ERROR,
    )
    assert (finding.location.line, finding.location.column, finding.location.offset) == (1, 1, 0)
    assert finding.path == "Some title"
    assert "parsing took longer than 2 s" in finding.message
    assert "rules took longer than 40 s" in timeout_finding("t", 40.0, parsed=True).message
