"""GitLab code quality report (a JSON array of issues with fingerprints)."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from typing import Any

from wikilint.linter.finding import Severity
from wikilint.linter.results import FileResult, Summary
from wikilint.output.base import Formatter

SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


class GitlabFormatter(Formatter):
    machine_readable = True

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._issues: list[dict[str, Any]] = []
        self._seen: Counter[str] = Counter()

    def file(self, result: FileResult) -> None:
        for finding in result.findings:
            snippet = result.source[finding.location.offset : finding.location.end_offset]
            # Stable across edits elsewhere in the file: neither the position nor the
            # message (which may name a line) but the flagged text, whitespace-normalised;
            # the n-th occurrence of the same text keeps repeats apart.
            key = f"{result.path}\0{finding.code}\0{' '.join(snippet.split())}"
            self._seen[key] += 1
            key += f"\0{self._seen[key]}"
            self._issues.append(
                {
                    "description": f"{finding.code} {finding.rule}: {finding.message}",
                    "check_name": finding.rule,
                    "fingerprint": hashlib.sha256(key.encode()).hexdigest(),
                    "severity": SEVERITIES[finding.severity],
                    "location": {
                        "path": result.path,
                        "lines": {
                            "begin": finding.location.line,
                            "end": finding.location.end_line,
                        },
                    },
                }
            )

    def finish(self, summary: Summary) -> None:
        json.dump(self._issues, self.stream, indent=2, ensure_ascii=False)
        self.stream.write("\n")
