from helpers import FIXTURES, positions, read, run_rule

from wikilint.rules.headings.level_one_heading import LevelOneHeading


def test_level_one_heading_is_reported() -> None:
    findings = run_rule(LevelOneHeading, "Lead.\n\n= History =\nText.\n== Early ==\n")
    assert positions(findings) == [("WL203", 3, 1)]
    assert findings[0].location.end_column == 12


def test_unbalanced_heading_is_left_to_malformed_heading() -> None:
    assert run_rule(LevelOneHeading, "Lead.\n== History =\nText.\n") == []


def test_level_two_and_equals_in_text_are_fine() -> None:
    source = "Lead with x = y.\n== History ==\n<math>\n= x\n</math>\n{{T|a=b}}\n"
    assert run_rule(LevelOneHeading, source) == []


def test_real_articles_have_no_level_one_headings() -> None:
    for name in ("en/Toronto Star.wiki", "intl/de/Keilwelle.wiki", "intl/bn/প্রকৃতি.wiki"):
        assert run_rule(LevelOneHeading, read(FIXTURES / name)) == [], name
