from helpers import fixture_articles, positions, read, run_rule

from wikilint.rules.links.bare_url import BareUrl


def test_bare_url_in_prose_is_reported() -> None:
    source = "Lead.\n\nResults are at https://example.org/results every week.\n"
    findings = run_rule(BareUrl, source)
    assert positions(findings) == [("WL501", 3, 16)]
    assert findings[0].location.end_column == 43


def test_bare_url_inside_italics_is_reported() -> None:
    assert positions(run_rule(BareUrl, "See ''http://example.org'' now.\n")) == [("WL501", 1, 7)]


def test_urls_outside_running_text_are_fine() -> None:
    source = (
        "A claim.<ref>http://example.org/a</ref> More.<ref name=b>see http://b.org</ref>\n"
        "{{cite web |url=http://example.org |title=T}}\n"
        "* http://example.org/list\n"
        "{|\n| http://example.org/cell\n|}\n"
        "A [http://example.org titled link] and [[File:X.jpg|thumb|http://x.org]].\n"
        "<!-- http://example.org -->\n"
        "{{Quote|http://example.org}}\n"
    )
    assert run_rule(BareUrl, source) == []


def test_url_in_a_ref_the_parser_left_as_text_is_fine() -> None:
    # A later unclosed '' makes mwparserfromhell leave this <ref> as text.
    source = "Text.<ref name=H>''http://a.org x ''B''. C.</ref>\n\nLater ''open\n\n''x'' y\n"
    assert run_rule(BareUrl, source) == []


def test_real_articles_have_no_bare_urls() -> None:
    for path in fixture_articles():
        assert run_rule(BareUrl, read(path)) == [], path.name
