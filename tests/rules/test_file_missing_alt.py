from helpers import FIXTURES, positions, read, run_rule

from wikilint.rules.links.missing_alt_text import MissingAltText


def test_image_without_alt_is_reported_at_the_file_name() -> None:
    findings = run_rule(MissingAltText, "Text.\n[[File:Pear.jpg|thumb|A pear]]\n")
    assert positions(findings) == [("WL505", 2, 3)]
    assert findings[0].location.end_column == 16


def test_alt_text_decorative_images_and_file_page_links_are_fine() -> None:
    source = (
        "[[File:Pear.jpg|thumb|alt=A green pear|A pear]]\n"
        "[[File:Divider.svg| link = ]]\n"
        "[[:File:Pear.jpg]] [[Category:Pears]]\n"
        "[[ファイル:A.jpg|thumb|代替文=ナシ|説明]]\n"
    )
    assert run_rule(MissingAltText, source) == []


def test_off_by_default_and_finds_the_fixture_images() -> None:
    assert MissingAltText.enabled_by_default is False
    findings = run_rule(MissingAltText, read(FIXTURES / "en/Primary school.wiki"))
    assert positions(findings) == [("WL505", 3, 3)]
