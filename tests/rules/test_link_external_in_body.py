from helpers import FIXTURES, positions, read, run_rule

from wikilint.rules.links.external_link_in_body import ExternalLinkInBody


def test_external_link_in_prose_is_reported() -> None:
    source = "Lead.\n\nThe band released a [http://example.org free single] in 2001.\n"
    findings = run_rule(ExternalLinkInBody, source)
    assert positions(findings) == [("WL502", 3, 21)]
    assert findings[0].location.end_column == 53


def test_links_in_external_links_and_reference_sections_are_fine() -> None:
    source = (
        "Lead.\n\n== External links ==\n[http://example.org Official website]\n\n"
        "== Weblinks ==\n[http://example.de Offizielle Website]\n\n"
        "== Further reading ==\nSmith, [http://example.org A book], 2001.\n"
    )
    assert run_rule(ExternalLinkInBody, source) == []


def test_links_in_refs_templates_lists_and_tables_are_fine() -> None:
    source = (
        "A claim.<ref>[http://example.org Source]</ref>\n"
        "{{Official website|[http://example.org x]}}\n"
        "* [http://example.org Item]\n"
        "{|\n| [http://example.org Cell]\n|}\n"
    )
    assert run_rule(ExternalLinkInBody, source) == []


def test_fixture_links_in_the_body() -> None:
    findings = run_rule(ExternalLinkInBody, read(FIXTURES / "en/Polish notation.wiki"))
    assert positions(findings) == [("WL502", 21, 351), ("WL502", 52, 274)]


def test_localized_external_links_section_is_recognized() -> None:
    source = "Tekst.\n\n== Slóðir ==\n[http://www.klaksvik.fo Heimasíðan]\n"
    assert run_rule(ExternalLinkInBody, source) == []


def test_link_in_a_ref_the_parser_left_as_text_is_fine() -> None:
    # A later unclosed '' makes mwparserfromhell leave this <ref> as text.
    source = "Text.<ref name=H>''[http://a.org x] ''B''. C.</ref>\n\nLater ''open\n\n''x'' y\n"
    assert run_rule(ExternalLinkInBody, source) == []
