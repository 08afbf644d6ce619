"""Run rules over articles; a crashing rule is reported, never fatal."""

from __future__ import annotations

from collections.abc import Sequence

from wikilint.document.article import Article
from wikilint.document.gc_pause import collector_paused
from wikilint.linter.engine_codes import ENGINE_ERRORS, INTERNAL_ERROR_CODE, INTERNAL_ERROR_NAME
from wikilint.linter.finding import START_OF_INPUT, Finding, Severity
from wikilint.linter.rule import Rule
from wikilint.linter.suppression import apply_suppressions, parse_directives
from wikilint.linter.unused_suppression import UnusedSuppression


def lint(article: Article, rules: Sequence[Rule]) -> list[Finding]:
    """All findings of *rules* on *article* that no inline directive suppresses,
    in source order."""
    findings: list[Finding] = []
    for rule in rules:
        if not rule.applies_to(article):
            continue
        try:
            findings.extend(list(rule.check(article)))
        except Exception as error:  # one failing rule must not take the run down
            findings.append(internal_error(article, f"rule {rule.name} ({rule.code})", error))
    directives = parse_directives(article)
    if directives:
        errors = [finding for finding in findings if is_engine_error(finding)]
        findings = apply_suppressions(
            [finding for finding in findings if not is_engine_error(finding)], directives
        )
        findings += errors
        for rule in rules:
            if isinstance(rule, UnusedSuppression):
                findings.extend(rule.unused(article, directives))
    findings.sort(key=lambda finding: finding.sort_key)
    return findings


def internal_error(article: Article, where: str, error: BaseException) -> Finding:
    """A finding that reports a crash inside wikilint rather than a defect of the text."""
    detail = str(error) or type(error).__name__
    return Finding(
        code=INTERNAL_ERROR_CODE,
        rule=INTERNAL_ERROR_NAME,
        severity=Severity.ERROR,
        message=f"{where} failed: {type(error).__name__}: {detail}",
        location=START_OF_INPUT,
        path=article.path,
    )


def is_engine_error(finding: Finding) -> bool:
    """Whether *finding* says that wikilint crashed or ran out of time on the article."""
    return finding.code in ENGINE_ERRORS


def lint_source(
    source: str,
    path: str,
    rules: Sequence[Rule],
    language: str | None = None,
) -> list[Finding]:
    """Parse *source* once and lint it; a parser crash becomes an internal error.

    The cyclic collector sleeps throughout: the article
    holds no reference cycles and is freed, by reference counting, before it wakes, so
    it never scans the hundreds of thousands of objects of a tree.
    """
    with collector_paused():
        try:
            article = Article(source, path, language)
        except Exception as error:
            return [internal_error(Article("", path), "parsing", error)]
        findings = lint(article, rules)
        del article
    return findings
