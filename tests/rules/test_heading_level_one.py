"""WL203 level-one-heading on real articles; the snippet cases are in cases/WL203.toml."""

from helpers import FIXTURES, read, run_rule

from wikilint.rules.headings.level_one_heading import LevelOneHeading

REAL = ("en/Toronto Star.wiki", "intl/de/Keilwelle.wiki", "intl/bn/প্রকৃতি.wiki")


def test_real_articles_have_no_level_one_headings() -> None:
    for name in REAL:
        assert run_rule(LevelOneHeading, read(FIXTURES / name)) == [], name


def test_a_level_one_heading_added_to_a_real_article_is_reported() -> None:
    (finding,) = run_rule(LevelOneHeading, read(FIXTURES / REAL[1]) + "\n= Anhang =\nText.\n")
    assert finding.message == "level-1 heading in an article; use `==`"
