"""The rule examples of docs/plugins.md and the README run, and say what they claim."""

from __future__ import annotations

import re
import sys
import types
from typing import Any

import pytest
import wikilint_example
from helpers import ROOT

from wikilint.testing import assert_docs_examples, check

PLUGINS_MD = (ROOT / "docs" / "plugins.md").read_text()


def python_blocks(markdown: str) -> list[str]:
    return re.findall(r"```python\n(.*?)```", markdown, re.S)


def run(code: str, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """The names *code* defines, run as a module of its own (dataclasses need one)."""
    module = types.ModuleType("documented_example")
    monkeypatch.setitem(sys.modules, module.__name__, module)
    exec(code, module.__dict__)
    return module.__dict__


def test_the_rule_of_docs_plugins_md_is_the_example_package_s(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rule_block, _ = python_blocks(PLUGINS_MD)
    source = (ROOT / "tests" / "plugin" / "wikilint_example.py").read_text()
    assert rule_block.removeprefix("# wikilint_example.py\n") in source
    documented = run(rule_block, monkeypatch)["NoShouting"]
    assert_docs_examples(documented)
    assert check(documented, "It is LOUD.") == check(wikilint_example.NoShouting, "It is LOUD.")


def test_the_tests_of_docs_plugins_md_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    _, tests_block = python_blocks(PLUGINS_MD)
    tests = {
        name: test
        for name, test in run(tests_block, monkeypatch).items()
        if name.startswith("test_")
    }
    assert len(tests) == 4
    for test in tests.values():
        test()


def test_the_readme_rule_flags_its_bad_example_only(monkeypatch: pytest.MonkeyPatch) -> None:
    readme = (ROOT / "README.md").read_text()
    [block] = [block for block in python_blocks(readme) if block.startswith("# my_rules.py")]
    rule = run(block, monkeypatch)["NoClickHere"]
    assert_docs_examples(rule)
    text = "To read more, Click here. He wrote \"click here\" and ''click here''.\n"
    assert [(f.location.line, f.location.column) for f in check(rule, text)] == [(1, 15)]
