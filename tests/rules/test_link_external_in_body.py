"""WL502 external-link-in-body beyond its table of cases (cases/WL502.toml): spans and a
real article."""

from helpers import FIXTURES, positions, read, run_rule

from wikilint.rules.links.external_link_in_body import ExternalLinkInBody


def test_external_link_in_prose_is_reported() -> None:
    source = "Lead.\n\nThe band released a [http://example.org free single] in 2001.\n"
    findings = run_rule(ExternalLinkInBody, source)
    assert positions(findings) == [("WL502", 3, 21)]
    assert findings[0].location.end_column == 53
    assert findings[0].message == "external link in the article body"


def test_fixture_links_in_the_body() -> None:
    findings = run_rule(ExternalLinkInBody, read(FIXTURES / "en/Polish notation.wiki"))
    assert positions(findings) == [("WL502", 21, 351), ("WL502", 52, 274)]


def test_a_source_label_far_from_its_link_is_read_only_so_far() -> None:
    # The label is looked for within a bounded reach of the link: a long line is prose.
    line = "Source: " + "x" * 100 + " [http://example.org a report]\n"
    assert positions(run_rule(ExternalLinkInBody, line)) == [("WL502", 1, 110)]
