from helpers import fixture_articles, positions, read, run_rule

from wikilint.rules.headings.malformed_heading import MalformedHeading


def test_text_after_the_closing_signs_is_reported_over_the_line() -> None:
    findings = run_rule(MalformedHeading, "Lead.\n==History==.\nText.\n")
    assert positions(findings) == [("WL207", 2, 1)]
    assert findings[0].location.end_column == 13


def test_unclosed_and_unbalanced_headings_are_reported() -> None:
    source = "Lead.\n==History\nText.\n== Reception =\nMore.\n"
    assert positions(run_rule(MalformedHeading, source)) == [("WL207", 2, 1), ("WL207", 4, 1)]


def test_markup_after_the_heading_is_reported() -> None:
    source = "==History==<ref>x</ref>\n"
    assert positions(run_rule(MalformedHeading, source)) == [("WL207", 1, 1)]


def test_comments_and_spaces_after_a_heading_are_fine() -> None:
    source = "== History == <!-- old -->  \nText.\n== Reception ==\t\n"
    assert run_rule(MalformedHeading, source) == []


def test_equals_signs_that_are_not_at_the_top_level_are_fine() -> None:
    source = (
        "Lead with x = y and == here.\n{{Infobox\n| name = A\n=== not a heading\n}}\n"
        "{|\n|-\n| = cell\n|}\n<math>\n= x\n</math>\n<ref>\n=x\n</ref>\n"
    )
    assert run_rule(MalformedHeading, source) == []


def test_real_articles_have_well_formed_headings() -> None:
    for path in fixture_articles():
        assert run_rule(MalformedHeading, read(path)) == [], path.name
