"""Findings as LSP diagnostics."""

from __future__ import annotations

from lsprotocol.types import (
    CodeDescription,
    Diagnostic,
    DiagnosticRelatedInformation,
    DiagnosticSeverity,
    Location,
    Position,
    Range,
)

from wikilint.linter.finding import Finding, Severity
from wikilint.lsp.positions import PositionEncoder
from wikilint.lsp.ruledocs import CodeDocs

SOURCE = "wikilint"
_SEVERITIES = {
    Severity.ERROR: DiagnosticSeverity.Error,
    Severity.WARNING: DiagnosticSeverity.Warning,
    Severity.INFO: DiagnosticSeverity.Information,
}


def to_diagnostic(
    finding: Finding, uri: str, positions: PositionEncoder, docs: CodeDocs | None
) -> Diagnostic:
    """One finding, with its related locations and a link to its rule's documentation,
    as a diagnostic of document *uri*."""
    where = finding.location
    related = [
        DiagnosticRelatedInformation(
            location=Location(
                uri=uri, range=positions.range(item.location.offset, item.location.end_offset)
            ),
            message=item.message,
        )
        for item in finding.related
    ]
    return Diagnostic(
        range=positions.range(where.offset, where.end_offset),
        severity=_SEVERITIES[finding.severity],
        code=finding.code,
        code_description=CodeDescription(href=docs.url) if docs and docs.url else None,
        source=SOURCE,
        message=finding.message,
        related_information=related or None,
    )


def config_diagnostic(message: str) -> Diagnostic:
    """A configuration that cannot be loaded: nothing was linted, and this says why."""
    start = Position(line=0, character=0)
    return Diagnostic(
        range=Range(start=start, end=start),
        severity=DiagnosticSeverity.Error,
        source=SOURCE,
        message=f"not linted: {message}",
    )
