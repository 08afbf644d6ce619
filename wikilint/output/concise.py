"""One line per finding: ``path:line:col CODE name message``."""

from __future__ import annotations

from wikilint.linter.finding import Finding
from wikilint.linter.results import FileResult, Summary
from wikilint.output.base import Formatter


def headline(finding: Finding, path: str) -> str:
    where = f"{path}:{finding.location.line}:{finding.location.column}"
    return f"{where} {finding.code} {finding.rule} {finding.message}"


class ConciseFormatter(Formatter):
    def file(self, result: FileResult) -> None:
        for finding in result.findings:
            self.stream.write(headline(finding, result.path) + "\n")

    def finish(self, summary: Summary) -> None:
        if not self.quiet:
            self.stream.writelines(f"{note}\n" for note in summary.baseline_notes())
