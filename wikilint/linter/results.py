"""Per-input results and the run summary that output formats render."""

from __future__ import annotations

import heapq
import time
from collections import Counter
from dataclasses import dataclass, field

from wikilint.linter.engine_codes import INTERNAL_ERROR_CODE, TIMEOUT_CODE
from wikilint.linter.finding import Applicability, Finding, Severity

#: How many of the articles with the most findings a summary keeps.
TOP_ARTICLES = 5


@dataclass(frozen=True)
class PageResult:
    """The findings of one article, named by its title (or file path) and revision."""

    title: str
    revision: int | None
    findings: tuple[Finding, ...]
    source: str = ""
    error: str | None = None
    """Why the page was not linted (a malformed page of a dump)."""


@dataclass(frozen=True, slots=True)
class FileResult:
    """What linting one input produced. ``error`` is set when it could not be read."""

    path: str
    source: str = ""
    findings: tuple[Finding, ...] = ()
    error: str | None = None
    revision: int | None = None
    """The revision id of a page read from an XML dump or a wiki (its title is ``path``)."""
    url: str | None = None
    """A link to a page read from a wiki (``check --site``)."""


@dataclass
class Summary:
    """Counts over a whole run."""

    files: int = 0
    unreadable: int = 0
    by_rule: Counter[tuple[str, str, Severity]] = field(default_factory=Counter)
    internal_errors: int = 0
    timeouts: int = 0
    """Articles not linted because they overran the time budget."""
    failing: int = 0
    """Findings at or above the ``fail-on`` severity of their file's settings."""
    fixed: int = 0
    fixable: int = 0
    """Remaining findings a safe fix would resolve."""
    unsafe_fixable: int = 0
    """Remaining findings only an unsafe fix would resolve."""
    unsafe_enabled: bool = False
    """Whether the run applied (or would apply) unsafe fixes."""
    preview: bool = False
    """Whether the fixes were shown as a diff, not applied: ``fixed`` counts what would be."""
    baselined: int = 0
    """Findings left out because the baseline holds them."""
    stale: int = 0
    """Baseline entries of the checked inputs that no longer occur: fixed since."""
    started: float = field(default_factory=time.monotonic, compare=False)
    _top: list[tuple[int, int, str]] = field(default_factory=list, repr=False)
    """A min-heap of (findings, -input number, path): the leaders so far, earliest on ties."""

    def add(self, result: FileResult, fail_on: Severity = Severity.WARNING) -> None:
        self.files += 1
        if result.error is not None:
            self.unreadable += 1
        if result.findings:
            entry = (len(result.findings), -self.files, result.path)
            if len(self._top) < TOP_ARTICLES:
                heapq.heappush(self._top, entry)
            else:
                heapq.heappushpop(self._top, entry)
        for finding in result.findings:
            self.by_rule[finding.code, finding.rule, finding.severity] += 1
            self.internal_errors += finding.code == INTERNAL_ERROR_CODE
            self.timeouts += finding.code == TIMEOUT_CODE
            self.failing += finding.severity.rank >= fail_on.rank
            if finding.fix is not None:
                if finding.fix.applicability is Applicability.SAFE:
                    self.fixable += 1
                else:
                    self.unsafe_fixable += 1

    @property
    def findings(self) -> int:
        return sum(self.by_rule.values())

    @property
    def elapsed(self) -> float:
        """Seconds since the run started."""
        return time.monotonic() - self.started

    def most_findings(self) -> list[tuple[str, int]]:
        """The articles with the most findings (at most :data:`TOP_ARTICLES`), most first."""
        return [(path, count) for count, _, path in sorted(self._top, reverse=True)]

    def count(self, severity: Severity) -> int:
        return sum(n for (_, _, level), n in self.by_rule.items() if level is severity)

    def fix_notes(self) -> list[str]:
        """What was fixed and what a ``--fix`` or ``--unsafe-fixes`` run would fix."""
        notes = []
        if self.fixed:
            verb = "Would fix" if self.preview else "Fixed"
            notes.append(f"{verb} {self.fixed} finding{'s' * (self.fixed != 1)}.")
        if self.fixable and not self.preview:
            notes.append(f"{self.fixable} fixable with --fix.")
        if self.unsafe_fixable and not self.unsafe_enabled:
            notes.append(f"{self.unsafe_fixable} more fixable with --fix --unsafe-fixes.")
        return notes

    @property
    def unchecked(self) -> bool:
        """Whether an input was not linted: unreadable, a crash, over the time budget."""
        return bool(self.unreadable or self.internal_errors or self.timeouts)

    def baseline_notes(self) -> list[str]:
        """How many findings the baseline held back and how many of its entries are fixed."""
        if not (self.baselined or self.stale):
            return []
        entries = "entry no longer occurs" if self.stale == 1 else "entries no longer occur"
        return [
            f"{self.baselined} baselined finding{'s' * (self.baselined != 1)} not shown; "
            f"{self.stale} baseline {entries} (fixed)."
        ]

    def exit_code(self) -> int:
        """0: clean; 1: findings at or above ``fail-on``; 2: an input that was not linted,
        whatever ``fail-on`` says."""
        if self.unchecked:
            return 2
        return 1 if self.failing else 0

    def diff_exit_code(self) -> int:
        """``--diff``, as ruff's: 0 when nothing would change, 1 when the diff is not empty,
        2 when an input was not linted."""
        if self.unchecked:
            return 2
        return 1 if self.fixed else 0
