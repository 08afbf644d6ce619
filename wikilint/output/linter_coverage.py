"""Which categories of MediaWiki's Linter (Parsoid) the rules cover, in one line."""

from __future__ import annotations

from collections.abc import Iterable

from wikilint.linter.rule import Rule

#: Parsoid 1.39's Linter categories that no rule covers, each with the reason. Categories of
#: later versions that need the rendered page (large-tables, duplicate-ids,
#: night-mode-unaware-background-color...) are not in 1.39.
UNCOVERED = {
    **dict.fromkeys(
        (
            "pwrap-bug-workaround",
            "tidy-whitespace-bug",
            "misc-tidy-replacement-issues",
            "multiline-html-table-in-list",
        ),
        "are rare (none on the shared corpus) and wait for a rule",
    ),
}


def coverage_line(rules: Iterable[type[Rule]]) -> str:
    """Covered Linter categories with their rules, then the others with why."""
    covered: dict[str, list[str]] = {}
    for rule in rules:
        if rule.linter_category is not None:
            covered.setdefault(rule.linter_category, []).append(rule.code)
    reasons: dict[str, list[str]] = {}
    for category, reason in UNCOVERED.items():
        if category not in covered:
            reasons.setdefault(reason, []).append(category)
    done = ", ".join(f"{name} ({'+'.join(codes)})" for name, codes in sorted(covered.items()))
    left = "; ".join(f"{', '.join(names)} {why}" for why, names in reasons.items())
    return f"Parsoid Linter categories covered: {done}. Not covered: {left}."
