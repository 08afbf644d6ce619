"""Which categories of MediaWiki's Linter (Parsoid) the rules cover, in one line."""

from __future__ import annotations

from collections.abc import Iterable

from wikilint.linter.rule import Rule

#: Every category Parsoid 1.39 (MediaWiki 1.39, the reference of ``docs/parsoid.md``) emits.
PARSOID_CATEGORIES = (
    "bogus-image-options",
    "deletable-table-tag",
    "fostered",
    "html5-misnesting",
    "misc-tidy-replacement-issues",
    "misnested-tag",
    "missing-end-tag",
    "multi-colon-escape",
    "multiline-html-table-in-list",
    "multiple-unclosed-formatting-tags",
    "obsolete-tag",
    "pwrap-bug-workaround",
    "self-closed-tag",
    "stripped-tag",
    "tidy-font-bug",
    "tidy-whitespace-bug",
    "unclosed-quotes-in-heading",
    "wikilink-in-extlink",
)
#: Categories of later Parsoids, which 1.39 never emits, so no rule is checked against them.
LATER_CATEGORIES = (
    "duplicate-ids",
    "empty-heading",
    "large-tables",
    "missing-end-tag-in-heading",
    "missing-image-alt-text",
    "night-mode-unaware-background-color",
)


def coverage_line(rules: Iterable[type[Rule]]) -> str:
    """Covered Linter categories with their rules, then the others with why."""
    covered: dict[str, list[str]] = {}
    for rule in rules:
        if rule.linter_category is not None:
            covered.setdefault(rule.linter_category, []).append(rule.code)
    done = ", ".join(f"{name} ({'+'.join(codes)})" for name, codes in sorted(covered.items()))
    left = [
        f"{', '.join(names)} {why}"
        for names, why in (
            ([name for name in PARSOID_CATEGORIES if name not in covered], "have no rule yet"),
            (LATER_CATEGORIES, "are categories of Parsoids after 1.39, which it never emits"),
        )
        if names
    ]
    return f"Parsoid Linter categories covered: {done}. Not covered: {'; '.join(left)}."
