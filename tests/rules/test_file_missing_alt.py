from helpers import FIXTURES, positions, read, run_rule

from wikilint.rules.links.missing_alt_text import MissingAltText


def test_image_without_alt_is_reported_at_the_file_name() -> None:
    findings = run_rule(MissingAltText, "Text.\n[[File:Pear.jpg|thumb|A pear]]\n")
    assert positions(findings) == [("WL505", 2, 3)]
    assert findings[0].location.end_column == 16
    assert findings[0].message == "image has no alt= text"


def test_off_by_default_and_finds_the_fixture_images() -> None:
    assert MissingAltText.enabled_by_default is False
    findings = run_rule(MissingAltText, read(FIXTURES / "en/Primary school.wiki"))
    assert positions(findings) == [("WL505", 3, 3)]
