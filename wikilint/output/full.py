"""The terminal view: each finding with the offending source, then a summary table."""

from __future__ import annotations

from typing import Any

from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.text import Text

from wikilint.document.lines import LineIndex
from wikilint.linter.finding import Location, Severity
from wikilint.linter.results import FileResult, Summary
from wikilint.output.base import Formatter

SEVERITY_STYLES = {
    Severity.ERROR: "bold red",
    Severity.WARNING: "bold yellow",
    Severity.INFO: "bold cyan",
}
_ELLIPSIS = "…"
#: Related locations shown with their source; the others are named in one line.
RELATED_SHOWN = 3


def crop(line: str, start: int, end: int, width: int) -> tuple[str, int, int]:
    """A window of *line* at most *width* cells wide showing ``line[start:end]``.

    Returns the window's text and the span's start and end within it; cropped sides
    are marked with an ellipsis. Wikitext paragraphs are single long lines, so this
    is what keeps the excerpt readable.
    """
    if cell_len(line) <= width:
        return line, start, end
    left = max(0, start - width // 4)
    right = left
    budget = width - 2
    while right < len(line) and budget - cell_len(line[right]) >= 0:
        budget -= cell_len(line[right])
        right += 1
    prefix = _ELLIPSIS if left > 0 else ""
    suffix = _ELLIPSIS if right < len(line) else ""
    shown = prefix + line[left:right] + suffix
    shift = len(prefix) - left
    return shown, start + shift, min(end, right) + shift


class FullFormatter(Formatter):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.console = Console(
            file=self.stream,
            force_terminal=self.color,
            no_color=True if self.color is False else None,
            highlight=False,
            soft_wrap=True,
        )

    def file(self, result: FileResult) -> None:
        if not result.findings:
            return
        lines = LineIndex(result.source)
        if result.url is not None:  # a page of a wiki
            self.console.print(Text(f"{result.path} (revision {result.revision}) {result.url}"))
        for finding in result.findings:
            header = Text()
            location = finding.location
            header.append(f"{result.path}:{location.line}:{location.column}", style="bold")
            header.append(" ")
            header.append(finding.code, style=SEVERITY_STYLES[finding.severity])
            header.append(f" {finding.rule} ", style="dim")
            header.append(finding.message)
            self.console.print(header)
            self._excerpt(result.source, lines, location, "^", "red")
            for related in finding.related[:RELATED_SHOWN]:
                note = Text(
                    f"  = {related.message} at line {related.location.line}, "
                    f"column {related.location.column}",
                    style="cyan",
                )
                self.console.print(note)
                self._excerpt(result.source, lines, related.location, "-", "cyan")
            rest = finding.related[RELATED_SHOWN:]
            if rest:
                places = ", ".join(f"{r.location.line}:{r.location.column}" for r in rest)
                self.console.print(Text(f"  = and {len(rest)} more at {places}", style="cyan"))
            self.console.print()

    def _excerpt(
        self, source: str, lines: LineIndex, location: Location, mark: str, style: str
    ) -> None:
        number = location.line
        start = lines.line_start(number)
        line = source[start : lines.line_end(number)].replace("\t", " ")
        span_end = location.end_offset - start if location.end_line == number else len(line)
        gutter = len(str(number))
        width = max(20, self.console.width - gutter - 3)
        shown, left, right = crop(
            line, location.column - 1, max(span_end, location.column - 1), width
        )
        pad = " " * (gutter + 1)
        self.console.print(Text(f"{pad}|", style="blue"))
        row = Text(f"{number} | ", style="blue")
        row.append(shown)
        self.console.print(row)
        underline = Text(f"{pad}| ", style="blue")
        underline.append(" " * cell_len(shown[:left]))
        underline.append(mark * max(1, cell_len(shown[left:right])), style=style)
        self.console.print(underline)

    def finish(self, summary: Summary) -> None:
        if self.quiet:
            return
        if summary.findings:
            table = Table(title=None, show_edge=False, header_style="bold")
            table.add_column("code")
            table.add_column("rule")
            table.add_column("severity")
            table.add_column("count", justify="right")
            for (code, rule, severity), count in sorted(summary.by_rule.items()):
                table.add_row(
                    code, rule, Text(severity.value, style=SEVERITY_STYLES[severity]), str(count)
                )
            self.console.print(table)
        leaders = summary.most_findings() if summary.files > 1 else []
        if leaders:
            self.console.print()
            table = Table(show_edge=False, header_style="bold")
            table.add_column("most findings")
            table.add_column("count", justify="right")
            for path, count in leaders:
                table.add_row(path, str(count))
            self.console.print(table)
        self.console.print(Text(summary_line(summary), style="bold"))
        for note in [*summary.fix_notes(), *summary.baseline_notes()]:
            self.console.print(Text(note))
        if summary.files > 1:
            self.console.print(Text(time_line(summary), style="dim"))


def summary_line(summary: Summary) -> str:
    """``Found 7 problems (1 error, 5 warnings, 1 info) in 1 file.``"""
    files = f"{summary.files} file{'s' * (summary.files != 1)}"
    if not summary.findings:
        return f"No problems found in {files}."
    parts = [
        f"{summary.count(Severity.ERROR)} error{'s' * (summary.count(Severity.ERROR) != 1)}",
        f"{summary.count(Severity.WARNING)} warning{'s' * (summary.count(Severity.WARNING) != 1)}",
        f"{summary.count(Severity.INFO)} info",
    ]
    noun = "problem" if summary.findings == 1 else "problems"
    return f"Found {summary.findings} {noun} ({', '.join(parts)}) in {files}."


def time_line(summary: Summary) -> str:
    """``Checked 91 articles in 2.40 s (37.9 per second).``"""
    seconds = summary.elapsed
    rate = summary.files / seconds if seconds > 0 else 0.0
    return f"Checked {summary.files:,} articles in {seconds:.2f} s ({rate:,.1f} per second)."
