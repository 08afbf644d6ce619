"""Output formats. Each renders results as they arrive, then a closing summary."""

from __future__ import annotations

from typing import TextIO

from wikilint.output.base import Formatter
from wikilint.output.concise import ConciseFormatter
from wikilint.output.full import FullFormatter
from wikilint.output.github import GithubFormatter
from wikilint.output.gitlab import GitlabFormatter
from wikilint.output.json import JsonFormatter
from wikilint.output.jsonl import JsonLinesFormatter
from wikilint.output.junit import JunitFormatter
from wikilint.output.sarif import SarifFormatter
from wikilint.output.statistics import JsonStatisticsFormatter, StatisticsFormatter

FORMATTERS: dict[str, type[Formatter]] = {
    "full": FullFormatter,
    "concise": ConciseFormatter,
    "json": JsonFormatter,
    "jsonl": JsonLinesFormatter,
    "sarif": SarifFormatter,
    "github": GithubFormatter,
    "junit": JunitFormatter,
    "gitlab": GitlabFormatter,
}
#: ``--statistics`` in formats that have their own; every other format prints the table.
STATISTICS_FORMATTERS: dict[str, type[Formatter]] = {"json": JsonStatisticsFormatter}


def make_formatter(
    name: str, stream: TextIO, color: bool | None = None, statistics: bool = False
) -> Formatter:
    """The ``--format`` *name*'s formatter writing to *stream*, or with *statistics* its
    per-rule counts."""
    if statistics:
        return STATISTICS_FORMATTERS.get(name, StatisticsFormatter)(stream, color=color)
    return FORMATTERS[name](stream, color=color)
