"""GitHub Actions workflow commands: annotations on the pull request's diff."""

from __future__ import annotations

from wikilint.linter.finding import Severity
from wikilint.linter.results import FileResult
from wikilint.output.base import Formatter

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


class GithubFormatter(Formatter):
    machine_readable = True

    def file(self, result: FileResult) -> None:
        for finding in result.findings:
            where = finding.location
            properties = ",".join(
                f"{key}={escape_property(str(value))}"
                for key, value in (
                    ("file", result.path),
                    ("line", where.line),
                    ("col", where.column),
                    ("endLine", where.end_line),
                    ("endColumn", where.end_column),
                    ("title", f"{finding.code} {finding.rule}"),
                )
            )
            message = escape_data(f"{finding.code} {finding.message}")
            self.stream.write(f"::{COMMANDS[finding.severity]} {properties}::{message}\n")
