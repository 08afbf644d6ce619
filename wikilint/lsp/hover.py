"""Hover over a finding: the documentation of its rule, as ``wikilint explain`` shows it."""

from __future__ import annotations

from collections.abc import Sequence

from lsprotocol.types import Hover, MarkupContent, MarkupKind

from wikilint.linter.finding import Finding
from wikilint.lsp.state import Linted


def hover(linted: Linted, findings: Sequence[Finding]) -> Hover | None:
    """One section per distinct rule among *findings*, over the first finding's range."""
    docs = linted.report.docs
    sections = {
        finding.code: docs[finding.code].markdown for finding in findings if finding.code in docs
    }
    if not sections:
        return None
    first = findings[0].location
    return Hover(
        contents=MarkupContent(
            kind=MarkupKind.Markdown, value="\n\n---\n\n".join(sections.values())
        ),
        range=linted.positions.range(first.offset, first.end_offset),
    )
