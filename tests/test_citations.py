"""Which sentences of a paragraph a citation ends or sits in."""

from __future__ import annotations

import pytest

from wikilint.analysis.citations import cited_sentences
from wikilint.document.article import Article


@pytest.mark.parametrize(
    ("source", "cited"),
    [
        ("One.<ref>A</ref> Two. Three.", [True, False, False]),
        ("One. Two.{{sfn|Smith|2001}} Three [http://example.org] ends.", [False, True, True]),
        ("One (Smith, 2001) ends. Two.", [True, False]),
        ("One. Two.\n<ref>A</ref>", [False, True]),
        ("One. Two.\n\n<ref>A</ref>", [False, False]),
        ("One. Two.{{efn|A note.}}", [False, False]),
    ],
)
def test_a_citation_counts_for_the_sentence_it_ends_or_sits_in(
    source: str, cited: list[bool]
) -> None:
    article = Article(source)
    assert cited_sentences(article, article.paragraphs[0]) == cited
