"""wikilint's Linter rules against a real Parsoid (``tests/parsoid_server.py``).

Generated snippets pin Parsoid's lint (type and dsr) per category and, for every category a
rule implements, that wikilint reports it at the same span. The corpus test holds recall and
precision per implemented category at or above the floors of ``parsoid_floors.toml``.
"""

from __future__ import annotations

import tomllib
from collections import Counter
from pathlib import Path

import pytest
from helpers import CORPUS, needs_corpus
from parsoid_diff import (
    FOOTER_TEMPLATE,
    IN_ARGUMENTS,
    IN_TEMPLATE_BLOCK,
    NO_MEDIA_HANDLER,
    RED_LINK_IN_TEXT,
    compare_article,
    compare_files,
    lint_span,
    linter_rules,
)
from parsoid_server import Lint, parsoid_lints

from wikilint.linter.engine import lint_source

FLOORS = Path(__file__).with_name("parsoid_floors.toml")
#: Every second article (sorted by path) of corpus/en and of each language of corpus/intl:
#: Parsoid on ``php -S`` takes 0.2 s an article on a quiet machine but 0.75-1.2 s on a busy
#: one, where the whole 202 would take 2.5-4 minutes, over the two this test may use.
#: ``bench/parsoid_compare.py`` measures all of them.
SUBSET_STEP = 2

# (wikitext, Parsoid's lint type, its dsr); one lint of that type each.
CASES = [
    ("a ''b c\n\nd", "missing-end-tag", (2, 7, 2, 0)),
    ("{|\n! '''Year\n| x\n|}\n", "missing-end-tag", (5, 12, 3, 0)),
    ("text <small>fine print.\n", "missing-end-tag", (5, 23, 7, 0)),
    ("<div><small>x</div>", "missing-end-tag", (5, 13, 7, 0)),
    ("x<center>y</center>", "obsolete-tag", (1, 19, 8, 9)),
    ("<tt>x</tt>", "obsolete-tag", (0, 10, 4, 5)),
    ("a</u>b", "stripped-tag", (1, 5, 0, 0)),
    ("{|\n{|\n| x\n|}\n|}", "stripped-tag", (13, 15, 0, 0)),
    ("{|\n| a\n</table>\n|}", "stripped-tag", (16, 18, 0, 0)),
    ("<table>\n<table><tr><td>x</td></tr></table>\n</table>", "stripped-tag", (43, 51, 0, 0)),
    ("<span/>", "self-closed-tag", (0, 7, 7, 0)),
    ("<b>a<i>b</b>c</i>", "misnested-tag", (4, 8, 3, 0)),
    ("x <span>a\n\nb", "html5-misnesting", (2, 9, 6, 0)),
    ("== ''head ==\n", "unclosed-quotes-in-heading", (3, 10, 2, 0)),
    ("[http://example.com [[Foo]]]", "wikilink-in-extlink", (0, 28, 20, 1)),
    ("[[File:X.jpg|thumb|foo|bar|baz]]", "bogus-image-options", (0, 32, 2, 2)),
    ("{|\nfoo\n|-\n| x\n|}", "fostered", (0, 16, 2, 2)),
    ("<table><tr><td>a</td>b<td>c</td></tr></table>", "fostered", (0, 45, 7, 8)),
    ("{|\n| a\n{|\n|-\nfoo\n| x\n|}\n|}", "fostered", (7, 23, 2, 2)),
    ("{|\n|-\nfoo\n| x\n\n", "fostered", (0, 15, 2, 0)),
    ("{|\n|-\n{| class=b  \n| x\n|}\n|}", "deletable-table-tag", (6, 16, 0, 0)),
    ("{|\n|-\n<table><tr><td>x</td></tr></table>\n|}", "deletable-table-tag", (6, 13, 0, 0)),
    ("* a <table><tr><td>x\ny</td></tr></table>", "multiline-html-table-in-list", (4, 40, 7, 8)),
    ("<font color=red>[[Foo]]</font>", "tidy-font-bug", (0, 30, 16, 7)),
    ('<div><span class="nowrap"><p>a</p></span></div>', "pwrap-bug-workaround", (5, 41, 21, 7)),
    ('{|\n| <span class="nowrap">a\nb</span>\n|}', "pwrap-bug-workaround", (5, 36, 21, 0)),
    # a table cell's later lines are paragraphs inside the elements of its first line
    ("{|\n| <span>a\nb</span>\n|}", "missing-end-tag", (5, 21, 6, 0)),
    ("{|\n| <span>a\nb</span>\n|}", "stripped-tag", (14, 21, 0, 0)),
    ("{|\n! <sup>a\n\nb</sup>\n|}", "missing-end-tag", (5, 20, 5, 0)),
    ("{|\n| <small>a\nb</small>\n|}", "misnested-tag", (5, 13, 7, 0)),
    ("{|\n| <small><span>a\nb</span></small>\n|}", "html5-misnesting", (12, 19, 6, 0)),
    (
        '<span class="nowrap">' + "Kilimanjaro" * 9 + " </span>National Park",
        "tidy-whitespace-bug",
        (0, 128, 21, 7),
    ),
    ('<span style="color:red"><div>a</div></span>', "misc-tidy-replacement-issues", (0, 43, 24, 7)),
]


