"""The unclosed-construct rules: WL401-WL406."""

import re
import time

import pytest
from helpers import fixture_articles, positions, read, run_rule
from hypothesis import given, settings
from hypothesis import strategies as st

from wikilint.analysis.raw_markup import is_closed
from wikilint.document.article import Article
from wikilint.rules.markup.unclosed_comment import UnclosedComment
from wikilint.rules.markup.unclosed_link import UnclosedLink
from wikilint.rules.markup.unclosed_ref import UnclosedRef
from wikilint.rules.markup.unclosed_table import UnclosedTable
from wikilint.rules.markup.unclosed_tag import UnclosedTag
from wikilint.rules.markup.unclosed_template import UnclosedTemplate

RULES = [UnclosedRef, UnclosedComment, UnclosedTag, UnclosedTable, UnclosedLink, UnclosedTemplate]

#: Valid markup, some of which mwparserfromhell itself fails to parse.
CLEAN = """\
Text.<ref name=a>A ''x'' [[b]]</ref> <ref name=a /> <ref>{{cite web|title=T ''|url=u}}</ref>
<!-- a comment --> <nowiki>[[ {{ <!-- <div> <ref> {|</nowiki> <math>{{n \\choose k}}</math>
<div class="box"><div>inner</div> <span style="color:red">x</span></div> <br> <p>para <li>item
[[File:A.jpg|thumb|A [[b]] and {{c|d}}]] [[Foo|''bar'']] {{Quote|text=''x}}
:{| class="wikitable"
|-
| <small>cell</small> || {{tl|x}}
|- <!-- a comment in a row -->
|}
{| class="wikitable"
|
{| class="nested"
| x
|}
|}
"""


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.name)
def test_valid_markup_is_quiet(rule) -> None:
    assert run_rule(rule, CLEAN) == []


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.name)
def test_real_articles_are_quiet(rule) -> None:
    paths = fixture_articles()
    assert paths
    for path in paths:
        assert run_rule(rule, read(path)) == [], path.name


@pytest.mark.parametrize(
    ("rule", "source", "expected", "end_column"),
    [
        (UnclosedRef, "A.<ref>B.\n\nC.<ref>D</ref>", [("WL401", 1, 3)], 8),
        (UnclosedRef, 'A.<ref name="x">\nB.', [("WL401", 1, 3)], 17),
        (UnclosedComment, "A.\n== B ==\nC <!-- D\nE.", [("WL402", 3, 3)], 7),
        (UnclosedTag, 'A <small>b.\n<div style="x">C</div>', [("WL403", 1, 3)], 10),
        (UnclosedTag, "<div><div>x</div>", [("WL403", 1, 1)], 6),
        (UnclosedTag, 'A <span style="{{x}}">b', [("WL403", 1, 3)], 16),
        (UnclosedTable, "Lead.\n:{| class=x\n| a\n\nMore.", [("WL404", 2, 2)], 4),
        (UnclosedTable, "{|\n| a\n{|\n| b\n|}\n", [("WL404", 1, 1)], 3),
        (UnclosedLink, "Born in [[Paris, France.\n[[Lyon]]", [("WL405", 1, 9)], 11),
        (UnclosedTemplate, "A.{{cn|date=May 2020\n\nB {{x}}", [("WL406", 1, 3)], 5),
    ],
)
def test_unclosed_opener_is_reported_exactly(rule, source, expected, end_column) -> None:
    findings = run_rule(rule, source)
    assert positions(findings) == expected
    assert findings[0].location.end_column == end_column


def test_messages_name_the_opener() -> None:
    [finding] = run_rule(UnclosedTag, 'x <span class="a">y')
    assert finding.message == '<span class="a"> is never closed'
    [finding] = run_rule(UnclosedTemplate, "x {{y")
    assert finding.message == "{{ is never closed: close the template with }}"


def _closed_by_rescanning(source: str, offset: int, pair: re.Pattern[str]) -> bool:
    """The definition: scan on from *offset*, counting nesting, until the depth is zero."""
    depth = 1
    for match in pair.finditer(source, offset):
        depth += -1 if match["close"] else 1
        if not depth:
            return True
    return False


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="[]x\n", max_size=40), st.lists(st.integers(0, 40), max_size=8))
def test_closers_found_once_per_position_match_a_rescan(text: str, offsets: list[int]) -> None:
    article = Article(text)
    for pair in (UnclosedLink.pair, UnclosedTable.pair):
        for offset in offsets:
            offset = min(offset, len(text))
            assert is_closed(article, offset, pair) == _closed_by_rescanning(text, offset, pair)


def test_thousands_of_unclosed_links_are_found_in_linear_time() -> None:
    # Issue 12: each `[[` rescanned the rest of the text; 62 KB took 119 s.
    started = time.process_time()
    assert len(run_rule(UnclosedLink, "[[" * 100_000)) == 100_000
    assert time.process_time() - started < 20.0
