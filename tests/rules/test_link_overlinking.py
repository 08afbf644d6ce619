from helpers import FIXTURES, positions, read, run_rule

from wikilint.rules.links.overlinking import Overlinking


def test_second_link_in_a_section_is_reported_with_the_first() -> None:
    source = "[[Paris]] is large.\nMany people visit [[Paris|the city]] each year.\n"
    findings = run_rule(Overlinking, source)
    assert positions(findings) == [("WL503", 2, 19)]
    assert findings[0].related[0].location.column == 1
    assert findings[0].message == "'Paris' is already linked earlier in this section"


def test_targets_are_normalized_like_mediawiki() -> None:
    source = "[[New York City]] and [[new_York  City]] and [[New York City#History|x]].\n"
    assert positions(run_rule(Overlinking, source)) == [("WL503", 1, 23)]


def test_links_in_different_sections_are_fine() -> None:
    source = "[[Paris]] is large.\n\n== Tourism ==\nVisitors love [[Paris]].\n"
    assert run_rule(Overlinking, source) == []


def test_repeats_outside_running_text_are_fine() -> None:
    source = (
        "[[Paris]] is large.<ref>[[Paris]] guide</ref>\n"
        "{{Infobox city|name=[[Paris]]}}\n"
        "* [[Paris]] in a list\n"
        "{|\n| [[Paris]]\n|}\n"
        "[[File:Paris.jpg|thumb|[[Paris]] at night]]\n"
        "[[Category:Paris]] [[de:Paris]] [[fr:Paris]]\n"
    )
    assert run_rule(Overlinking, source) == []


def test_files_categories_and_section_links_are_not_targets() -> None:
    source = "See [[#History]] and [[#History]]. [[File:A.jpg]] [[File:A.jpg]]\n"
    assert run_rule(Overlinking, source) == []


def test_duplicate_links_in_a_non_english_article() -> None:
    findings = run_rule(Overlinking, read(FIXTURES / "intl/af/Groot-Brittanje.wiki"))
    assert positions(findings) == [("WL503", 55, 409), ("WL503", 57, 358)]
