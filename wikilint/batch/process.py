"""Process one input: read, decode, parse once, run the rules, optionally fix."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from wikilint.inputs.files import InputError, Source, read_source
from wikilint.linter.finding import Finding
from wikilint.linter.results import FileResult
from wikilint.linter.timeouts import DEFAULT_TIMEOUT

if TYPE_CHECKING:
    from wikilint.batch.guard import RuleSource
    from wikilint.linter.fixes import FixOutcome


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


@dataclass(frozen=True, slots=True)
class FileTask:
    """One wikitext file to lint (or fix in memory) with the rules *rules* gives. *source*
    is its text when the caller has read it already (the result cache, to look it up)."""

    path: str
    rules: RuleSource
    language: str | None = None
    fix: bool = False
    unsafe: bool = False
    source: Source | None = None


def process_path(
    task: FileTask,
    timeout: float | None = DEFAULT_TIMEOUT,
    begin: Callable[[], object] | None = None,
) -> Outcome:
    """Lint one input, or fix it in memory, with the parse, the rules and every fix pass
    within *timeout* seconds (an input over it is left as it was), in a forked child.

    A pool worker, whose supervisor kills it at the deadline, gives *begin* instead: it is
    called where the budget starts, once the file is read and the rules built, and the work
    runs in this process.
    """
    from wikilint.batch.guard import build_rules, fix_guarded, lint_guarded  # on a cache miss

    try:
        source = task.source or read_source(task.path)
    except InputError as error:
        return Outcome(FileResult(task.path, error=str(error)))
    rules = build_rules(task.rules)
    if begin is not None:
        begin()
        timeout = None
    if not task.fix:
        findings = lint_guarded(source.text, source.path, rules, task.language, timeout)
        return Outcome(FileResult(source.path, source.text, tuple(findings)), source.text)
    fixed = fix_guarded(source.text, source.path, rules, task.language, task.unsafe, timeout)
    return Outcome.of_fix(source, fixed)
