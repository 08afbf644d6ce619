"""The one line of ``wikilint rules`` that says which Linter categories are covered."""

from __future__ import annotations

from wikilint.linter.registry import discover
from wikilint.output.linter_coverage import PARSOID_CATEGORIES, coverage_line


def test_every_category_of_parsoid_1_39_has_a_rule() -> None:
    rules = discover(plugins=False).rules
    covered = {rule.linter_category for rule in rules} - {None}
    assert covered == set(PARSOID_CATEGORIES)
    line = coverage_line(rules)
    assert "missing-end-tag (WL403+WL407+WL408)" in line
    assert "fostered (WL422)" in line and "have no rule yet" not in line
    assert line.endswith(
        "Not covered: duplicate-ids, empty-heading, large-tables, missing-end-tag-in-heading, "
        "missing-image-alt-text, night-mode-unaware-background-color are categories of "
        "Parsoids after 1.39, which it never emits."
    )


def test_a_category_without_a_rule_is_named_with_why() -> None:
    rules = [rule for rule in discover(plugins=False).rules if rule.code != "WL422"]
    line = coverage_line(rules)
    assert "fostered (" not in line
    assert "Not covered: fostered have no rule yet; duplicate-ids" in line