@pytest.mark.parametrize(("wikitext", "category", "dsr"), CASES)
def test_parsoid_lints_a_snippet_as_wikilint_does(
    parsoid: str, wikitext: str, category: str, dsr: tuple[int, int, int, int]
) -> None:
    lints = [lint for lint in parsoid_lints(parsoid, wikitext) if lint.type == category]
    assert [lint.dsr for lint in lints] == [dsr]
    rules = linter_rules().get(category)
    if rules is None:
        return  # no rule implements the category yet: only Parsoid's side is pinned
    spans = {
        (finding.location.offset, finding.location.end_offset)
        for finding in lint_source(wikitext, "snippet.wiki", rules, "en")
    }
    assert lint_span(lints[0]) in spans


def test_offsets_count_code_points_as_python_does(parsoid: str) -> None:
    (lint,) = parsoid_lints(parsoid, "𝄞 <b>x")  # 𝄞 is two UTF-16 units, four bytes
    assert (lint.type, lint.dsr) == ("missing-end-tag", (2, 6, 3, 0))
    assert "𝄞 <b>x"[lint.start : lint.start + lint.open_width] == "<b>"


def test_content_language_follows_the_request(parsoid: str) -> None:
    wikitext = "[[Datei:X.jpg|mini|links|a|b]]"  # German for [[File:X.jpg|thumb|left|a|b]]
    assert parsoid_lints(parsoid, wikitext, "en") == []
    assert parsoid_lints(parsoid, wikitext, "de") == [
        Lint("bogus-image-options", 0, 30, 2, 2, {"items": ["a"]})
    ]


def test_extension_tags_are_opaque_as_on_wikipedia(parsoid: str) -> None:
    wikitext = "<math>f''</math> <syntaxhighlight lang=c>''</syntaxhighlight>"
    assert parsoid_lints(parsoid, wikitext) == []
    assert [lint.type for lint in parsoid_lints(parsoid, "f''")] == ["missing-end-tag"]


def test_lints_in_template_output_carry_the_transclusion_span(parsoid: str) -> None:
    (lint,) = parsoid_lints(parsoid, "x\n{{Unclosed bold|y}}")
    assert (lint.type, lint.dsr) == ("missing-end-tag", (2, 21, 0, 0))
    assert lint.template_info == {"name": "Template:Unclosed_bold"}


def test_extras_inside_a_template_s_arguments_are_known_differences() -> None:
    """``| other_symbol_type = <span class="plainlinks">`` (intl/bn/ভারত): a wiki without
    templates never parses it, so it is an extra listed as a known difference, left out of
    the precision; the unclosed ``<small>`` of the page itself counts as wrong."""
    source = '{{Infobox\n| other_symbol_type = <span class="plainlinks">x}}\n<small>y\n'
    rules = linter_rules(["WL403"])["missing-end-tag"]
    findings = {"missing-end-tag": lint_source(source, "case.wiki", rules, "en")}
    tally = compare_article([], findings, source, "case.wiki")["missing-end-tag"]
    assert (tally.wikilint, tally.matched, tally.known) == (2, 0, Counter({IN_ARGUMENTS: 1}))
    assert [example.detail for example in tally.extra] == [
        f"WL403 (known: {IN_ARGUMENTS})",
        "WL403",
    ]
    assert (tally.precision, tally.raw_precision) == (0.0, 0.0)


