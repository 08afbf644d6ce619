"""``--statistics``: the number of findings per rule, most frequent first."""

from __future__ import annotations

from wikilint.output.base import Formatter
from wikilint.results import FileResult, Summary


class StatisticsFormatter(Formatter):
    def file(self, result: FileResult) -> None:
        """Findings are only counted, in the summary."""

    def finish(self, summary: Summary) -> None:
        rows = sorted(summary.by_rule.items(), key=lambda item: (-item[1], item[0][0]))
        for (code, rule, severity), count in rows:
            self.stream.write(f"{count:>6}  {code:<7} {rule:<28} {severity.value}\n")
