"""``--statistics``: the number of findings per rule, most frequent first.

A table, or with ``--format json`` an array of objects with the keys ``code``, ``name``,
``severity``, ``count``, ``fixable`` (findings ``--fix`` would fix) and
``unsafe_fixable`` (findings only ``--unsafe-fixes`` would fix).
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from wikilint.linter.finding import Applicability
from wikilint.linter.results import FileResult, Summary
from wikilint.output.base import Formatter


class StatisticsFormatter(Formatter):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._fixable: Counter[str] = Counter()
        self._unsafe_fixable: Counter[str] = Counter()

    def file(self, result: FileResult) -> None:
        """Findings are counted, by rule in the summary and by fix here."""
        for finding in result.findings:
            if finding.fix is None:
                continue
            if finding.fix.applicability is Applicability.SAFE:
                self._fixable[finding.code] += 1
            else:
                self._unsafe_fixable[finding.code] += 1

    def rows(self, summary: Summary) -> list[dict[str, Any]]:
        """One object per rule that has findings, most findings first, then by code."""
        counts = sorted(summary.by_rule.items(), key=lambda item: (-item[1], item[0][0]))
        return [
            {
                "code": code,
                "name": rule,
                "severity": severity.value,
                "count": count,
                "fixable": self._fixable[code],
                "unsafe_fixable": self._unsafe_fixable[code],
            }
            for (code, rule, severity), count in counts
        ]

    def finish(self, summary: Summary) -> None:
        for row in self.rows(summary):
            self.stream.write(
                f"{row['count']:>6}  {row['code']:<7} {row['name']:<28} {row['severity']}\n"
            )


class JsonStatisticsFormatter(StatisticsFormatter):
    machine_readable = True

    def finish(self, summary: Summary) -> None:
        json.dump(self.rows(summary), self.stream, indent=2, ensure_ascii=False)
        self.stream.write("\n")
