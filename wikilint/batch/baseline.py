"""Baselines: record today's findings, then report only the new ones.

A baseline file lists findings by content, as :mod:`wikilint.linter.matching` keys them: the
path (of a file, relative to the baseline's folder; a page's title), the rule code, the
flagged text, a hash of the text around it and an occurrence index. Lines inserted or
deleted elsewhere leave an entry matched; fixing its finding leaves it stale.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
from pathlib import Path, PurePath
from typing import Any

import click

from wikilint.config.files import load_config
from wikilint.config.settings import Resolver
from wikilint.inputs.files import STDIN
from wikilint.inputs.writer import report_file
from wikilint.linter.engine_codes import INTERNAL_ERROR_CODE, TIMEOUT_CODE
from wikilint.linter.finding import Finding
from wikilint.linter.matching import keyed_findings
from wikilint.linter.results import FileResult, Summary

VERSION = 1
#: A larger file is refused unread: millions of findings are no baseline to adopt.
MAX_BYTES = 64 * 1024 * 1024
#: A crash or a parse timeout is never an accepted state of an article.
NEVER_BASELINED = frozenset({INTERNAL_ERROR_CODE, TIMEOUT_CODE})
#: Flagged text longer than this is stored cut short, followed by a hash of all of it.
TEXT_LIMIT = 120
_FIELDS = {"path": str, "code": str, "rule": str, "text": str, "context": str, "occurrence": int}

#: What identifies an entry: path, code, text, context hash and occurrence index.
Key = tuple[str, str, str, str, int]


class BaselineError(Exception):
    """A baseline file that cannot be used; the message is one line naming it."""


def _stored_text(text: str) -> str:
    if len(text) <= TEXT_LIMIT:
        return text
    digest = hashlib.blake2b(text.encode(), digest_size=8).hexdigest()
    return f"{text[:TEXT_LIMIT]}… {digest}"


def read_baseline(file: Path) -> dict[Key, str]:
    """The entries of a baseline file, each with its rule's name."""
    return parse_baseline(_read(file), file)


def _read(file: Path) -> bytes:
    try:
        with open(file, "rb") as stream:
            data = stream.read(MAX_BYTES + 1)
    except OSError as error:
        reason = error.strerror or error
        raise BaselineError(f"{file}: cannot read the baseline ({reason})") from None
    if len(data) > MAX_BYTES:
        raise BaselineError(f"{file}: baseline larger than {MAX_BYTES:,} bytes")
    return data


def _contents(file: Path) -> bytes | None:
    """The bytes of *file*, ``None`` when there is no such file."""
    return _read(file) if os.path.lexists(file) else None


def _digest(data: bytes | None) -> bytes | None:
    return hashlib.blake2b(data).digest() if data is not None else None


def parse_baseline(data: bytes, file: Path) -> dict[Key, str]:
    """The entries of the baseline *file* that holds *data*."""
    try:
        document = json.loads(data)
    except (ValueError, RecursionError) as error:
        raise BaselineError(f"{file}: not a baseline: invalid JSON ({error})") from None
    if not isinstance(document, dict) or document.get("version") != VERSION:
        raise BaselineError(f'{file}: not a baseline: expected {{"version": {VERSION}, ...}}')
    findings = document.get("findings")
    if not isinstance(findings, list):
        raise BaselineError(f"{file}: not a baseline: 'findings' is not a list")
    return dict(_entry(item, f"{file}: findings[{index}]") for index, item in enumerate(findings))


def _entry(item: Any, where: str) -> tuple[Key, str]:
    if not isinstance(item, dict) or item.keys() != _FIELDS.keys():
        raise BaselineError(f"{where}: expected an object with keys {', '.join(_FIELDS)}")
    for name, kind in _FIELDS.items():
        if type(item[name]) is not kind:
            expected = "an integer" if kind is int else "a string"
            raise BaselineError(f"{where}.{name}: expected {expected}")
    if item["occurrence"] < 0:
        raise BaselineError(f"{where}.occurrence: expected a number from 0")
    key = (item["path"], item["code"], item["text"], item["context"], item["occurrence"])
    return key, item["rule"]


def write_baseline(file: Path, entries: dict[Key, str]) -> None:
    """Write *entries* sorted, one JSON object each, replacing *file* atomically."""
    findings = [
        {"path": path, "code": code, "rule": rule, "text": text, "context": context,
         "occurrence": occurrence}
        for (path, code, text, context, occurrence), rule in sorted(entries.items())
    ]  # fmt: skip
    with report_file(file, what="baseline") as stream:
        json.dump({"version": VERSION, "findings": findings}, stream, indent=2, ensure_ascii=False)
        stream.write("\n")


