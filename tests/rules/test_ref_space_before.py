from helpers import fixture_articles, positions, read, run_rule

from wikilint.rules.references.space_before_ref import SpaceBeforeRef


def test_no_fix_when_a_word_follows_the_ref() -> None:
    findings = run_rule(SpaceBeforeRef, "Paris <ref>A</ref>is big.\n")
    assert positions(findings) == [("WL305", 1, 6)] and findings[0].fix is None
    assert findings[0].message == "space before a footnote marker"


def test_fixture_articles() -> None:
    findings = {path.name: run_rule(SpaceBeforeRef, read(path)) for path in fixture_articles()}
    assert positions(findings.pop("Pear.wiki")) == [("WL305", 162, 68)]  # ...Organization]]'' <ref>
    assert positions(findings.pop("Pi Day.wiki")) == [
        ("WL305", 9, 58), ("WL305", 50, 236), ("WL305", 50, 292),
    ]  # fmt: skip
    assert positions(findings.pop("Máy tính.wiki")) == [("WL305", 28, 800), ("WL305", 28, 2147)]
    assert all(found == [] for found in findings.values()), findings
