"""What the server knows of one version of a document once it has been linted."""

from __future__ import annotations

from dataclasses import dataclass

from wikilint.linter.finding import Finding
from wikilint.lsp.positions import PositionEncoder
from wikilint.lsp.worker import LintReport


@dataclass(frozen=True)
class Snapshot:
    """One version of an open document."""

    uri: str
    version: int | None
    text: str
    #: The file system path that settings are looked up for (``-`` for an unsaved buffer).
    path: str


@dataclass(frozen=True)
class Linted:
    """A snapshot and what linting it found."""

    snapshot: Snapshot
    positions: PositionEncoder
    report: LintReport

    def at(self, start: int, end: int) -> list[Finding]:
        """Findings whose span touches ``[start, end]``."""
        return [
            finding
            for finding in self.report.findings
            if finding.location.offset <= end and start <= finding.location.end_offset
        ]
