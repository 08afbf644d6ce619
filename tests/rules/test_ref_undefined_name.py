from helpers import fixture_articles, positions, read, run_rule

from wikilint.rules.references.undefined_named_ref import UndefinedNamedRef


def test_reuse_without_definition_is_reported_once_with_the_others_related() -> None:
    source = 'A.<ref name=atlas />\nB.<ref name="atlas"/> C.<ref name=x>X</ref><ref name=x/>\n'
    findings = run_rule(UndefinedNamedRef, source)
    assert positions(findings) == [("WL302", 1, 3)]
    assert findings[0].message == "named ref 'atlas' is reused but never defined"
    assert [r.location.line for r in findings[0].related] == [2]


def test_empty_named_ref_is_a_reuse() -> None:
    assert positions(run_rule(UndefinedNamedRef, "A.<ref name=a></ref>\n")) == [("WL302", 1, 3)]


def test_groups_are_separate() -> None:
    source = 'A.<ref name=a group="n">X</ref> B.<ref name=a />\n'
    assert positions(run_rule(UndefinedNamedRef, source)) == [("WL302", 1, 35)]


def test_definitions_anywhere_count() -> None:
    for source in (
        "A.<ref name=a/>\n\n{{Reflist|refs=\n<ref name=a>Atlas.</ref>\n}}\n",
        'A.<ref name=a/>\n\n<references>\n<ref name="a">Atlas.</ref>\n</references>\n',
        "A.<ref name=a/> B.<ref name = 'a' >Atlas.</ref>\n",
        "A.{{efn|name=n|A note.}} B.<ref name=n/>\n",
        "{{Infobox|pop=5<ref name=a>X</ref>}}\nA.<ref name=a/>\n",
    ):
        assert run_rule(UndefinedNamedRef, source) == [], source


def test_real_articles_define_what_they_reuse() -> None:
    for path in fixture_articles():
        assert run_rule(UndefinedNamedRef, read(path)) == [], path.name
