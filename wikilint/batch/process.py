"""Process one input: read, decode, parse once, run the rules, optionally fix."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from wikilint.inputs.files import InputError, Source, read_source
from wikilint.linter.finding import Finding
from wikilint.linter.results import FileResult
from wikilint.linter.timeouts import DEFAULT_TIMEOUT

if TYPE_CHECKING:
    from wikilint.linter.fixes import FixOutcome
    from wikilint.linter.rule import Rule


@dataclass(frozen=True, slots=True)
class Outcome:
    """What processing one input produced.

    ``result.source`` is the text the findings refer to: the fixed text after a fix.
    ``original`` is the text as read, for diffs, and ``found`` its findings, to report
    when the fix is not written; ``bom`` and ``encoding`` are kept for writing back.
    """

    result: FileResult
    original: str = ""
    fixed: int = 0
    bom: bool = False
    found: tuple[Finding, ...] = ()
    encoding: str = "utf-8"

    @classmethod
    def of_fix(cls, source: Source, fix: FixOutcome) -> Outcome:
        result = FileResult(source.path, fix.text, tuple(fix.remaining))
        return cls(result, source.text, fix.fixed, source.bom, tuple(fix.found), source.encoding)

    @property
    def changed(self) -> bool:
        return self.fixed > 0 and self.result.source != self.original

    def as_read(self, error: str | None = None) -> FileResult:
        """The result for the text as read: for a fix shown as a diff or not written."""
        return FileResult(self.result.path, self.original, self.found, error)


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
    from wikilint.batch.guard import fix_guarded, lint_guarded  # the parser: on a cache miss

    try:
        source = read_source(path)
    except InputError as error:
        return Outcome(FileResult(path, error=str(error)))
    if not fix:
        findings = lint_guarded(source.text, source.path, rules, language, timeout)
        return Outcome(FileResult(source.path, source.text, tuple(findings)), source.text)
    fixed = fix_guarded(source.text, source.path, rules, language, unsafe, timeout)
    return Outcome.of_fix(source, fixed)
