"""Inline suppression through HTML comments, which the rendered page never shows.

``<!-- wikilint-disable RULES -->`` ... ``<!-- wikilint-enable RULES -->``,
``<!-- wikilint-disable-next-line RULES -->`` and ``<!-- wikilint-disable-line RULES -->``;
RULES are codes or names separated by spaces or commas, none meaning every rule.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from mwparserfromhell.nodes import Comment

from wikilint.document.article import Article
from wikilint.linter.finding import Finding

_DIRECTIVE = re.compile(
    r"\s*wikilint-(disable-next-line|disable-line|disable|enable)\b([^>]*?)\s*$", re.DOTALL
)


@dataclass
class Directive:
    """One suppression comment and the source range it silences."""

    kind: str
    rules: frozenset[str]
    start: int
    end: int
    scope_start: int
    scope_end: int
    used: bool = field(default=False, compare=False)

    def covers(self, finding: Finding) -> bool:
        in_scope = self.scope_start <= finding.location.offset < self.scope_end
        named = not self.rules or finding.code in self.rules or finding.rule in self.rules
        return in_scope and named

    @property
    def text(self) -> str:
        names = " ".join(sorted(self.rules))
        return f"wikilint-{self.kind}{' ' + names if names else ''}"


def parse_directives(article: Article) -> list[Directive]:
    """Every suppression directive of an article, with the range each one covers."""
    directives: list[Directive] = []
    open_ranges: list[Directive] = []
    for comment in article.nodes(Comment):
        match = _DIRECTIVE.match(comment.contents)
        if match is None:
            continue
        kind = match.group(1)
        rules = frozenset(name for name in re.split(r"[\s,]+", match.group(2)) if name)
        start, end = article.span(comment)
        line, _ = article.position(start)
        if kind == "disable-line":
            scope = (article.lines.line_start(line), article.lines.line_end(line) + 1)
        elif kind == "disable-next-line":
            if line < article.lines.line_count:
                scope = (article.lines.line_start(line + 1), article.lines.line_end(line + 1) + 1)
            else:
                scope = (end, end)
        elif kind == "disable":
            scope = (end, len(article.source) + 1)
        else:
            _close(open_ranges, rules, start)
            continue
        directive = Directive(kind, rules, start, end, *scope)
        directives.append(directive)
        if kind == "disable":
            open_ranges.append(directive)
    return directives


def _close(open_ranges: list[Directive], rules: frozenset[str], at: int) -> None:
    """An ``enable`` ends the open ``disable`` ranges it names (all of them if bare)."""
    for directive in list(open_ranges):
        if not rules or directive.rules & rules or not directive.rules:
            directive.scope_end = min(directive.scope_end, at)
            open_ranges.remove(directive)


def apply_suppressions(findings: Iterable[Finding], directives: list[Directive]) -> list[Finding]:
    """Findings no directive covers; marks the directives that silenced something."""
    kept = []
    for finding in findings:
        covering = [directive for directive in directives if directive.covers(finding)]
        for directive in covering:
            directive.used = True
        if not covering:
            kept.append(finding)
    return kept
