"""Helpers for testing rules: run one rule over a source text, apply its fixes, and check
that its documented examples are true.

    from wikilint.testing import assert_docs_examples, check

    def test_flags_loud_words():
        [finding] = check(NoShouting, "It is LOUD here.", min_length=3)
        assert (finding.location.line, finding.location.column) == (1, 7)

    def test_examples():
        assert_docs_examples(NoShouting)
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from wikilint.config.files import ConfigError
from wikilint.config.settings import configure
from wikilint.document.article import Article
from wikilint.linter.engine import is_engine_error, lint
from wikilint.linter.finding import Finding
from wikilint.linter.fixes import fix_source
from wikilint.linter.rule import Rule

__all__ = ["assert_docs_examples", "check", "fix"]

#: The path findings of a checked text carry.
PATH = "<string>"


def check(
    rule: type[Rule] | Rule, source: str, *, language: str | None = None, **options: Any
) -> list[Finding]:
    """The findings of *rule* on *source*, in source order, with lines and columns, as a
    run reports them: inline directives (``<!-- wikilint-disable-line CODE -->``) apply.

    *rule* is a rule class, configured with *options* (by their Python or TOML names:
    ``max_words=300`` or ``**{"max-words": 300}``, plus ``severity``), or an instance.
    *language* is the article's Wikipedia language code. A rule that raises fails with an
    :class:`AssertionError` that quotes the exception (a run reports it as WL000).
    """
    findings = lint(Article(source, PATH, language), [configured(rule, options)])
    for finding in findings:
        if is_engine_error(finding):
            raise AssertionError(finding.message)
    return findings


def fix(
    rule: type[Rule] | Rule,
    source: str,
    *,
    unsafe: bool = True,
    language: str | None = None,
    **options: Any,
) -> str:
    """*source* after applying the fixes of *rule*, as ``wikilint check --fix`` does (with
    ``--unsafe-fixes`` unless *unsafe* is false): fix, re-check, until nothing changes."""
    return fix_source(source, PATH, [configured(rule, options)], language, unsafe).text


def assert_docs_examples(rule: type[Rule]) -> None:
    """Raise :class:`AssertionError` unless the bad example of the rule's docs yields a
    finding and the good example none (in the first of the rule's languages, if it has
    any)."""
    language = None if rule.languages is None else min(rule.languages)
    if not check(rule, rule.docs.bad, language=language):
        raise AssertionError(
            f"{rule.code} {rule.name}: the bad example yields no finding:\n{rule.docs.bad}"
        )
    found = check(rule, rule.docs.good, language=language)
    if found:
        listed = "\n".join(
            f"  {finding.location.line}:{finding.location.column}: {finding.message}"
            for finding in found
        )
        raise AssertionError(
            f"{rule.code} {rule.name}: the good example yields {len(found)} finding(s):\n"
            f"{listed}\n{rule.docs.good}"
        )


def configured(rule: type[Rule] | Rule, options: Mapping[str, Any]) -> Rule:
    """An instance of *rule* with *options*, checked as a configuration file's are (an
    unknown option or a value of the wrong type raises :class:`TypeError`); an instance is
    taken as it is."""
    if isinstance(rule, Rule):
        if options:
            raise TypeError("options configure a rule class, not an instance")
        return rule
    table = {key: _as_toml(value) for key, value in options.items()}
    try:
        return configure(rule, table, rule.name)
    except ConfigError as error:
        raise TypeError(str(error)) from None


def _as_toml(value: Any) -> Any:
    """A collection as TOML gives it: a list."""
    return list(value) if isinstance(value, tuple | set | frozenset) else value
