from helpers import fixture_articles, positions, read, run_rule

from wikilint.rules.references.empty_ref import EmptyRef


def test_refs_without_content_or_name() -> None:
    source = "A.<ref></ref> B.<ref> \n </ref>\nC.<ref/> D.<ref group=n></ref>\n"
    assert positions(run_rule(EmptyRef, source)) == [
        ("WL304", 1, 3), ("WL304", 1, 17), ("WL304", 3, 3), ("WL304", 3, 12),
    ]  # fmt: skip


def test_named_reuses_and_real_refs_are_fine() -> None:
    source = (
        "A.<ref name=a>X</ref> B.<ref name=a></ref> C.<ref name=a/> <ref>{{cite web|url=x}}</ref>\n"
    )
    assert run_rule(EmptyRef, source) == []
    for path in fixture_articles():
        assert run_rule(EmptyRef, read(path)) == [], path.name
