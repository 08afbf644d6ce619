"""WL101 duplicate-paragraph."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import (
    CORPUS,
    SEED,
    fixture_articles,
    needs_corpus,
    pinned_corpus_articles,
    positions,
    read,
    run_rule,
)

from wikilint.document.article import Article
from wikilint.linter.finding import Applicability, Finding
from wikilint.rules.content.duplicate_paragraph import DuplicateParagraph
from wikilint.rules.content.duplicate_sentence import DuplicateSentence

RIVER = "The river rises in the northern hills and flows south through three market towns."
VALLEY = "Its valley was settled by farmers in the twelfth century, who cleared the old forest."


def span(finding: Finding) -> tuple[int, int, int, int]:
    loc = finding.location
    return loc.line, loc.column, loc.end_line, loc.end_column


def related_span(finding: Finding) -> tuple[int, int, int, int]:
    loc = finding.related[0].location
    return loc.line, loc.column, loc.end_line, loc.end_column


def apply(source: str, finding: Finding) -> str:
    assert finding.fix is not None
    for edit in sorted(finding.fix.edits, key=lambda edit: edit.start, reverse=True):
        source = source[: edit.start] + edit.replacement + source[edit.end :]
    return source


def test_sample_third_paragraph_contains_the_second() -> None:
    source = read(SEED)
    (finding,) = run_rule(DuplicateParagraph, source)
    assert span(finding) == (4, 1, 4, 783)
    assert related_span(finding) == (3, 1, 3, 783)
    assert finding.message == "paragraph contains the whole paragraph of line 3"
    assert finding.related[0].message == "first copy"
    assert source[finding.location.offset : finding.location.end_offset] == source.splitlines()[2]
    assert finding.fix is None


def test_exact_repeat_has_an_unsafe_fix_deleting_the_later_line() -> None:
    source = f"{RIVER}\n{VALLEY}\n{RIVER}\n== History ==\n"
    (finding,) = run_rule(DuplicateParagraph, source)
    assert span(finding) == (3, 1, 3, len(RIVER) + 1)
    assert related_span(finding) == (1, 1, 1, len(RIVER) + 1)
    assert finding.message == "paragraph repeats the paragraph of line 1 exactly"
    assert finding.fix is not None and finding.fix.applicability is Applicability.UNSAFE
    assert apply(source, finding) == f"{RIVER}\n{VALLEY}\n== History ==\n"


def test_exact_repeat_on_the_last_line_deletes_the_break_before_it() -> None:
    source = f"{RIVER}\n{RIVER}"
    (finding,) = run_rule(DuplicateParagraph, source)
    assert apply(source, finding) == RIVER


def test_exact_repeat_ignores_case_whitespace_and_markup_but_keeps_differing_wikitext() -> None:
    later = RIVER.replace("river", "[[River]]").replace(" flows", "  flows") + "<ref>Smith</ref>"
    (finding,) = run_rule(DuplicateParagraph, f"{RIVER}\n\n{later}\n")
    assert positions([finding]) == [("WL101", 3, 1)]
    assert finding.message == "paragraph repeats the paragraph of line 1 exactly"
    assert finding.fix is None  # deleting the line would lose the reference


def test_near_repeat_reports_the_score() -> None:
    later = RIVER.replace("northern hills", "nothern hills,").replace("three", "the three")
    (finding,) = run_rule(DuplicateParagraph, f"{RIVER}\n{VALLEY}\n{later}\n")
    assert positions([finding]) == [("WL101", 3, 1)]
    assert finding.message == "paragraph nearly repeats the paragraph of line 1 (96% similar)"
    assert finding.fix is None
    assert run_rule(DuplicateParagraph, f"{RIVER}\n{VALLEY}\n{later}\n", threshold=97) == []


def test_later_paragraph_containing_an_earlier_one_is_flagged_on_the_repeated_part() -> None:
    source = f"{RIVER}\n\n'''Later''' {RIVER} {VALLEY}\n"
    (finding,) = run_rule(DuplicateParagraph, source)
    start = len("'''Later''' ") + 1
    assert span(finding) == (3, start, 3, start + len(RIVER))
    assert related_span(finding) == (1, 1, 1, len(RIVER) + 1)
    assert finding.message == "paragraph contains the whole paragraph of line 1"


def test_later_paragraph_repeating_part_of_an_earlier_one() -> None:
    source = f"{VALLEY} {RIVER}\n== Geography ==\n{RIVER}\n"
    (finding,) = run_rule(DuplicateParagraph, source)
    assert span(finding) == (3, 1, 3, len(RIVER) + 1)
    assert related_span(finding) == (1, len(VALLEY) + 2, 1, len(VALLEY) + len(RIVER) + 2)
    assert finding.message == "paragraph repeats part of the paragraph of line 1"


def test_each_copy_is_reported_once_against_the_first() -> None:
    findings = run_rule(DuplicateParagraph, f"{RIVER}\n{RIVER}\n{VALLEY}\n{RIVER}\n")
    assert positions(findings) == [("WL101", 2, 1), ("WL101", 4, 1)]
    assert {related_span(finding)[0] for finding in findings} == {1}


def test_the_fixture_articles_are_there() -> None:
    assert fixture_articles(), "tests/fixtures holds no articles"


@pytest.mark.parametrize("path", fixture_articles(), ids=lambda path: path.stem)
def test_quiet_on_real_articles(path: Path) -> None:
    assert run_rule(DuplicateParagraph, read(path)) == []


#: Every finding on the pinned corpus (en, intl), each read: bench/results/rules-docs1.md.
CORPUS_FINDINGS = {
    ("WL101", "en/Anarchism.wiki", 266, 1),
    ("WL101", "en/Prayer.wiki", 232, 1),
    ("WL101", "en/Presbyterian Church (U.S.A.).wiki", 244, 1),
    ("WL101", "en/Punjabi language.wiki", 360, 1),
    ("WL101", "intl/hy/Աբխազիայի Հանրապետություն.wiki", 112, 1),
    ("WL101", "intl/hy/Արգենտինա.wiki", 96, 1),
    ("WL101", "intl/vi/Hạt nhân Linux.wiki", 67, 1),
    ("WL102", "en/Ibn al-Haytham.wiki", 168, 1),
}


@needs_corpus
def test_findings_on_the_shared_corpus() -> None:
    rules = [DuplicateParagraph(), DuplicateSentence()]
    found = set()
    paths = pinned_corpus_articles()
    assert paths, "the pinned corpus holds no articles"
    for path in paths:
        article = Article(read(path), str(path))
        name = path.relative_to(CORPUS).as_posix()
        for rule in rules:
            found |= {
                (f.code, name, f.location.line, f.location.column) for f in rule.check(article)
            }
    assert found == CORPUS_FINDINGS
