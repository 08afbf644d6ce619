"""Output formats. Each renders results as they arrive, then a closing summary.

A format's module is imported when a run uses it: ``full`` needs rich, the others do not.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from wikilint.output.base import Formatter

#: Each ``--format`` name and the module and class that render it.
FORMATTERS: dict[str, tuple[str, str]] = {
    "full": ("full", "FullFormatter"),
    "concise": ("concise", "ConciseFormatter"),
    "json": ("json", "JsonFormatter"),
    "jsonl": ("jsonl", "JsonLinesFormatter"),
    "sarif": ("sarif", "SarifFormatter"),
    "github": ("github", "GithubFormatter"),
    "junit": ("junit", "JunitFormatter"),
    "gitlab": ("gitlab", "GitlabFormatter"),
}
#: ``--statistics`` in formats that have their own; every other format prints the table.
STATISTICS_FORMATTERS: dict[str, tuple[str, str]] = {
    "json": ("statistics", "JsonStatisticsFormatter")
}
_STATISTICS_TABLE = ("statistics", "StatisticsFormatter")


def make_formatter(
    name: str, stream: TextIO, color: bool | None = None, statistics: bool = False
) -> Formatter:
    """The ``--format`` *name*'s formatter writing to *stream*, or with *statistics* its
    per-rule counts."""
    if statistics:
        module, class_name = STATISTICS_FORMATTERS.get(name, _STATISTICS_TABLE)
    else:
        module, class_name = FORMATTERS[name]
    formatter: type[Formatter] = getattr(
        importlib.import_module(f"{__name__}.{module}"), class_name
    )
    return formatter(stream, color=color)
