"""The engine: a crashing rule is reported and the others still run."""

from __future__ import annotations

import gc
import weakref
from typing import ClassVar

import pytest
from helpers import FIXTURES, read

from wikilint.document.article import Article
from wikilint.linter.engine import INTERNAL_ERROR_CODE, lint, lint_source
from wikilint.linter.registry import discover
from wikilint.linter.rule import Rule, RuleDocs

PEAR = FIXTURES / "en" / "Pear.wiki"


class Crashing(Rule):
    code = "TST001"
    name = "crashing"
    summary = "Always raises."
    docs = RuleDocs("w", "y", "b", "g")

    def check(self, article: Article):
        yield self.finding(article, 0, 1, "found before the crash")
        raise ZeroDivisionError("division by zero")


class FirstWord(Rule):
    code = "TST002"
    name = "first-word"
    summary = "Reports the first word."
    docs = RuleDocs("w", "y", "b", "g")

    def check(self, article: Article):
        yield self.finding(article, 0, 4, "first word")


def test_a_failing_rule_becomes_an_internal_error_and_others_run() -> None:
    findings = lint(Article("Some text.\n", "a.wiki"), [Crashing(), FirstWord()])
    assert [(f.code, f.rule) for f in findings] == [
        (INTERNAL_ERROR_CODE, "internal-error"),
        ("TST002", "first-word"),
    ]
    crash = findings[0]
    assert "crashing (TST001)" in crash.message
    assert "ZeroDivisionError: division by zero" in crash.message
    assert crash.path == "a.wiki"


@pytest.mark.parametrize(
    "directive",
    [
        "wikilint-disable-line",
        "wikilint-disable-line WL000",
        "wikilint-disable-line internal-error",
        "wikilint-disable-line TST001, WL000",
        "wikilint-disable-next-line WL000",
        "wikilint-disable WL000",
        "wikilint-disable internal-error",
        "wikilint-disable",
    ],
)
def test_no_directive_hides_an_internal_error(directive: str) -> None:
    # Issue 12: a disable-line comment hid WL000, and exit code 2 became 0.
    for source in (f"Some text. <!-- {directive} -->\n", f"<!-- {directive} -->\nSome text.\n"):
        findings = lint(Article(source, "a.wiki"), [Crashing()])
        assert [(f.code, f.location.line) for f in findings] == [(INTERNAL_ERROR_CODE, 1)]


class EnglishOnly(FirstWord):
    code = "TST003"
    name = "english-only"
    languages = frozenset({"en"})


def test_language_specific_rules_skip_other_languages() -> None:
    assert lint(Article("Einige Wörter.\n", language="de"), [EnglishOnly()]) == []
    assert len(lint(Article("Some words.\n", language="en"), [EnglishOnly()])) == 1


class Probe(Rule):
    """Keeps a weak reference to the article it checks."""

    code = "TST003"
    name = "probe"
    summary = "Finds nothing."
    docs = RuleDocs("w", "y", "b", "g")
    seen: ClassVar[list[weakref.ref[Article]]] = []

    def check(self, article: Article):
        self.seen.append(weakref.ref(article))
        return iter(())


def test_an_article_is_freed_by_reference_counting_alone() -> None:
    # lint_source keeps the cyclic collector asleep and relies on reference counting to
    # free the article: a rule that ties the article into a reference cycle would keep
    # its whole tree alive until the next collection. Every rule runs here, the
    # off-by-default ones too, and the probe last.
    rules = [rule() for rule in discover(plugins=False).rules] + [Probe()]
    collecting = gc.isenabled()
    gc.disable()
    try:
        findings = lint_source(read(PEAR), "Pear.wiki", rules)
        assert findings  # the rules did run
        (article,) = Probe.seen
        assert article() is None
    finally:
        if collecting:
            gc.enable()
    assert gc.isenabled() is collecting
