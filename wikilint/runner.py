"""Process one input: read, decode, parse once, run the rules, optionally fix."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from wikilint.budget import DEFAULT_TIMEOUT, fix_guarded, lint_guarded
from wikilint.results import FileResult
from wikilint.rule import Rule
from wikilint.sources import InputError, read_source


@dataclass(frozen=True, slots=True)
class Outcome:
    """What processing one input produced.

    ``result.source`` is the text the findings refer to: the fixed text after a fix.
    ``original`` is the text as read, for diffs; ``bom`` is kept for writing back.
    """

    result: FileResult
    original: str = ""
    fixed: int = 0
    bom: bool = False

    @property
    def changed(self) -> bool:
        return self.fixed > 0 and self.result.source != self.original


def process_path(
    path: str,
    rules: Sequence[Rule],
    language: str | None = None,
    fix: bool = False,
    unsafe: bool = False,
    timeout: float | None = DEFAULT_TIMEOUT,
) -> Outcome:
    """Lint one input, or fix it (in memory) when *fix* is set, within *timeout* seconds
    for the parse, the rules and every fix pass; an input over it is left as it was."""
    try:
        source = read_source(path)
    except InputError as error:
        return Outcome(FileResult(path, error=str(error)))
    if not fix:
        findings = lint_guarded(source.text, source.path, rules, language, timeout)
        return Outcome(FileResult(source.path, source.text, tuple(findings)), source.text)
    outcome = fix_guarded(source.text, source.path, rules, language, unsafe, timeout)
    result = FileResult(source.path, outcome.text, tuple(outcome.remaining))
    return Outcome(result, source.text, outcome.fixed, source.bom)
