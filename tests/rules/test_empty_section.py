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


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("Intro.\n== A ==\n\n== B ==\nText.\n", [("WL201", 2, 1)]),
        ("Intro.\n== A ==\n<!-- to do -->\n  \n== B ==\nText.\n", [("WL201", 2, 1)]),
        ("Intro.\n== A ==\nText.\n=== A1 ===\n\n== B ==\nText.\n", [("WL201", 4, 1)]),
        # A section that holds only empty sub-sections: the sub-sections are flagged.
        ("Intro.\n== A ==\n=== A1 ===\n=== A2 ===\n", [("WL201", 3, 1), ("WL201", 4, 1)]),
        # Category links, interlanguage links and sort keys render elsewhere.
        (
            "Intro.\n== References ==\n\n{{DEFAULTSORT:A}}\n[[Category:X]]\n[[de:A]]\n",
            [("WL201", 2, 1)],
        ),
        ("Intro.\n== A ==\n__NOTOC__\n== B ==\nText.", [("WL201", 2, 1)]),
        ("Intro.\r\n== A ==\r\n\r\n== B ==\r\nText.\r\n", [("WL201", 2, 1)]),
        ("Intro.\n==A==", [("WL201", 2, 1)]),
    ],
)
def test_flags_empty_sections(source: str, expected: list[tuple[str, int, int]]) -> None:
    assert positions(run_rule(EmptySection, source)) == expected


def test_messages() -> None:
    findings = run_rule(EmptySection, "== A ==\n== B ==\nText.\n")
    assert [f.message for f in findings] == [
        'section "A" is empty: no content before the next heading'
    ]


@pytest.mark.parametrize(
    "source",
    [
        "== History ==\n{{Main|History of X}}\n== Legacy ==\nText.",
        "== References ==\n{{reflist}}\n",
        "== References ==\n<references/>\n",
        "== Portal ==\n{{portal|Physics}}\n",
        "== Data ==\n{| class=wikitable\n| 1 || 2\n|}\n== B ==\nText.",
        "== Works ==\n* ''First book'' (1990)\n* ''Second book'' (1995)\n",
        "== Gallery ==\n<gallery>\nFile:A.jpg|A\n</gallery>\n",
        "== Image ==\n[[File:A.jpg|thumb|A picture]]\n== B ==\nText.",
        "== Quote ==\n<blockquote>A saying.</blockquote>\n",
        "== Lyrics ==\n{{Quote|text=A line of the song.}}\n",
        "== Notes ==\n: An indented remark.\n",
        "== Code ==\n pre-formatted text\n",
        # A section holding only sub-sections is not empty by default.
        "== History ==\n=== Early ===\nBorn.\n=== Late ===\nDied.\n",
        # Headings inside templates and tags are not sections of the article.
        "== Box ==\n{{Infobox|\n== Inner ==\n}}\n",
        "== Box ==\n<div>\n== Inner ==\n</div>\nText.\n",
        "Just a lead, no headings at all.\n",
    ],
)
def test_stays_quiet(source: str) -> None:
    assert run_rule(EmptySection, source) == []


def test_flag_no_intro_option() -> None:
    source = "Intro.\n== History ==\n<!-- intro to come -->\n=== Early ===\nBorn.\n"
    assert run_rule(EmptySection, source) == []
    (finding,) = run_rule(EmptySection, source, flag_no_intro=True)
    assert positions([finding]) == [("WL201", 2, 1)]
    assert (
        finding.message == 'section "History" has no text of its own before its first sub-section'
    )


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
    assert len(found) == 23  # all read: real empty sections (see the rule's notes)
    assert {language for language, _ in found} == {"bn", "mr", "uk", "vi"}
