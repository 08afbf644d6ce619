"""The sample article the project was created from yields every defect it holds."""

from __future__ import annotations

from helpers import SEED, read

from wikilint.document.article import Article
from wikilint.linter.engine import lint
from wikilint.linter.registry import discover
from wikilint.rules.content.unsourced_claim import UnsourcedClaim

DEFAULT_RULES = [rule() for rule in discover(plugins=False).rules if rule.enabled_by_default]
#: The rules on by default and unsourced-claim, off by default (--extend-select WL104).
RULES = [*DEFAULT_RULES, UnsourcedClaim()]


def test_the_sample_yields_every_defect_at_its_exact_position() -> None:
    source = read(SEED)
    findings = lint(Article(source, str(SEED)), RULES)
    found = {(f.rule, f.location.line, f.location.column) for f in findings}
    assert {
        ("duplicate-paragraph", 4, 1),  # line 4 repeats line 3 and goes on
        ("doubled-word", 3, 186),  # "all of all of", both copies of the paragraph
        ("doubled-word", 4, 186),
        ("empty-section", 5, 1),  # ==Conclusion== at the end
        ("missing-references-list", 4, 1924),  # a <ref> and no {{reflist}}
        ("double-hyphen-dash", 1, 266),  # "economically-- Stalin"
        ("fixed-image-size", 2, 44),  # thumbnail|250px
    } <= found
    # One finding for the whole sample (two of its three paragraphs cite nothing), naming
    # uncited sentences of lines 1 and 3; the closing <ref> of line 4 covers that line.
    [unsourced] = [f for f in findings if f.rule == "unsourced-claim"]
    named = [unsourced.location, *(related.location for related in unsourced.related)]
    assert sorted({location.line for location in named}) == [1, 3]
    dash = next(f for f in findings if f.rule == "double-hyphen-dash")
    assert source[dash.location.offset : dash.location.end_offset] == "--"
    size = next(f for f in findings if f.rule == "fixed-image-size")
    assert source[size.location.offset : size.location.end_offset] == "250px"
