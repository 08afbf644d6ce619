"""Output formats. Each renders results as they arrive, then a closing summary."""

from __future__ import annotations

from typing import TextIO

from wikilint.output.base import Formatter
from wikilint.output.concise import ConciseFormatter
from wikilint.output.full import FullFormatter
from wikilint.output.json import JsonFormatter

FORMATTERS: dict[str, type[Formatter]] = {
    "full": FullFormatter,
    "concise": ConciseFormatter,
    "json": JsonFormatter,
}


def make_formatter(name: str, stream: TextIO, color: bool | None = None) -> Formatter:
    """A formatter by name, writing to *stream*."""
    return FORMATTERS[name](stream, color=color)
