from helpers import fixture_articles, positions, read, run_rule

from wikilint.rules.references.duplicate_ref_content import DuplicateRefContent


def test_later_copies_are_reported_with_the_first() -> None:
    source = (
        "A.<ref>Atlas,  p. 4.</ref>\nB.<ref>Atlas, p. 4.</ref> C.<ref name=z>Atlas, p. 4.</ref>\n"
    )
    findings = run_rule(DuplicateRefContent, source)
    assert positions(findings) == [("WL303", 2, 3), ("WL303", 2, 29)]
    assert [r.location.column for f in findings for r in f.related] == [3, 3]
    assert findings[0].message == "same content as an earlier ref: name that one and reuse it here"


def test_fixture_articles() -> None:
    paths = fixture_articles()
    assert paths, "tests/fixtures holds no articles"
    for path in paths:
        assert run_rule(DuplicateRefContent, read(path)) == [], path.name
