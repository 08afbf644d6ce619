"""The per-article time budget: every input is cut off at it, ordinary text is not."""

from __future__ import annotations

import os
import time

import pytest
from adversarial import CASES, SHAPES, adversarial
from helpers import fixture_articles, read

from wikilint.analysis.html_tags import html_tags
from wikilint.batch.guard import (
    TIMEOUT_CODE,
    TIMEOUT_NAME,
    bounded,
    fix_guarded,
    lint_guarded,
    timeout_finding,
)
from wikilint.document.article import Article
from wikilint.document.gc_pause import collector_paused
from wikilint.linter.engine import lint_source
from wikilint.linter.finding import Finding, Severity
from wikilint.linter.fixes import fix_source
from wikilint.rules import BUILTIN_RULES

RULES = [rule() for rule in BUILTIN_RULES if rule.enabled_by_default]
#: Unguarded, the inputs take from seconds to minutes; the bound only shows the run was
#: cut off, with room for a loaded CI machine (speed is measured in bench/).
CUT_OFF = 15.0


def assert_cut_off(findings: list[Finding], elapsed: float) -> None:
    assert [(f.code, f.rule, f.path) for f in findings] == [(TIMEOUT_CODE, TIMEOUT_NAME, "Evil")]
    assert elapsed < CUT_OFF


@pytest.mark.parametrize("name", sorted(CASES))
def test_adversarial_input_is_cut_off_at_the_budget(name: str) -> None:
    started = time.perf_counter()
    findings = lint_guarded(adversarial(name), "Evil", RULES, timeout=0.3)
    assert_cut_off(findings, time.perf_counter() - started)


def test_closers_the_parser_ignores_do_not_escape_the_budget() -> None:
    # Issue 12: balanced to a scan of the text, 26.5 s to parse and lint.
    source = SHAPES["closers-in-comment"]
    started = time.perf_counter()
    findings = lint_guarded(source, "Evil", RULES, timeout=0.3)
    assert_cut_off(findings, time.perf_counter() - started)


def rule_seconds(source: str) -> dict[str, float]:
    """CPU seconds of each rule on *source* (what other processes do does not count)."""
    article = Article(source)
    seconds = {}
    with collector_paused():  # as the engine runs them
        for rule in RULES:
            started = time.process_time()
            if rule.applies_to(article):
                list(rule.check(article))
            seconds[rule.code] = time.process_time() - started
    return seconds


@pytest.mark.parametrize("name", ["link-openers-1mb", "headings-70k", "named-refs-1mb"])
def test_rules_stay_near_linear_on_the_megabyte_shapes(name: str) -> None:
    # Issue 12: unclosed-link rescanned the rest of the text per `[[` (62 KB took 119 s),
    # sections and malformed-heading rescanned the later headings per heading. Four
    # times the text takes four times as long, not sixteen (slack for small timings).
    small = rule_seconds(SHAPES[name][: 64 * 1024])
    large = rule_seconds(SHAPES[name][: 256 * 1024])
    slow = {code: (small[code], large[code]) for code in small}
    assert {code: t for code, t in slow.items() if t[1] > 8 * t[0] + 0.3} == {}


def test_fix_is_cut_off_at_the_budget_and_leaves_the_text() -> None:
    source = adversarial("unclosed-template")
    started = time.perf_counter()
    outcome = fix_guarded(source, "Evil", RULES, timeout=0.3)
    assert_cut_off(outcome.remaining, time.perf_counter() - started)
    assert (outcome.text, outcome.fixed) == (source, 0)


def test_fix_within_budget_equals_an_unguarded_fix() -> None:
    source = "The the cat sat.\n\n==Title==\nText [[a]].\n[[Category:A]]\n"
    guarded = fix_guarded(source, "x", RULES, unsafe=True, timeout=30)
    assert guarded == fix_source(source, "x", RULES, unsafe=True)
    assert guarded.fixed > 0


def test_ordinary_article_gets_the_same_findings_under_the_guard() -> None:
    source = read(fixture_articles("en/Pear.wiki")[0])
    assert lint_guarded(source, "Pear", RULES) == lint_source(source, "Pear", RULES)


def test_no_timeout_means_no_child() -> None:
    assert bounded(os.getpid, "x", None) == os.getpid()
    assert bounded(os.getpid, "x", 30) != os.getpid()


def test_a_failing_or_dying_child_is_an_internal_error() -> None:
    raised = bounded(lambda: 1 / 0, "a", 30)
    died = bounded(lambda: os._exit(3), "b", 30)
    assert isinstance(raised, Finding) and isinstance(died, Finding)
    assert (raised.code, raised.path) == ("WL000", "a")
    assert raised.message == (
        "linting failed: ChildProcessError: ZeroDivisionError: division by zero"
    )
    assert (died.code, died.message) == (
        "WL000",
        "linting failed: ChildProcessError: the child process died",
    )


def test_timeout_finding_names_the_article_at_its_start() -> None:
    finding = timeout_finding("Some title", 2.0)
    assert (finding.code, finding.rule, finding.severity) == (
        "WL002",
        "parse-timeout",
        Severity.ERROR,
    )
    assert (finding.location.line, finding.location.column, finding.location.offset) == (1, 1, 0)
    assert finding.path == "Some title"
    assert finding.message == (
        "not linted: parsing and checking took longer than 2 s "
        "(look for long runs of unclosed templates, links, tables or tags)"
    )


def test_end_tags_dropped_in_table_cell_paragraphs_stay_near_linear() -> None:
    # Issue 15: in a table cell, end tags of the first line's elements on a later line each
    # cut one element out of the stack of all of its name (20,000 pairs took 8 s).
    def seconds(pairs: int) -> float:
        source = "{|\n| " + "<span><small>" * pairs + "a\n" + "</span></small>" * pairs + "\n|}"
        started = time.process_time()
        html_tags(Article(source))
        return time.process_time() - started

    assert seconds(20_000) < 8 * seconds(5_000) + 0.3
