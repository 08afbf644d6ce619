"""WL207 malformed-heading on real articles; the snippet cases are in cases/WL207.toml."""

from helpers import fixture_articles, read, run_rule

from wikilint.rules.headings.malformed_heading import MalformedHeading


def test_real_articles_have_well_formed_headings() -> None:
    paths = fixture_articles()
    assert paths, "tests/fixtures holds no articles"
    for path in paths:
        assert run_rule(MalformedHeading, read(path)) == [], path.name


def test_a_heading_with_a_full_stop_after_it_in_a_real_article_is_reported() -> None:
    source = read(fixture_articles("en/Pear.wiki")[0]) + "\n==Notes==.\nText.\n"
    (finding,) = run_rule(MalformedHeading, source)
    assert finding.message == (
        "text after the closing '=' signs: this line is not rendered as a heading"
    )
