from helpers import FIXTURES, positions, read, run_rule

from wikilint.rules.headings.duplicate_heading import DuplicateHeading


def test_sibling_with_the_same_title_is_reported_with_the_first() -> None:
    source = "Lead.\n== History ==\nA.\n== Reception ==\nB.\n==History==\nC.\n"
    findings = run_rule(DuplicateHeading, source)
    assert positions(findings) == [("WL206", 6, 1)]
    assert findings[0].related[0].location.line == 2


def test_same_title_under_different_parents_is_fine() -> None:
    source = "== 2019 ==\n=== Results ===\nA.\n== 2020 ==\n=== Results ===\nB.\n"
    assert run_rule(DuplicateHeading, source) == []


def test_same_title_at_different_levels_is_fine() -> None:
    assert run_rule(DuplicateHeading, "== Music ==\n=== Music ===\nA.\n") == []


def test_titles_differing_in_case_are_different_sections() -> None:
    source = "== Uses of D ==\nA.\n== Uses of d ==\nB.\n"
    assert run_rule(DuplicateHeading, source) == []


def test_titles_compare_by_visible_text() -> None:
    source = "== [[Early life]] ==\nA.\n== Early  life ==\nB.\n"
    assert positions(run_rule(DuplicateHeading, source)) == [("WL206", 3, 1)]


def test_real_articles_have_no_duplicate_siblings() -> None:
    for name in ("en/List of British films of 2014.wiki", "intl/af/Groot-Brittanje.wiki"):
        assert run_rule(DuplicateHeading, read(FIXTURES / name)) == [], name
