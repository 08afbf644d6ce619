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
    assert sorted(text) == sorted(source)  # characters are moved, never added or lost


def test_allowed_placements() -> None:
    source = (
        "Paris.<ref>A</ref> Lyon (a city<ref>B</ref>) is old<ref>C</ref> - and so on.\n"
        "Etc.<ref>D</ref>. Wait<ref>E</ref>... Pi is 3<ref>F</ref>.14 here\n"
        "; Term<ref>G</ref>: definition\n{|\n! A<ref>H</ref>!! B\n|}\n"
        "A line <ref>I</ref>.\n"
    )
    assert run_rule(RefBeforePunctuation, source) == []


def test_english_only() -> None:
    assert RefBeforePunctuation.languages == frozenset({"en"})
    for path in fixture_articles("en/*.wiki"):
        assert run_rule(RefBeforePunctuation, read(path)) == [], path.name
