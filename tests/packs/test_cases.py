"""The built-in pack rules on the table of cases in cases.toml."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from helpers import positions, run_rule

from wikilint.linter.registry import discover

CASES = tomllib.loads((Path(__file__).with_name("cases.toml")).read_text("utf-8"))["case"]
REGISTRY = discover(plugins=False)


@pytest.mark.parametrize("case", CASES, ids=lambda case: f"{case['rule']}-{case['source'][:30]}")
def test_case(case: dict) -> None:
    rule = REGISTRY.get(case["rule"])
    assert rule is not None
    found = positions(run_rule(rule, case["source"]))
    assert found == [(case["rule"], line, column) for line, column in case["expect"]]
