"""WL304 empty-ref on real articles; the snippet cases are in cases/WL304.toml."""

from helpers import fixture_articles, read, run_rule

from wikilint.rules.references.empty_ref import EmptyRef


def test_real_articles_have_no_empty_refs() -> None:
    paths = fixture_articles()
    assert paths, "tests/fixtures holds no articles"
    for path in paths:
        assert run_rule(EmptyRef, read(path)) == [], path.name


def test_an_empty_ref_added_to_a_real_article_is_reported() -> None:
    source = read(fixture_articles("en/Pear.wiki")[0]) + "\nA pear.<ref></ref>\n"
    (finding,) = run_rule(EmptyRef, source)
    assert finding.message == "ref has no content: add the citation"
