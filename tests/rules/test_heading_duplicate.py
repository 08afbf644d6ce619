"""WL206 duplicate-heading on real articles; the snippet cases are in cases/WL206.toml."""

from helpers import FIXTURES, read, run_rule

from wikilint.rules.headings.duplicate_heading import DuplicateHeading

REAL = ("en/List of British films of 2014.wiki", "intl/af/Groot-Brittanje.wiki")


def test_real_articles_have_no_duplicate_siblings() -> None:
    for name in REAL:
        assert run_rule(DuplicateHeading, read(FIXTURES / name)) == [], name


def test_a_repeated_last_section_of_a_real_article_is_reported() -> None:
    source = read(FIXTURES / REAL[1]) + "\n== Bronne ==\nA.\n== Bronne ==\nB.\n"
    findings = run_rule(DuplicateHeading, source)
    assert [finding.message for finding in findings][-1:] == [
        "duplicate section title 'Bronne' under the same parent"
    ]
