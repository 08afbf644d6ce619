from helpers import fixture_articles, positions, read, run_rule

from wikilint.rules.references.undefined_named_ref import UndefinedNamedRef


def test_reuse_without_definition_is_reported_once_with_the_others_related() -> None:
    source = 'A.<ref name=atlas />\nB.<ref name="atlas"/> C.<ref name=x>X</ref><ref name=x/>\n'
    findings = run_rule(UndefinedNamedRef, source)
    assert positions(findings) == [("WL302", 1, 3)]
    assert findings[0].message == "named ref 'atlas' is reused but never defined"
    assert [r.location.line for r in findings[0].related] == [2]


def test_real_articles_define_what_they_reuse() -> None:
    paths = fixture_articles()
    assert paths, "tests/fixtures holds no articles"
    for path in paths:
        assert run_rule(UndefinedNamedRef, read(path)) == [], path.name
