"""Each case of the rules that implement a Parsoid Linter category, checked against Parsoid.

The cases are the rules' own tables (``tests/rules/cases/<CODE>.toml``): for every case,
the spans of the findings of every rule of the category (the case's rule with the case's
options, the others as configured by default) must be the spans of Parsoid's lints of that
category: missing-end-tag is three rules' (WL403 HTML tags, WL407 bold and italic on a line,
WL408 bold and italic in a table cell). Parsoid's dsr covers a whole element; where a rule
reports only the start tag (``START_TAG_CATEGORIES``) the span compared is the dsr's start
and open width.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from wikilint.config.settings import configure
from wikilint.linter.engine import lint_source
from wikilint.linter.registry import discover

parsoid_server = pytest.importorskip(
    "parsoid_server", reason="the Parsoid fixture (tests/parsoid_server.py) is not installed"
)
CASES_DIR = Path(__file__).parent / "rules" / "cases"
REGISTRY = discover(plugins=False)
#: Categories whose findings span the start tag of the element Parsoid's dsr covers.
START_TAG_CATEGORIES = frozenset(
    {
        "obsolete-tag",
        "misnested-tag",
        "html5-misnesting",
        "missing-end-tag",
        "multiple-unclosed-formatting-tags",
        "unclosed-quotes-in-heading",
        "tidy-font-bug",
    }
)

#: Cases where the test wiki is not Wikipedia, with the reason.
KNOWN_DIFFERENCES = {
    "WL412-an option from a template": "the test wiki has no templates: a red link there",
    "WL403-tags in a quotation template, a table and nowiki": "Parsoid files a <p> left open "
    "in a table cell; HTML makes its end tag optional and WL403 reports only required ones",
    "WL407-whole-line marks reported when allow_whole_line is off": "WL407 then warns about "
    "the whole-line marks that WL408 files as missing-end-tag: two findings on one span",
    "WL426-a template after the span": "the test wiki has no templates: the red link's text "
    "ends the run there, on Wikipedia the template's output does",
    "WL422-templatestyles and an interlanguage link between rows": "on Wikipedia they render "
    "a <style> and a sidebar link, which stay put; the test wiki has no TemplateStyles and no "
    "interwiki prefix fr, and shows both as text",
    "WL423-a table after a template line between rows": "the test wiki has no templates: a "
    "red link there, fostered, where a template's output may open a cell for the table",
    "WL423-a table after a footer template that closes the table": "the test wiki has no "
    "templates: {{BundleEnd}} does not output the |} that closes the first table",
    "WL410-table end after a template line": "the test wiki has no templates: a red link "
    "there, where the template's output may open a table that the |} closes",
}


def linter_cases() -> list[Any]:
    cases = []
    for path in sorted(CASES_DIR.glob("*.toml")):
        table = tomllib.loads(path.read_text("utf-8"))
        rule = REGISTRY.get(table["rule"])
        if rule is None or rule.linter_category is None:
            continue
        for case in table.get("case", []):
            name = f"{path.stem}-{case['name']}"
            reason = KNOWN_DIFFERENCES.get(name)
            marks = [pytest.mark.skip(reason=reason)] if reason else []
            cases.append(pytest.param(rule, case, id=name, marks=marks))
    return cases


@pytest.mark.parametrize(("rule", "case"), linter_cases())
def test_the_rule_finds_what_parsoid_lints(parsoid: str, rule: Any, case: dict[str, Any]) -> None:
    """The same spans as Parsoid's lints of the rule's category, outside templates."""
    source, language = case["source"], case.get("language", "en")
    category = rule.linter_category
    expected = sorted(
        (lint.start, lint.start + lint.open_width if category in START_TAG_CATEGORIES else lint.end)
        for lint in parsoid_server.parsoid_lints(parsoid, source, language)
        if lint.type == category and lint.template_info is None
    )
    tested = configure(rule, case.get("options", {}), case["name"])
    others = [
        other()
        for other in REGISTRY.rules
        if other.linter_category == category and other is not rule
    ]
    findings = lint_source(source, "case.wiki", [tested, *others], language)
    assert sorted((f.location.offset, f.location.end_offset) for f in findings) == expected
