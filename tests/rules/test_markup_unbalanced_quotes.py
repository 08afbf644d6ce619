"""WL407 unbalanced-quotes beyond its table of cases (cases/WL407.toml): spans and real
articles."""

from helpers import fixture_articles, positions, read, run_rule

from wikilint.rules.markup.unbalanced_quotes import UnbalancedQuotes


def test_open_italic_and_bold_are_reported_where_they_open() -> None:
    source = "The album ''Blue was released.\nA '''bold claim and ''x''.\nFine ''a'' '''b'''.\n"
    findings = run_rule(UnbalancedQuotes, source)
    assert positions(findings) == [("WL407", 1, 11), ("WL407", 2, 3)]
    assert [f.message for f in findings] == [
        "italic opened here is not closed on this line",
        "bold opened here is not closed on this line",
    ]
    assert findings[1].location.end_column == 6


def test_real_articles() -> None:
    paths = fixture_articles()
    assert paths
    for path in paths:
        assert run_rule(UnbalancedQuotes, read(path)) == [], path.name
