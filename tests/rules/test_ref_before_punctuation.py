from helpers import fixture_articles, positions, read, run_rule

from wikilint.linter.finding import Applicability
from wikilint.linter.fixes import apply_fixes
from wikilint.rules.references.ref_before_punctuation import RefBeforePunctuation


def test_marker_runs_before_punctuation_are_reported_and_moved() -> None:
    source = "Paris<ref>A</ref>. Lyon<ref>B</ref> <ref name=c/>{{sfn|S|2001}}, Nice{{efn|n}}?!\n"
    findings = run_rule(RefBeforePunctuation, source)
    assert positions(findings) == [("WL306", 1, 6), ("WL306", 1, 24), ("WL306", 1, 70)]
    assert findings[0].location.end_column == 19
    assert all(f.fix and f.fix.applicability is Applicability.SAFE for f in findings)
    text, _ = apply_fixes(source, findings)
    assert (
        text == "Paris.<ref>A</ref> Lyon,<ref>B</ref> <ref name=c/>{{sfn|S|2001}} Nice?!{{efn|n}}\n"
    )
    assert findings[0].message == "footnote marker before '.': put the punctuation first"
    assert sorted(text) == sorted(source)  # characters are moved, never added or lost


def test_english_only() -> None:
    assert RefBeforePunctuation.languages == frozenset({"en"})
    paths = fixture_articles("en/*.wiki")
    assert paths, "tests/fixtures holds no English articles"
    for path in paths:
        assert run_rule(RefBeforePunctuation, read(path)) == [], path.name
