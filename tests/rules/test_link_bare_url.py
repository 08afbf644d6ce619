"""WL501 bare-url beyond its table of cases (cases/WL501.toml): spans and real articles."""

from helpers import fixture_articles, positions, read, run_rule

from wikilint.rules.links.bare_url import BareUrl


def test_bare_url_in_prose_is_reported() -> None:
    source = "Lead.\n\nResults are at https://example.org/results every week.\n"
    findings = run_rule(BareUrl, source)
    assert positions(findings) == [("WL501", 3, 16)]
    assert findings[0].location.end_column == 43
    assert findings[0].message == "bare URL in running text"


def test_real_articles_have_no_bare_urls() -> None:
    paths = fixture_articles()
    assert paths
    for path in paths:
        assert run_rule(BareUrl, read(path)) == [], path.name
