from helpers import FIXTURES, positions, read, run_rule

from wikilint.rules.headings.heading_trailing_colon import HeadingTrailingColon


def test_trailing_colon_is_reported_at_the_colon_with_a_safe_fix() -> None:
    source = "Lead.\n== Works: ==\n* One\n"
    findings = run_rule(HeadingTrailingColon, source)
    assert positions(findings) == [("WL205", 2, 9)]
    (edit,) = findings[0].fix.edits
    assert source[: edit.start] + edit.replacement + source[edit.end :] == (
        "Lead.\n== Works ==\n* One\n"
    )


def test_full_width_colon_is_reported() -> None:
    assert positions(run_rule(HeadingTrailingColon, "==作品：==\n")) == [("WL205", 1, 5)]


def test_colons_inside_titles_and_in_text_are_fine() -> None:
    source = "Lead: text.\n== Star Wars: Episode I ==\nThe list:\n* a\n{{T|x=y:}}\n"
    assert run_rule(HeadingTrailingColon, source) == []


def test_vietnamese_fixture_heading_with_colon() -> None:
    findings = run_rule(HeadingTrailingColon, read(FIXTURES / "intl/vi/Máy tính.wiki"))
    assert positions(findings) == [("WL205", 61, 38)]
