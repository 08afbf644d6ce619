from helpers import fixture_articles, positions, read, run_rule

from wikilint.rules.references.duplicate_ref_content import DuplicateRefContent


def test_later_copies_are_reported_with_the_first() -> None:
    source = (
        "A.<ref>Atlas,  p. 4.</ref>\nB.<ref>Atlas, p. 4.</ref> C.<ref name=z>Atlas, p. 4.</ref>\n"
    )
    findings = run_rule(DuplicateRefContent, source)
    assert positions(findings) == [("WL303", 2, 3), ("WL303", 2, 29)]
    assert [r.location.column for f in findings for r in f.related] == [3, 3]


def test_same_name_same_content_back_references_and_groups_are_fine() -> None:
    for source in (
        "A.<ref name=a>Atlas.</ref> B.<ref name=a>Atlas.</ref>\n",
        "A.<ref>Ibid.</ref> B.<ref>ibid</ref> C.<ref>Id.</ref> D.<ref>Id.</ref>\n",
        'A.<ref group="n">Atlas.</ref> B.<ref>Atlas.</ref>\n',
        "A.<ref>Atlas, p. 4.</ref> B.<ref>Atlas, p. 5.</ref> <ref name=x/><ref name=x/>\n",
    ):
        assert run_rule(DuplicateRefContent, source) == [], source


def test_fixture_articles() -> None:
    for path in fixture_articles():
        assert run_rule(DuplicateRefContent, read(path)) == [], path.name
