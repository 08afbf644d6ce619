"""Footnotes as the reference rules see them: names, groups and contents of ``<ref>``."""

from __future__ import annotations

from wikilint.analysis.footnotes import refs
from wikilint.document.article import Article


def described(source: str) -> list[tuple[str | None, str, str | None]]:
    return [(ref.name, ref.group, ref.content) for ref in refs(Article(source))]


def test_names_and_groups_lose_their_quotes_and_spaces() -> None:
    source = (
        "A.<ref name=\"smith 2001\">Smith.</ref> B.<ref name = ' x ' group=notes>N.</ref>"
        " C.<ref name=smith 2001 /> D.<ref>Plain.</ref>\n"
    )
    assert described(source) == [
        ("smith 2001", "", "Smith."),
        ("x", "notes", "N."),
        ("smith", "", None),  # unquoted: the name ends at the space, as MediaWiki reads it
        (None, "", "Plain."),
    ]


def test_the_last_attribute_of_a_name_wins_and_one_without_a_value_names_nothing() -> None:
    source = "A.<ref name=a name=b>X.</ref> B.<ref name>Y.</ref>\n"
    assert described(source) == [("b", "", "X."), (None, "", "Y.")]
