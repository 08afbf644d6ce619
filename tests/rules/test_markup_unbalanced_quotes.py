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


def test_lines_are_independent_even_when_the_parser_joins_them() -> None:
    source = "One ''a\ntwo b'' end.\n"
    assert positions(run_rule(UnbalancedQuotes, source)) == [("WL407", 1, 5), ("WL407", 2, 6)]


def test_ref_content_is_its_own_text() -> None:
    source = "A ''b'' c<ref>Smith, ''Title, 2001.</ref> d.\n"
    assert positions(run_rule(UnbalancedQuotes, source)) == [("WL407", 1, 22)]


def test_mediawiki_counting_rules() -> None:
    for source in (
        "l'''Encyclopédie'' est un livre.",  # bold read as apostrophe + italic
        "''a'' '''b''' '''''c''''' '''''d''' e''",
        "''''x''' is an apostrophe then bold.",
        "Rock 'n' roll, the 1990's, O'Brien's car.",
    ):
        assert run_rule(UnbalancedQuotes, source) == [], source


def test_templates_comments_and_verbatim_tags_are_left_out() -> None:
    source = (
        "A {{lang|fr|''x}} b <!-- ''c --> <nowiki>''d</nowiki> <math>f''(x)</math>\n"
        "<syntaxhighlight lang=python>s = ''</syntaxhighlight>\n"
    )
    assert run_rule(UnbalancedQuotes, source) == []


def test_whole_line_italic_is_allowed_unless_disabled() -> None:
    source = ":''A quoted verse\n* '''Term\n"
    assert run_rule(UnbalancedQuotes, source) == []
    strict = run_rule(UnbalancedQuotes, source, allow_whole_line=False)
    assert positions(strict) == [("WL407", 1, 2), ("WL407", 2, 3)]


def test_real_articles() -> None:
    for path in fixture_articles():
        assert run_rule(UnbalancedQuotes, read(path)) == [], path.name


def test_line_breaks_inside_refs_comments_and_links_end_no_line() -> None:
    # Backstepping: MediaWiki reads the ref as a one-line marker, so the italic is closed.
    source = (
        "This is known as ''backstepping.<ref name=K>{{cite book\n | last = Khalil\n"
        " | title = Nonlinear Systems}}</ref>'' Then more.\n"
        "* ''The [[Constant factor rule|constant division\n rule]]''\n"  # Differentiation rules
        "A ''b <!-- a\nnote --> c'' d.\n"
    )
    assert run_rule(UnbalancedQuotes, source) == []
    # A break of the text itself still ends the line.
    assert positions(run_rule(UnbalancedQuotes, "A ''b [[c]]\nd'' e.\n")) == [
        ("WL407", 1, 3),
        ("WL407", 2, 2),
    ]
