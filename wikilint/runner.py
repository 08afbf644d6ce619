"""Lint one input: read, decode, parse once, run the rules."""

from __future__ import annotations

from collections.abc import Sequence

from wikilint.engine import lint_source
from wikilint.results import FileResult
from wikilint.rule import Rule
from wikilint.sources import InputError, read_source


def lint_path(path: str, rules: Sequence[Rule], language: str | None = None) -> FileResult:
    """Read and lint one input; an unreadable one yields a result with ``error`` set."""
    try:
        source = read_source(path)
    except InputError as error:
        return FileResult(path, error=str(error))
    findings = lint_source(source.text, source.path, rules, language)
    return FileResult(source.path, source.text, tuple(findings))
