"""WL415 duplicate-template-parameter on the issue's reproducer: a fix only for equal values."""

from __future__ import annotations

from helpers import run_rule

from wikilint.linter.finding import Applicability
from wikilint.linter.fixes import fix_source
from wikilint.rules.markup.duplicate_template_parameter import DuplicateTemplateParameter


def test_different_values_are_reported_without_a_fix() -> None:
    source = "{{x|a=1|a=2}}\n"
    (finding,) = run_rule(DuplicateTemplateParameter, source)
    assert (finding.location.offset, finding.location.end_offset, finding.fix) == (4, 7, None)
    assert finding.message == 'parameter "a" is given again later: this value is dropped'
    outcome = fix_source(source, "case.wiki", [DuplicateTemplateParameter()], None, unsafe=True)
    assert outcome.text == source


def test_equal_values_get_a_safe_deletion() -> None:
    source = "{{x|a=1|b=2|a= 1 }}\n"
    (finding,) = run_rule(DuplicateTemplateParameter, source)
    assert finding.fix is not None
    assert finding.fix.applicability is Applicability.SAFE
    outcome = fix_source(source, "case.wiki", [DuplicateTemplateParameter()], None)
    assert outcome.text == "{{x|b=2|a= 1 }}\n"
