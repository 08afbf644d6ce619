"""WL102 duplicate-sentence."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import SEED, fixture_articles, positions, read, run_rule

from wikilint.rules.content.duplicate_sentence import DuplicateSentence

OPENED = "The bridge was opened in 1932 by the mayor of the town."
RAILWAY = "It carries a railway and a road over the river."
TOLLS = "Tolls paid for its upkeep until the debt was cleared in 1960."


def test_sentence_repeated_in_a_later_paragraph() -> None:
    source = f"{OPENED} {RAILWAY}\n\n{TOLLS} {OPENED}\n"
    (finding,) = run_rule(DuplicateSentence, source)
    column = len(TOLLS) + 2
    loc = finding.location
    assert (loc.line, loc.column, loc.end_line, loc.end_column) == (
        3,
        column,
        3,
        column + len(OPENED),
    )
    first = finding.related[0].location
    assert (first.line, first.column, first.end_column) == (1, 1, len(OPENED) + 1)
    assert finding.message == "sentence repeats the sentence of line 1"


def test_case_punctuation_and_markup_do_not_hide_a_repeat() -> None:
    later = "The [[bridge]] was opened in 1932, by the ''mayor'' of the Town!<ref>Smith</ref>"
    assert positions(run_rule(DuplicateSentence, f"{OPENED}\n{later} {TOLLS}\n")) == [
        ("WL102", 2, 1)
    ]


def test_sentence_repeated_within_one_paragraph() -> None:
    source = f"{OPENED} {RAILWAY} {OPENED}\n"
    assert positions(run_rule(DuplicateSentence, source)) == [
        ("WL102", 1, len(OPENED) + len(RAILWAY) + 3)
    ]


def test_sample_is_left_to_duplicate_paragraph() -> None:
    # Line 4 repeats line 3 and goes on: WL101 reports the repeated part, and no
    # sentence of the continuation repeats anything.
    assert run_rule(DuplicateSentence, read(SEED)) == []


def test_sentences_of_a_paragraph_flagged_as_a_whole_are_not_reported_again() -> None:
    paragraph = f"{OPENED} {RAILWAY} {TOLLS}"
    assert run_rule(DuplicateSentence, f"{paragraph}\n{paragraph}\n") == []
    source = f"{paragraph}\n\nIn short: {paragraph} It was rebuilt in 1990. {RAILWAY}\n"
    assert positions(run_rule(DuplicateSentence, source)) == [
        ("WL102", 3, len(paragraph) + len("In short: ") + len(" It was rebuilt in 1990. ") + 1)
    ]


def test_the_fixture_articles_are_there() -> None:
    assert fixture_articles(), "tests/fixtures holds no articles"


@pytest.mark.parametrize("path", fixture_articles(), ids=lambda path: path.stem)
def test_quiet_on_real_articles(path: Path) -> None:
    assert run_rule(DuplicateSentence, read(path)) == []
