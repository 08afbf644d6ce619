"""WL205 heading-trailing-colon on real articles; the snippet cases are in cases/WL205.toml."""

from helpers import FIXTURES, positions, read, run_rule

from wikilint.rules.headings.heading_trailing_colon import HeadingTrailingColon


def test_vietnamese_fixture_heading_with_colon() -> None:
    findings = run_rule(HeadingTrailingColon, read(FIXTURES / "intl/vi/Máy tính.wiki"))
    assert positions(findings) == [("WL205", 61, 38)]
    assert findings[0].message == "heading ends with a colon"
