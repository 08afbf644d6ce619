"""WL503 overlinking beyond its table of cases (cases/WL503.toml): the related first link
and a real article."""

from helpers import FIXTURES, positions, read, run_rule

from wikilint.rules.links.overlinking import Overlinking


def test_second_link_in_a_section_is_reported_with_the_first() -> None:
    source = "[[Paris]] is large.\nMany people visit [[Paris|the city]] each year.\n"
    findings = run_rule(Overlinking, source)
    assert positions(findings) == [("WL503", 2, 19)]
    assert findings[0].related[0].location.column == 1
    assert findings[0].message == "'Paris' is already linked earlier in this section"


def test_duplicate_links_in_a_non_english_article() -> None:
    findings = run_rule(Overlinking, read(FIXTURES / "intl/af/Groot-Brittanje.wiki"))
    assert positions(findings) == [("WL503", 55, 409), ("WL503", 57, 358)]
