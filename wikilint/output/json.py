"""A JSON array of findings, streamed as results arrive."""

from __future__ import annotations

import json
from typing import Any

from wikilint.linter.finding import Finding, Fix, Location
from wikilint.linter.results import FileResult, Summary
from wikilint.output.base import Formatter


def location_fields(location: Location) -> dict[str, int]:
    return {
        "line": location.line,
        "column": location.column,
        "end_line": location.end_line,
        "end_column": location.end_column,
        "offset": location.offset,
        "end_offset": location.end_offset,
    }


def finding_object(finding: Finding, path: str) -> dict[str, Any]:
    """The JSON object of one finding (keys are a public contract)."""
    return {
        "path": path,
        "code": finding.code,
        "rule": finding.rule,
        "severity": finding.severity.value,
        "message": finding.message,
        **location_fields(finding.location),
        "related": [
            {**location_fields(related.location), "message": related.message}
            for related in finding.related
        ],
        "fix": None if finding.fix is None else fix_object(finding.fix),
    }


def fix_object(fix: Fix) -> dict[str, Any]:
    return {
        "applicability": fix.applicability.value,
        "message": fix.description,
        "edits": [
            {"offset": edit.start, "end_offset": edit.end, "content": edit.replacement}
            for edit in fix.edits
        ],
    }


class JsonFormatter(Formatter):
    machine_readable = True

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._count = 0

    def file(self, result: FileResult) -> None:
        for finding in result.findings:
            self.stream.write("[\n" if self._count == 0 else ",\n")
            self.stream.write(json.dumps(finding_object(finding, result.path), ensure_ascii=False))
            self._count += 1

    def finish(self, summary: Summary) -> None:
        self.stream.write("[]\n" if self._count == 0 else "\n]\n")
