"""WL202 heading-level-skip on real articles; the snippet cases are in cases/WL202.toml."""

from helpers import FIXTURES, read, run_rule

from wikilint.rules.headings.heading_level_skip import HeadingLevelSkip

REAL = ("en/Pear.wiki", "intl/ja/形式言語.wiki", "intl/uk/1927.wiki")


def test_real_articles_have_a_clean_outline() -> None:
    for name in REAL:
        assert run_rule(HeadingLevelSkip, read(FIXTURES / name)) == [], name


def test_a_real_article_opening_at_level_four_skips_two_levels() -> None:
    (finding,) = run_rule(HeadingLevelSkip, "==== Notes ====\n" + read(FIXTURES / REAL[0]))
    assert (finding.location.line, finding.location.column) == (1, 1)
    assert finding.message == "level-4 heading follows level 1; use level 2"
