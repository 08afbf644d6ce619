"""Machine formats: SARIF and JUnit against their schemas, GitLab, GitHub escaping."""

from __future__ import annotations

import io
import json
from pathlib import Path
from xml.etree import ElementTree

import pytest
from helpers import SEED, SHARED

from wikilint.document.article import Article
from wikilint.linter.engine import internal_error
from wikilint.linter.finding import Finding, Related, Severity
from wikilint.linter.results import FileResult, Summary
from wikilint.linter.rule import locate
from wikilint.output.full import FullFormatter
from wikilint.output.github import escape_data, escape_property
from wikilint.output.junit import JunitFormatter

SARIF_SCHEMA = SHARED / "schemas" / "sarif-schema-2.1.0.json"
JUNIT_SCHEMA = SHARED / "schemas" / "junit-10.xsd"


@pytest.mark.skipif(
    not SARIF_SCHEMA.is_file(), reason=f"the SARIF 2.1.0 schema is not at {SARIF_SCHEMA}"
)
def test_sarif_validates_against_the_official_schema(run) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    result = run("check", "--format", "sarif", str(SEED))
    document = json.loads(result.stdout)
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.validate(document, schema, cls=jsonschema.Draft7Validator)
    [sarif_run] = document["runs"]
    rules = sarif_run["tool"]["driver"]["rules"]
    assert all(rule["helpUri"].startswith("https://") for rule in rules)
    duplicate = next(r for r in sarif_run["results"] if r["ruleId"] == "WL101")
    assert rules[duplicate["ruleIndex"]]["name"] == "duplicate-paragraph"
    region = duplicate["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"]) == (4, 1)
    assert duplicate["relatedLocations"][0]["physicalLocation"]["region"]["startLine"] == 3
    dash = next(r for r in sarif_run["results"] if r["ruleId"] == "WL601")
    [change] = dash["fixes"][0]["artifactChanges"]
    [replacement] = change["replacements"]
    assert replacement["insertedContent"]["text"] == "—"
    source = SEED.read_text(encoding="utf-8")
    deleted = replacement["deletedRegion"]
    start = deleted["charOffset"]
    assert source[start : start + deleted["charLength"]] == "-- "


def test_sarif_describes_rules_with_their_docs(run) -> None:
    document = json.loads(run("check", "--format", "sarif", str(SEED)).stdout)
    rules = {rule["name"]: rule for rule in document["runs"][0]["tool"]["driver"]["rules"]}
    doubled = rules["doubled-word"]
    assert doubled["id"] == "WL103"
    assert "all of all of" in doubled["help"]["markdown"]
    assert document["runs"][0]["columnKind"] == "unicodeCodePoints"


def test_junit_has_a_failing_case_per_finding(run) -> None:
    root = ElementTree.fromstring(run("check", "--format", "junit", str(SEED)).stdout)
    cases = root.findall("./testsuite/testcase")
    assert len(cases) == int(root.get("failures")) > 0
    assert any(case.get("name") == "WL101 duplicate-paragraph at 4:1" for case in cases)


@pytest.mark.skipif(
    not JUNIT_SCHEMA.is_file(), reason=f"Jenkins' JUnit schema is not at {JUNIT_SCHEMA}"
)
def test_junit_validates_against_the_jenkins_xunit_schema(run, tmp_path: Path) -> None:
    xmlschema = pytest.importorskip("xmlschema")
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "St. Louis.wiki").write_text(
        "The cat sat on the the mat in the hall.\n", encoding="utf-8"
    )
    (tmp_path / "clean.wiki").write_text("Plain words.\n", encoding="utf-8")
    (tmp_path / "broken.wiki").write_bytes(b"bad \xff byte\n")
    result = run("check", "--format", "junit", "articles", "clean.wiki", "broken.wiki")
    assert result.exit_code == 2
    xmlschema.XMLSchema(JUNIT_SCHEMA).validate(result.stdout)
    root = ElementTree.fromstring(result.stdout)
    totals = {key: root.get(key) for key in ("tests", "failures", "errors")}
    assert totals == {"tests": "3", "failures": "1", "errors": "1"}
    suites = [
        (suite.get("name"), suite.get("failures"), suite.get("errors"))
        for suite in root.iter("testsuite")
    ]
    assert suites == [
        ("articles/St. Louis.wiki", "1", "0"),
        ("clean.wiki", "0", "0"),
        ("broken.wiki", "0", "1"),
    ]
    cases = [(case.get("classname"), case.get("name")) for case in root.iter("testcase")]
    assert cases == [
        ("wikilint.articles.St_ Louis", "WL103 doubled-word at 1:20"),
        ("wikilint.clean", "wikilint"),
        ("wikilint.broken", "read"),
    ]


