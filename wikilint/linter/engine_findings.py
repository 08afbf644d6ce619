"""WL000 internal-error and WL002 parse-timeout: findings of the engine, documented as rules.

They are not rules: nothing runs them, they cannot be selected, ignored or configured, and
they are always on. They have a code, a name and docs so that ``wikilint explain`` and
``wikilint rules`` describe them like the rules, and a plugin cannot take their codes.
"""

from __future__ import annotations

from wikilint.linter.engine_codes import (
    INTERNAL_ERROR_CODE,
    INTERNAL_ERROR_NAME,
    TIMEOUT_CODE,
    TIMEOUT_NAME,
)
from wikilint.linter.finding import Severity
from wikilint.linter.rule import Rule, RuleDocs
from wikilint.linter.timeouts import DEFAULT_TIMEOUT


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
        notes=(
            "Please report it, with the input if you can share it. No suppression comment "
            "hides it, and a baseline never records it."
        ),
    )


class ParseTimeout(EngineFinding):
    code = TIMEOUT_CODE
    name = TIMEOUT_NAME
    summary = "The article took longer than its time budget and was not linted."
    docs = RuleDocs(
        what=(
            f"An article may take `--timeout` seconds ({DEFAULT_TIMEOUT:g} by default) for "
            "parsing, the rules and every fix pass together. One that overruns gets this one "
            "finding, at line 1, column 1, instead of its findings; it is neither linted nor "
            "fixed, and the run goes on. The exit code is 2, even with `--exit-zero`: the "
            "article was not checked."
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
            "explains the budget. No suppression comment hides it, and a baseline never "
            "records it."
        ),
    )


ENGINE_FINDINGS: tuple[type[Rule], ...] = (InternalError, ParseTimeout)
