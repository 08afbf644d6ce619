import pytest
from helpers import SEED, positions, read, run_rule

from wikilint.linter.finding import Applicability
from wikilint.rules.links.fixed_image_size import FixedImageSize, upright


def test_seed_thumbnail_size_is_reported_at_the_size() -> None:
    source = read(SEED)
    findings = run_rule(FixedImageSize, source)
    assert positions(findings) == [("WL504", 2, 44)]
    assert findings[0].message == "fixed size '250px' on a thumbnail; use upright= instead"
    finding = findings[0]
    assert source[finding.location.offset : finding.location.end_offset] == "250px"
    assert finding.fix is not None and finding.fix.applicability is Applicability.UNSAFE
    (edit,) = finding.fix.edits
    assert (edit.start, edit.end, edit.replacement) == (
        finding.location.offset,
        finding.location.end_offset,
        "upright=1.15",
    )


@pytest.mark.parametrize(
    ("width", "factor"), [(250, "1.15"), (300, "1.35"), (220, "1"), (170, "0.75"), (5, "0.05")]
)
def test_upright_rounds_to_steps_of_0_05(width: int, factor: str) -> None:
    assert upright(width) == factor