def test_junit_reports_a_crash_inside_wikilint_as_an_error() -> None:
    crash = internal_error(Article("Text.\n"), "rule boom (XX001)", ValueError("bad"))
    stream = io.StringIO()
    formatter = JunitFormatter(stream)
    formatter.file(FileResult("/abs/a.b/c.wikitext", "Text.\n", (crash,)))
    formatter.finish(Summary())
    root = ElementTree.fromstring(stream.getvalue())
    [case] = root.iter("testcase")
    assert case.get("classname") == "wikilint.abs.a_b.c"
    assert [child.tag for child in case] == ["error"]
    assert (root.get("failures"), root.get("errors")) == ("0", "1")


def test_gitlab_code_quality_report(run) -> None:
    issues = json.loads(run("check", "--format", "gitlab", str(SEED)).stdout)
    duplicate = next(issue for issue in issues if issue["check_name"] == "duplicate-paragraph")
    assert duplicate["location"] == {"path": str(SEED), "lines": {"begin": 4, "end": 4}}
    assert len({issue["fingerprint"] for issue in issues}) == len(issues)


def test_gitlab_fingerprints_survive_lines_inserted_above(run, tmp_path: Path) -> None:
    paragraph = "The river rises in the northern hills and flows south through three towns.\n"
    path = tmp_path / "a.wiki"

    def duplicate() -> dict:
        issues = json.loads(
            run("check", "--format", "gitlab", "--select", "WL101", "a.wiki").stdout
        )
        [issue] = issues
        return issue

    path.write_text(paragraph * 2, encoding="utf-8")
    before = duplicate()
    path.write_text("A new first line of the article.\n\n" + paragraph * 2, encoding="utf-8")
    after = duplicate()
    assert before["description"].endswith("repeats the paragraph of line 1 exactly")
    assert after["description"].endswith("repeats the paragraph of line 3 exactly")
    assert after["location"]["lines"] == {"begin": 4, "end": 4}
    assert after["fingerprint"] == before["fingerprint"]


def test_statistics_follow_the_json_format(run, tmp_path: Path) -> None:
    (tmp_path / "a.wiki").write_text(
        "The cat sat on the the mat -- quietly -- here.\n", encoding="utf-8"
    )
    result = run("check", "--statistics", "--format", "json", "--select", "WL103,WL6", "a.wiki")
    assert result.exit_code == 1
    assert json.loads(result.stdout) == [
        {
            "code": "WL601",
            "name": "double-hyphen-dash",
            "severity": "warning",
            "count": 2,
            "fixable": 2,
            "unsafe_fixable": 0,
        },
        {
            "code": "WL103",
            "name": "doubled-word",
            "severity": "warning",
            "count": 1,
            "fixable": 0,
            "unsafe_fixable": 1,
        },
    ]
    (tmp_path / "clean.wiki").write_text("Plain words.\n", encoding="utf-8")
    assert run("check", "--statistics", "--format", "json", "clean.wiki").stdout == "[]\n"


def test_github_escaping_follows_the_workflow_command_rules() -> None:
    assert escape_data("50% done\r\nnext") == "50%25 done%0D%0Anext"
    assert escape_property("a:b,c%") == "a%3Ab%2Cc%25"


def test_machine_formats_print_nothing_but_their_document(run, tmp_path: Path) -> None:
    (tmp_path / "clean.wiki").write_text("Plain words.\n", encoding="utf-8")
    assert json.loads(run("check", "--format", "json", "clean.wiki").stdout) == []
    assert json.loads(run("check", "--format", "gitlab", "clean.wiki").stdout) == []
    assert json.loads(run("check", "--format", "sarif", "clean.wiki").stdout)["version"] == "2.1.0"


def test_full_shows_three_related_locations_with_source_and_names_the_rest() -> None:
    source = "".join(f"Line {number} is here.\n" for number in range(1, 7))
    article = Article(source, "a.wiki")
    starts = [article.lines.line_start(number) for number in range(1, 7)]
    related = tuple(Related(locate(article, start, start + 4), "also") for start in starts[1:])
    finding = Finding("X1", "probe", Severity.INFO, "here", locate(article, 0, 4), related)
    stream = io.StringIO()
    FullFormatter(stream, color=False).file(FileResult("a.wiki", source, (finding,)))
    notes = [line for line in stream.getvalue().splitlines() if line.startswith("  = ")]
    assert notes == [
        "  = also at line 2, column 1",
        "  = also at line 3, column 1",
        "  = also at line 4, column 1",
        "  = and 2 more at 5:1, 6:1",
    ]
