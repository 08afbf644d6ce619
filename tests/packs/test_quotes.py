"""Quotations that packs and typography rules leave alone, and apostrophes that are text."""

from __future__ import annotations

import pytest

from wikilint.analysis.quotations import quoted_spans


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ('He called it "legendary" and left.', ['"legendary"']),
        ("Es hieß „groß“ und «grand» et ‘tiny’.", ["„groß“", "«grand»", "‘tiny’"]),
        ("He said 'well , no' and left.", ["'well , no'"]),
        ("He said 'don't go' twice.", ["'don't go'"]),
        ("The '90s were 'great' times.", ["'great'"]),
        ('An "unclosed quote stays text.', []),
    ],
)
def test_quotations(text: str, quoted: list[str]) -> None:
    assert [text[start:end] for start, end in quoted_spans(text)] == quoted


@pytest.mark.parametrize(
    "text",
    [
        "It's the dog's bone, which is theirs.",
        "The dogs' bones and the cats' toys.",
        "'Tis the season, rock 'n' roll aside.",
        "O'Brien and D'Arcy met at Hunt's.",
        "The '60s bands' music, the '90s.",
    ],
)
def test_apostrophes_quote_nothing(text: str) -> None:
    assert quoted_spans(text) == []
