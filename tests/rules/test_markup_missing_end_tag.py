"""WL408 missing-end-tag, and the table cells WL407 unbalanced-quotes leaves to it."""

from __future__ import annotations

from helpers import positions, run_rule

from wikilint.linter.finding import Severity
from wikilint.rules.markup.missing_end_tag import MissingEndTag
from wikilint.rules.markup.unbalanced_quotes import UnbalancedQuotes

# The shapes of the shared corpus: header cells of Ukrainian Radical Party and Ukrainian
# Ground Forces, formatting that only the end of the cell closes.
TABLE = (
    "{| class=wikitable\n"
    "!<center>'''Year\n"
    "! '''Government\n"
    "!align=\"center\" colspan=6 rowspan=2| ''No<br />equivalent\n"
    "| ''a'' || ''b\n"
    "|}\n"
)


def test_formatting_closed_by_the_cell_end_is_a_missing_end_tag_at_info() -> None:
    findings = run_rule(MissingEndTag, TABLE)
    assert positions(findings) == [
        ("WL408", 2, 10),
        ("WL408", 3, 3),
        ("WL408", 4, 38),
        ("WL408", 5, 12),  # an earlier cell's marks are not this cell's
    ]
    assert {f.severity for f in findings} == {Severity.INFO}
    assert findings[0].message == "bold opened here is closed only by the end of the table cell"
    assert findings[2].message == "italic opened here is closed only by the end of the table cell"
    assert run_rule(UnbalancedQuotes, TABLE) == []


def test_a_stray_mark_that_pairs_with_another_of_its_cell_stays_unbalanced_quotes() -> None:
    # List of RNLI stations: "George Bearman" renders upright and "(D-669)" italic.
    source = "{|\n| ''R. and J. Welburn (ON 1310) <br> ''George Bearman'' (D-669)\n|}\n"
    assert positions(run_rule(UnbalancedQuotes, source)) == [("WL407", 2, 54)]
    assert run_rule(MissingEndTag, source) == []


def test_prose_lines_are_not_cells() -> None:
    source = "The album ''Blue was released.\n|}\n"
    assert positions(run_rule(UnbalancedQuotes, source)) == [("WL407", 1, 11)]
    assert run_rule(MissingEndTag, source) == []
