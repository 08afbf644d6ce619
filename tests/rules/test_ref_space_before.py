from helpers import fixture_articles, positions, read, run_rule

from wikilint.linter.finding import Applicability
from wikilint.linter.fixes import apply_fixes
from wikilint.rules.references.space_before_ref import SpaceBeforeRef


def test_spaces_before_refs_and_ref_templates() -> None:
    source = "Paris. <ref>A</ref>  <ref name=b/>\nLyon,\t{{sfn|Smith|2001}} and {{efn|note}}.\n"
    findings = run_rule(SpaceBeforeRef, source)
    assert positions(findings) == [
        ("WL305", 1, 7), ("WL305", 1, 20), ("WL305", 2, 6), ("WL305", 2, 29),
    ]  # fmt: skip
    assert findings[1].location.end_column == 22
    assert all(f.fix and f.fix.applicability is Applicability.SAFE for f in findings)
    text, _ = apply_fixes(source, findings)
    assert text == "Paris.<ref>A</ref><ref name=b/>\nLyon,{{sfn|Smith|2001}} and{{efn|note}}.\n"


def test_no_fix_when_a_word_follows_the_ref() -> None:
    findings = run_rule(SpaceBeforeRef, "Paris <ref>A</ref>is big.\n")
    assert positions(findings) == [("WL305", 1, 6)] and findings[0].fix is None


def test_spaces_that_are_markup_are_fine() -> None:
    source = (
        "{| class=wikitable\n| <ref>A</ref>\n|-\n! Head || <ref>B</ref>\n|}\n"
        "* <ref>C</ref>\n:: <ref>D</ref>\n{{Infobox|pop= <ref>E</ref>}}\n"
        " <ref>F</ref>\nText.<ref>G</ref> More.<ref>H</ref><ref>I</ref>\n"
        "<nowiki>a <ref>x</ref></nowiki> <!-- a <ref>y</ref> -->\n"
    )
    assert run_rule(SpaceBeforeRef, source) == []


def test_fixture_articles() -> None:
    findings = {path.name: run_rule(SpaceBeforeRef, read(path)) for path in fixture_articles()}
    assert positions(findings.pop("Pear.wiki")) == [("WL305", 162, 68)]  # ...Organization]]'' <ref>
    assert positions(findings.pop("Pi Day.wiki")) == [
        ("WL305", 9, 58), ("WL305", 50, 236), ("WL305", 50, 292),
    ]  # fmt: skip
    assert positions(findings.pop("Máy tính.wiki")) == [("WL305", 28, 800), ("WL305", 28, 2147)]
    assert all(found == [] for found in findings.values()), findings
