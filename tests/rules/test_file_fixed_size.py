import pytest
from helpers import SEED, positions, read, run_rule

from wikilint.linter.finding import Applicability
from wikilint.rules.links.fixed_image_size import FixedImageSize, upright


def test_seed_thumbnail_size_is_reported_at_the_size() -> None:
    source = read(SEED)
    findings = run_rule(FixedImageSize, source)
    assert positions(findings) == [("WL504", 2, 44)]
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


def test_localized_thumbnails_and_sizes_are_reported() -> None:
    source = (
        "[[Tập tin:A.jpg|nhỏ|phải|305px|Chú thích]]\n"
        "[[Datei:B.jpg|mini|200x300px|Text]]\n"
        "[[Файл:C.jpg|міні|x150px|Текст]]\n"
    )
    findings = run_rule(FixedImageSize, source)
    assert positions(findings) == [("WL504", 1, 26), ("WL504", 2, 20), ("WL504", 3, 19)]
    assert [f.fix.edits[0].replacement if f.fix else None for f in findings] == [
        "upright=1.4",
        "upright=0.9",
        None,
    ]


def test_sizes_that_are_not_on_thumbnails_are_fine() -> None:
    source = (
        "[[File:Flag.svg|20px]] an icon. [[File:A.jpg|thumb|upright=1.2|200px wide]]\n"
        "[[:File:A.jpg|thumb|250px]] [[Media:A.ogg|250px]]\n"
        "{{Infobox|image=A.jpg|image_size=250px}}\n"
        "<gallery>\nA.jpg|thumb|250px\n</gallery>\n"
    )
    assert run_rule(FixedImageSize, source) == []