def test_extras_inside_a_template_output_lint_are_known_differences() -> None:
    """A table whose second line is a red-link template (en-extra/Ukrainian Ground Forces):
    Parsoid files the whole table as template output, so its ``''No<br />equivalent`` is
    a lint with ``templateInfo``, and wikilint's finding at the quote mark is known."""
    source = "{|\n{{Flagicon}}\n|-\n! ''No<br />equivalent\n|}\n"
    block = Lint("missing-end-tag", 0, len(source) - 1, 0, 0, {}, {"name": "Template:Flagicon"})
    rules = linter_rules(["WL408"])["missing-end-tag"]
    findings = {"missing-end-tag": lint_source(source, "case.wiki", rules, "en")}
    tally = compare_article([block], findings, source, "case.wiki")["missing-end-tag"]
    assert (tally.wikilint, tally.from_templates) == (1, 1)
    assert tally.known == Counter({IN_TEMPLATE_BLOCK: 1})
    assert (tally.precision, tally.raw_precision) == (1.0, 0.0)


@pytest.mark.parametrize(
    ("source", "lint", "reason"),
    [
        # en-extra/Pi: {{pi}} is a red link on a wiki without templates, a wikilink.
        (
            "[http://pisearch.org/pi {{pi}} Search Engine]",
            Lint("wikilink-in-extlink", 0, 45, 24, 1),
            RED_LINK_IN_TEXT,
        ),
        # en-extra/Magnetism: a video's start frame, TimedMediaHandler's option.
        (
            "[[File:Magnet bar.ogv|thumb|thumbtime=35|Detecting]]",
            Lint("bogus-image-options", 0, 52, 2, 2, {"items": ["thumbtime=35"]}),
            NO_MEDIA_HANDLER,
        ),
        # en-extra/Lorentz force: {{largethumb}} gives an option on Wikipedia.
        (
            "[[File:L.jpg|{{largethumb}}|Lorentz]]",
            Lint("bogus-image-options", 0, 37, 2, 2, {"items": ["{{largethumb}}"]}),
            NO_MEDIA_HANDLER,
        ),
        # en-extra/Progress Wrestling: {{BundleEnd}} outputs the |} of the table above.
        (
            "{|\n|-\n| x\n{{BundleEnd}}\n\n{| class=b\n| y\n|}",
            Lint("deletable-table-tag", 25, 35, 0, 0, {"name": "table"}),
            FOOTER_TEMPLATE,
        ),
        (
            "{{BundleEnd}}\n{|\n| x\n|}\n{|\n|-\n{| class=b\n| y\n|}\n|}",
            Lint("deletable-table-tag", 30, 40, 0, 0, {"name": "table"}),
            None,
        ),
        ("[http://a.org [[Foo]] {{pi}}]", Lint("wikilink-in-extlink", 0, 29, 14, 1), None),
        (
            "[[File:X.jpg|thumb|foo|thumbtime=3|bar]]",
            Lint("bogus-image-options", 0, 40, 2, 2, {"items": ["foo", "thumbtime=3"]}),
            None,
        ),
    ],
)
def test_lints_only_a_wiki_without_templates_gives_are_known_differences(
    source: str, lint: Lint, reason: str | None
) -> None:
    tally = compare_article([lint], {}, source, "case.wiki")[lint.type]
    assert (tally.parsoid, tally.matched) == (1, 0)
    assert tally.known_missed == (Counter({reason: 1}) if reason else Counter())
    assert tally.recall == (1.0 if reason else 0.0)
    assert tally.raw_recall == 0.0


@needs_corpus
def test_wikilint_finds_what_parsoid_finds_on_the_corpus(parsoid: str) -> None:
    floors = tomllib.loads(FLOORS.read_text(encoding="utf-8"))
    rules = linter_rules()
    assert set(rules) <= set(floors), "parsoid_floors.toml needs a floor for every category"
    paths = [
        path
        for folder in [CORPUS / "en", *sorted((CORPUS / "intl").iterdir())]
        for path in sorted(folder.glob("*.wiki"))[::SUBSET_STEP]
    ]
    comparison = compare_files(parsoid, paths, rules)
    assert comparison.failures == []
    for category in rules:
        tally = comparison.tallies[category]
        unmatched = "\n".join(map(str, [*tally.missed, *tally.extra]))
        assert tally.recall >= floors[category]["recall"], f"{category} missed:\n{unmatched}"
        assert tally.precision >= floors[category]["precision"], f"{category}:\n{unmatched}"
