"""WL201 empty-section."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import (
    SEED,
    fixture_articles,
    needs_corpus,
    parsed,
    pinned_corpus_articles,
    positions,
    read,
    run_rule,
)

from wikilint.document.article import Article
from wikilint.rules.headings.empty_section import EmptySection


def test_sample_final_conclusion_is_empty() -> None:
    (finding,) = run_rule(EmptySection, read(SEED))
    assert positions([finding]) == [("WL201", 5, 1)]
    assert (finding.location.end_line, finding.location.end_column) == (5, 15)
    assert finding.message == (
        'section "Conclusion" is empty: no content before the end of the article'
    )


def test_the_fixture_articles_are_there() -> None:
    assert fixture_articles(), "tests/fixtures holds no articles"


@pytest.mark.parametrize("path", fixture_articles(), ids=lambda path: path.stem)
def test_quiet_on_real_articles(path: Path) -> None:
    assert list(EmptySection().check(parsed(path))) == []


def test_an_emptied_section_of_a_real_article_is_found() -> None:
    source = read(Path(fixture_articles("en/Pi Day.wiki")[0]))
    heading = "\n==Observance==\n"
    start = source.index(heading) + len(heading)
    end = source.index("\n==", start)
    (finding,) = EmptySection().check(Article(source[:start] + source[end:]))
    line = source.count("\n", 0, source.index(heading)) + 2
    assert positions([finding]) == [("WL201", line, 1)]
    assert finding.message == 'section "Observance" is empty: no content before the next heading'


@needs_corpus
def test_corpus_findings_are_the_known_empty_sections() -> None:
    found = [
        (path.parent.name, f.location.line)
        for path in pinned_corpus_articles()
        for f in EmptySection().check(parsed(path))
    ]
    assert len(found) == 23  # all read: real empty sections (bench/results/rules-docs1.md)
    assert {language for language, _ in found} == {"bn", "mr", "uk", "vi"}
