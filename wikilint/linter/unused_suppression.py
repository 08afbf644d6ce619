"""WL003 unused-suppression: a suppression comment that silences nothing."""

from __future__ import annotations

from collections.abc import Iterable

from wikilint.document.article import Article
from wikilint.linter.finding import Finding, Severity
from wikilint.linter.rule import Rule, RuleDocs
from wikilint.linter.suppression import Directive


class UnusedSuppression(Rule):
    code = "WL003"
    name = "unused-suppression"
    severity = Severity.WARNING
    summary = "A wikilint-disable comment suppresses no finding."
    enabled_by_default = False
    docs = RuleDocs(
        what="A `<!-- wikilint-disable... -->` comment under which no finding was suppressed.",
        why=(
            "Stale directives hide future problems and clutter the wikitext. Remove them "
            "once the text they excused has been fixed."
        ),
        bad="<!-- wikilint-disable-next-line doubled-word -->\nThe cat sat on the mat.\n",
        good="The cat sat on the mat.\n",
        notes=(
            "The engine applies suppressions after every other rule has run and then asks "
            "this rule about the directives that silenced nothing, so it sees the findings "
            "of exactly the rules selected for the file (like ruff's unused-noqa)."
        ),
        precision="Off by default: whether a directive is used depends on the rules selected "
        "for the run, so it is asked for with --select WL003 (no corpus read, 2026-12-01)",
    )

    def check(self, article: Article) -> Iterable[Finding]:
        return ()  # reported by the engine through `unused`, once suppressions are applied

    def unused(self, article: Article, directives: list[Directive]) -> Iterable[Finding]:
        for directive in directives:
            if not directive.used:
                yield self.finding(
                    article,
                    directive.start,
                    directive.end,
                    f"'{directive.text}' suppresses nothing; remove it",
                )
