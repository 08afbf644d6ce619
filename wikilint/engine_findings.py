"""WL000 internal-error and WL002 parse-timeout: findings of the engine, documented as rules.

They are not rules: nothing runs them, they cannot be selected, ignored or configured, and
they are always on. They have a code, a name and docs so that ``wikilint explain`` and
``wikilint rules`` describe them like the rules, and a plugin cannot take their codes.
"""

from __future__ import annotations

from wikilint.budget import (
    DEFAULT_TIMEOUT,
    RULES_BUDGET,
    RULES_BUDGET_PER_MB,
    TIMEOUT_CODE,
    TIMEOUT_NAME,
)
from wikilint.engine import INTERNAL_ERROR_CODE, INTERNAL_ERROR_NAME
from wikilint.finding import Severity
from wikilint.rule import Rule, RuleDocs


class EngineFinding(Rule):
    """A finding the engine reports itself: never run, so it has no examples."""

    severity = Severity.ERROR


class InternalError(EngineFinding):
    code = INTERNAL_ERROR_CODE
    name = INTERNAL_ERROR_NAME
    summary = "A rule raised an exception, or the parser failed, on this input."
    docs = RuleDocs(
        what=(
            "The message names the rule, or the parser, and the exception. The finding is at "
            "line 1, column 1; the other rules still ran on the input and the run went on. "
            "The exit code is 2."
        ),
        why="It is a bug in wikilint or in a plugin rule, not a defect of the text.",
        bad="",
        good="",
        notes="Please report it, with the input if you can share it.",
    )


class ParseTimeout(EngineFinding):
    code = TIMEOUT_CODE
    name = TIMEOUT_NAME
    summary = "The article took longer than its time budget and was not linted."
    docs = RuleDocs(
        what=(
            f"Parsing may take `--timeout` seconds ({DEFAULT_TIMEOUT:g} by default) per article, "
            f"and the rules a generous allowance after it ({RULES_BUDGET:g} s + "
            f"{RULES_BUDGET_PER_MB:g} s per MB). An article that overruns gets this one finding, "
            "at line 1, column 1, instead of its findings, and the run goes on. The exit code "
            "is 1: the text, not wikilint, is at fault."
        ),
        why=(
            "Long runs of unclosed markup (thousands of `{{`, an unclosed table, unclosed "
            "tags) make the parser backtrack for minutes; the budget keeps one such page from "
            "stalling a run over a whole wiki."
        ),
        bad="",
        good="",
        notes=(
            "Look for long runs of unclosed templates, links, tables or tags. docs/dumps.md "
            "explains the budget."
        ),
    )


ENGINE_FINDINGS: tuple[type[Rule], ...] = (InternalError, ParseTimeout)
