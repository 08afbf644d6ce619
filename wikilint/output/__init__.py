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
from wikilint.output.statistics import StatisticsFormatter

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
#: Formats chosen by other flags than ``--format``.
SPECIAL_FORMATTERS: dict[str, type[Formatter]] = {"statistics": StatisticsFormatter}


def make_formatter(name: str, stream: TextIO, color: bool | None = None) -> Formatter:
    """A formatter by name, writing to *stream*."""
    return {**FORMATTERS, **SPECIAL_FORMATTERS}[name](stream, color=color)
