from helpers import FIXTURES, positions, read, run_rule

from wikilint.rules.headings.heading_level_skip import HeadingLevelSkip


def test_skipped_level_is_reported_at_the_heading() -> None:
    source = "Lead.\n\n== A ==\nText.\n\n==== B ====\nText.\n\n=== C ===\nText.\n"
    findings = run_rule(HeadingLevelSkip, source)
    assert positions(findings) == [("WL202", 6, 1)]
    assert findings[0].message == "level-4 heading follows level 2; use level 3"
    assert findings[0].location.end_column == 12


def test_first_heading_below_level_two_is_a_skip() -> None:
    assert positions(run_rule(HeadingLevelSkip, "Lead.\n=== A ===\nText.\n")) == [("WL202", 2, 1)]


def test_going_back_up_any_number_of_levels_is_fine() -> None:
    source = "== A ==\n=== B ===\n==== C ====\n== D ==\n=== E ===\n"
    assert run_rule(HeadingLevelSkip, source) == []


def test_heading_like_text_in_templates_and_tables_is_ignored() -> None:
    source = "== A ==\n{{Quote|\n==== not a heading ====\n}}\n{|\n|-\n| ==== cell ====\n|}\n"
    assert run_rule(HeadingLevelSkip, source) == []


def test_real_articles_have_a_clean_outline() -> None:
    for name in ("en/Pear.wiki", "intl/ja/形式言語.wiki", "intl/uk/1927.wiki"):
        assert run_rule(HeadingLevelSkip, read(FIXTURES / name)) == [], name
