"""Text the typography rules WL601-WL603 must not flag (their edge cases are in packs/)."""

from __future__ import annotations

import pytest
from helpers import fixture_articles, positions, read, run_rule

from wikilint.rules.typography.double_hyphen_dash import DoubleHyphenDash
from wikilint.rules.typography.doubled_space import DoubledSpace
from wikilint.rules.typography.space_before_punctuation import SpaceBeforePunctuation

INTL = fixture_articles("intl/**/*.wiki")


@pytest.mark.parametrize(
    "source",
    [
        "A.<ref>a -- b</ref>\n",
        "* a -- b\n",
        "<blockquote>a -- b</blockquote>\n",
        "<syntaxhighlight>x--</syntaxhighlight>\n",
        "[https://example.org/a--b label]\n",
        "Run it with <kbd>wikilint --fix</kbd> or <nowiki>--</nowiki> in a <tt>a -- b</tt>.\n",
        "The option is written <samp>x -- y</samp>, the value <var>n -- 1</var>.\n",
    ],
)
def test_double_hyphen_in_refs_lists_quotes_and_urls_is_left_alone(source: str) -> None:
    assert run_rule(DoubleHyphenDash, source) == []


def test_doubled_space_outside_running_prose_is_left_alone() -> None:
    source = (
        "The river  flows.\n"  # the one slip: it proves the rule runs on this text
        "{{Infobox|name=A  B}}\n"
        "{| class=wikitable\n| a  b || c\n|}\n"
        " pre  formatted\n"
        "Text.<ref>Atlas,  p. 4.</ref> <!-- a  b --> <math>a  b</math>\n"
        "* item  two\n# step  one\n"
        "<blockquote>a  b</blockquote>\n"
        "He ended.  Next one.\n"
        "Type <kbd>a  b</kbd> or <nowiki>c  d</nowiki> exactly.\n"
    )
    assert positions(run_rule(DoubledSpace, source)) == [("WL602", 1, 10)]


def test_space_before_punctuation_outside_running_prose_is_left_alone() -> None:
    source = (
        "Paris , France.\n"  # the one slip: it proves the rule runs on this text
        "{{Infobox|name=A , B}}\n"
        "{| class=wikitable\n| a , b || c\n|}\n"
        "Text.<ref>Atlas , p. 4.</ref> <!-- a , b -->\n"
        "* item , two\n"
        "<blockquote>a , b</blockquote>\n"
        'He said "well , no".\n'
        "A {{cn}} . It is at .45 or .com and ... so.\n"
        "Type <kbd>ls ,</kbd> or <nowiki>a , b</nowiki> exactly.\n"
        "He said 'well , no' and left.\n"
    )
    assert positions(run_rule(SpaceBeforePunctuation, source)) == [("WL603", 1, 6)]


@pytest.mark.parametrize("path", INTL, ids=lambda path: path.parent.name)
def test_no_dash_findings_on_other_languages(path) -> None:
    assert run_rule(DoubleHyphenDash, read(path)) == []


@pytest.mark.parametrize("path", INTL, ids=lambda path: path.parent.name)
def test_doubled_space_on_other_languages_finds_only_real_slips(path) -> None:
    found = positions(run_rule(DoubledSpace, read(path)))
    if path.parent.name == "mr":  # all three read: two spaces between words of a sentence
        assert found == [("WL602", 6, 251), ("WL602", 18, 16), ("WL602", 36, 178)]
    else:
        assert found == []
