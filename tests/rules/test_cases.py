"""Every built-in rule on its table of cases: one TOML file per rule in ``cases/``.

A file names its ``rule`` and holds ``[[case]]`` tables: ``name`` (unique in the file),
``source`` (wikitext), optional ``options`` (keys as in wikilint.toml) and ``language``,
``expect`` (the ``{line, column, message}`` of every finding; empty: the rule stays quiet)
and optional ``fixed`` (the text after applying all the rule's fixes, safe and unsafe).
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from wikilint.config.settings import configure
from wikilint.linter.engine import lint_source
from wikilint.linter.fixes import fix_source
from wikilint.linter.registry import discover
from wikilint.linter.rule import Rule

CASES_DIR = Path(__file__).with_name("cases")
CASE_FILES = sorted(CASES_DIR.glob("*.toml"))
REGISTRY = discover(plugins=False)
BUILTIN_CODES = [rule.code for rule in REGISTRY.rules if rule.__module__.startswith("wikilint.")]
CASE_KEYS = {"name", "source", "options", "language", "expect", "fixed"}


def load(path: Path) -> dict[str, Any]:
    return tomllib.loads(path.read_text("utf-8"))


def all_cases() -> list[Any]:
    return [
        pytest.param(table.get("rule"), case, id=f"{path.stem}-{case.get('name', '?')}")
        for path in CASE_FILES
        for table in [load(path)]
        for case in table.get("case", [])
    ]


def configured(code: str, case: dict[str, Any]) -> Rule:
    rule = REGISTRY.get(code)
    assert rule is not None, f"no rule {code!r}"
    return configure(rule, case.get("options", {}), f"{code}: {case['name']}")


def found(source: str, rule: Rule, language: str | None) -> list[tuple[int, int, str]]:
    findings = lint_source(source, "case.wiki", [rule], language)
    return sorted((f.location.line, f.location.column, f.message) for f in findings)


def test_the_cases_folder_is_not_empty() -> None:
    assert CASE_FILES, f"no case files in {CASES_DIR}"


@pytest.mark.parametrize("code", BUILTIN_CODES)
def test_every_builtin_rule_has_a_cases_file(code: str) -> None:
    path = CASES_DIR / f"{code}.toml"
    assert path.is_file(), f"{code} has no {path.relative_to(CASES_DIR.parent)}"


@pytest.mark.parametrize("path", CASE_FILES, ids=lambda path: path.stem)
def test_a_cases_file_flags_stays_quiet_and_fixes(path: Path) -> None:
    table = load(path)
    assert table.get("rule") == path.stem, f"{path.name}: rule = {table.get('rule')!r}"
    cases = table.get("case", [])
    names = [case.get("name") for case in cases]
    assert all(names) and len(set(names)) == len(names), f"{path.name}: names {names}"
    for case in cases:
        assert set(case) <= CASE_KEYS, f"{path.name}: {case['name']}: {set(case) - CASE_KEYS}"
        assert {"source", "expect"} <= set(case), f"{path.name}: {case['name']}"
    assert any(case["expect"] for case in cases), f"{path.name}: no must-flag case"
    assert any(not case["expect"] for case in cases), f"{path.name}: no must-not-flag case"
    if REGISTRY.get(path.stem) and REGISTRY.get(path.stem).fix_safety is not None:
        assert any("fixed" in case for case in cases), f"{path.name}: no fix case"


@pytest.mark.parametrize(("code", "case"), all_cases())
def test_case(code: str, case: dict[str, Any]) -> None:
    rule = configured(code, case)
    language = case.get("language")
    expected = sorted((item["line"], item["column"], item["message"]) for item in case["expect"])
    assert found(case["source"], rule, language) == expected
    if "fixed" in case:
        outcome = fix_source(case["source"], "case.wiki", [rule], language, unsafe=True)
        assert outcome.text == case["fixed"]
        assert found(outcome.text, rule, language) == []
