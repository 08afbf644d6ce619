"""Lint a stream of inputs, one result per input, in input order."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from wikilint.engine import lint_source
from wikilint.results import FileResult
from wikilint.rule import Rule
from wikilint.sources import InputError, read_source


def lint_path(path: str, rules: Sequence[Rule]) -> FileResult:
    """Read and lint one input; an unreadable one yields a result with ``error`` set."""
    try:
        source = read_source(path)
    except InputError as error:
        return FileResult(path, error=str(error))
    findings = lint_source(source.text, source.path, rules)
    return FileResult(source.path, source.text, tuple(findings))


def lint_paths(paths: Iterable[str], rules: Sequence[Rule]) -> Iterator[FileResult]:
    for path in paths:
        yield lint_path(path, rules)
