"""WL204 bold-heading on real articles; the snippet cases are in cases/WL204.toml."""

from helpers import FIXTURES, read, run_rule

from wikilint.linter.finding import Applicability
from wikilint.rules.headings.bold_heading import BoldHeading

REAL = ("en/Phonation.wiki", "intl/vi/Máy tính.wiki", "intl/el/1936.wiki")


def test_real_articles_have_no_bold_headings() -> None:
    for name in REAL:
        assert run_rule(BoldHeading, read(FIXTURES / name)) == [], name


def test_a_bold_heading_added_to_a_real_article_has_a_safe_fix() -> None:
    source = read(FIXTURES / REAL[2]) + "\n== '''Πηγές''' ==\nΚείμενο.\n"
    (finding,) = run_rule(BoldHeading, source)
    assert finding.message == "bold markup in a heading"
    assert finding.fix is not None and finding.fix.applicability is Applicability.SAFE
