from helpers import FIXTURES, positions, read, run_rule

from wikilint.linter.finding import Applicability
from wikilint.rules.headings.bold_heading import BoldHeading


def test_bold_in_a_heading_is_reported_with_a_safe_fix() -> None:
    source = "Lead.\n== '''History''' ==\nText.\n"
    findings = run_rule(BoldHeading, source)
    assert positions(findings) == [("WL204", 2, 4)]
    fix = findings[0].fix
    assert fix is not None and fix.applicability is Applicability.SAFE
    (edit,) = fix.edits
    assert source[: edit.start] + edit.replacement + source[edit.end :] == (
        "Lead.\n== History ==\nText.\n"
    )


def test_html_bold_and_partial_bold_are_reported() -> None:
    source = "== <b>A</b> ==\n=== The '''B''' years ===\n"
    assert positions(run_rule(BoldHeading, source)) == [("WL204", 1, 4), ("WL204", 2, 9)]


def test_italics_and_bold_outside_headings_are_fine() -> None:
    source = "'''Lead''' text.\n== ''Titanic'' (film) ==\n{{Quote|'''x'''}}\n"
    assert run_rule(BoldHeading, source) == []


def test_real_articles_have_no_bold_headings() -> None:
    for name in ("en/Phonation.wiki", "intl/vi/Máy tính.wiki", "intl/el/1936.wiki"):
        assert run_rule(BoldHeading, read(FIXTURES / name)) == [], name


def test_bold_italic_and_unclosed_bold_keep_the_rest_of_the_markup() -> None:
    source = "== '''''Titanic''''' (film) ==\n=== l'''Encyclopédie'' ===\n== '''Open ==\n"
    findings = run_rule(BoldHeading, source)
    assert positions(findings) == [("WL204", 1, 4), ("WL204", 3, 4)]
    fixed = source
    for finding in reversed(findings):
        assert finding.fix is not None
        (edit,) = finding.fix.edits
        fixed = fixed[: edit.start] + edit.replacement + fixed[edit.end :]
    assert fixed == "== ''Titanic'' (film) ==\n=== l'''Encyclopédie'' ===\n== Open ==\n"
