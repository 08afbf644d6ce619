"""WL428 invalid-attribute: which findings carry the safe deletion."""

from __future__ import annotations

from helpers import run_rule

from wikilint.linter.finding import Applicability
from wikilint.linter.fixes import fix_source
from wikilint.rules.markup.invalid_attribute import InvalidAttribute

# Audi (shared corpus): a row's label written after "|-", which MediaWiki drops.
BARE_WORDS = '{| class="wikitable"\n|-CAR 1\n| Length | 5\n|}\n'


def test_bare_words_on_table_markup_are_reported_without_a_fix() -> None:
    findings = run_rule(InvalidAttribute, BARE_WORDS)
    assert [(f.location.line, f.location.column, f.fix) for f in findings] == [
        (2, 3, None),
        (2, 7, None),
        (3, 3, None),
    ]
    outcome = fix_source(BARE_WORDS, "case.wiki", [InvalidAttribute()], None, unsafe=True)
    assert outcome.text == BARE_WORDS


def test_a_valued_attribute_on_table_markup_gets_a_safe_deletion() -> None:
    (finding,) = run_rule(InvalidAttribute, "{|\n| width=2% textalign=center | x\n|}\n")
    assert finding.fix is not None
    assert finding.fix.applicability is Applicability.SAFE
    assert [(edit.start, edit.end, edit.replacement) for edit in finding.fix.edits] == [
        (13, 30, "")
    ]
