"""The interface output formats implement."""

from __future__ import annotations

from typing import TextIO

from wikilint.linter.results import FileResult, Summary
from wikilint.linter.rule import Rule


class Formatter:
    """Receives each input's result in order, then the summary of the run."""

    #: Machine formats keep stdout free of anything but their document.
    machine_readable = False
    #: Formats that describe every rule of the run (SARIF) are given them in ``known_rules``.
    describes_rules = False

    def __init__(self, stream: TextIO, color: bool | None = None) -> None:
        self.stream = stream
        self.color = color
        #: ``--quiet``: findings only, no summary.
        self.quiet = False
        #: Every rule the run knows, by code, for formats that describe rules (SARIF).
        self.known_rules: dict[str, type[Rule]] = {}
        #: The distribution of each known rule that a plugin provides (off until selected).
        self.plugin_rules: dict[type[Rule], str] = {}

    def file(self, result: FileResult) -> None:
        raise NotImplementedError

    def finish(self, summary: Summary) -> None:
        """Called once after the last result."""