class BaselineRun:
    """Sees each result before it is reported; :meth:`finish` ends the run."""

    def __init__(self, file: Path) -> None:
        self.file = file
        self.folder = os.path.dirname(os.path.abspath(file))
        #: Paths whose findings are all known: read, and neither crashed nor timed out.
        self.checked: set[str] = set()

    def path_key(self, path: str, page: bool) -> str:
        """A page's title, or a file's path relative to the baseline's folder."""
        if page:
            return path
        absolute = os.path.abspath(path)
        try:
            return PurePath(os.path.relpath(absolute, self.folder)).as_posix()
        except ValueError:  # on another drive
            return PurePath(absolute).as_posix()

    def keys(self, result: FileResult, page: bool) -> list[tuple[Finding, Key | None]]:
        """Each finding of *result* with its entry's key (``None``: never baselined)."""
        path = self.path_key(result.path, page)
        unknown = result.error is not None
        keyed: list[tuple[Finding, Key | None]] = []
        for finding, key in keyed_findings(result.findings, result.source):
            if finding.code in NEVER_BASELINED:
                keyed.append((finding, None))
                unknown = True
            else:
                text = _stored_text(key.text)
                keyed.append((finding, (path, key.code, text, key.context, key.occurrence)))
        if not unknown:
            self.checked.add(path)
        return keyed

    def screen(self, result: FileResult, page: bool) -> FileResult:
        """*result* with the findings to report."""
        raise NotImplementedError

    def finish(self, summary: Summary) -> None:
        """Called once after the last result, before the summary is printed."""


def _without(result: FileResult, left_out: list[Finding]) -> FileResult:
    if not left_out:
        return result
    ids = {id(finding) for finding in left_out}
    kept = tuple(finding for finding in result.findings if id(finding) not in ids)
    return dataclasses.replace(result, findings=kept)


class BaselineFilter(BaselineRun):
    """``--baseline``: leave out the findings the baseline holds, count stale entries."""

    def __init__(self, file: Path) -> None:
        super().__init__(file)
        self.entries = read_baseline(file)
        self.matched: set[Key] = set()

    def screen(self, result: FileResult, page: bool) -> FileResult:
        known = [
            (finding, key)
            for finding, key in self.keys(result, page)
            if key is not None and key in self.entries
        ]
        self.matched.update(key for _, key in known)
        return _without(result, [finding for finding, _ in known])

    def finish(self, summary: Summary) -> None:
        summary.baselined = len(self.matched)
        summary.stale = sum(
            key[0] in self.checked and key not in self.matched for key in self.entries
        )


class BaselineWriter(BaselineRun):
    """``--write-baseline``: record the findings instead of reporting them.

    Entries of paths this run did not check (or could not check fully) are kept.
    """

    def __init__(self, file: Path) -> None:
        super().__init__(file)
        data = _contents(file)
        self.entries = parse_baseline(data, file) if data is not None else {}
        self.digest = _digest(data)
        self.recorded: dict[Key, str] = {}

    def screen(self, result: FileResult, page: bool) -> FileResult:
        keyed = self.keys(result, page)
        self.recorded.update((key, finding.rule) for finding, key in keyed if key is not None)
        return _without(result, [finding for finding, key in keyed if key is not None])

    def finish(self, summary: Summary) -> None:
        """Write the file, unless someone else changed it since it was read."""
        if _digest(_contents(self.file)) != self.digest:
            raise BaselineError(f"{self.file}: changed while wikilint ran; not written")
        kept = {key: rule for key, rule in self.entries.items() if key[0] not in self.checked}
        entries = {**kept, **self.recorded}
        write_baseline(self.file, entries)
        noun = "finding" if len(entries) == 1 else "findings"
        click.echo(f"wrote {len(entries)} {noun} to {self.file}", err=True)


def open_baseline(
    baseline: Path | None, write_to: Path | None, resolver: Resolver
) -> BaselineRun | None:
    """The run ``--write-baseline``, ``--baseline`` or else the ``baseline`` of the
    configuration of the current folder asks for."""
    if write_to is not None:
        return BaselineWriter(write_to)
    if baseline is None and (config_path := resolver.config_path_for(STDIN)) is not None:
        baseline = load_config(config_path).baseline
    return BaselineFilter(baseline) if baseline is not None else None
