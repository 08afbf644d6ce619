"""The result cache of ``check``, like ruff's: a re-run skips parsing and the rules for
every file whose text and settings have not changed.

One entry per file and settings, ``<cache dir>/<version>/<digest>.json``, repeats what it
was made for (the settings digest, the path, the digest of the text) and holds the findings
as compact JSON. An entry is untrusted input: one that cannot be read or parsed, was made
for anything else or names a position outside the text is a miss, and the file is linted
and the entry rewritten. Entries are written to a temporary file and renamed into place,
so a concurrent run reads the old entry or the new one, never part of one. Beside them,
``settings-<digest>.json`` records let a re-run find the settings digest without loading
the rules (see :mod:`wikilint.batch.cache_key`).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import stat
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import click

from wikilint import __version__
from wikilint.batch import cache_key
from wikilint.batch.cache_key import Key
from wikilint.batch.process import Outcome
from wikilint.config.files import Config, load_config
from wikilint.config.settings import Settings
from wikilint.document.lines import LineIndex
from wikilint.inputs.files import STDIN, InputError, Source, read_source
from wikilint.linter.engine_codes import ENGINE_ERRORS
from wikilint.linter.finding import (
    Applicability,
    Edit,
    Finding,
    Fix,
    Location,
    Related,
    Severity,
    allowed,
)
from wikilint.linter.results import FileResult

CACHE_FOLDER = ".wikilint_cache"
CACHE_DIR_ENV = "WIKILINT_CACHE_DIR"
#: Larger entries are neither written nor read: a foreign one costs bounded work.
MAX_ENTRY_BYTES = 16 * 2**20
#: Code points of texts held from the look-up to their turn (a hit to be reported, a miss
#: to be linted); a file beyond them is read again then, so memory stays bounded on any
#: number of files.
MAX_HELD_TEXT = 64 * 2**20
#: A crash or a timeout says nothing lasting about the text: such results are not kept.
_UNCACHED_CODES = ENGINE_ERRORS
_MARKERS = {
    ".gitignore": "# Created by wikilint.\n*\n",
    "CACHEDIR.TAG": "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This file is a cache directory tag created by wikilint.\n",
}

Files = list[tuple[str, Settings]]
#: Files to lint, each with its text when it was read already (``None``: read it).
Misses = list[tuple[str, Settings, Source | None]]
Compute = Callable[[Misses], Iterable[tuple[str, Settings, Outcome]]]


def cache_folder(config: Config) -> Path:
    """``WIKILINT_CACHE_DIR``, else the configuration's ``cache-dir``, else
    ``.wikilint_cache`` in the project root (the configuration file's folder, else the
    current one)."""
    from_env = os.environ.get(CACHE_DIR_ENV)
    if from_env:
        return Path(from_env)
    return config.cache_dir or config.root / CACHE_FOLDER


class CacheError(Exception):
    """The cache cannot be removed; the message is one line naming the folder."""


def clean_cache(config_file: Path | None) -> Path | None:
    """Remove the cache folder of the project of *config_file* (``None``: the current
    folder's); return it, or ``None`` when there is none. A folder that wikilint did not
    make (a mistaken ``cache-dir``) is refused, not removed."""
    folder = cache_folder(load_config(config_file) if config_file is not None else Config())
    if not folder.exists():
        return None
    try:
        tag = (folder / "CACHEDIR.TAG").read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        tag = ""
    if tag != _MARKERS["CACHEDIR.TAG"] or folder.is_symlink():
        raise CacheError(f"{folder} is not a cache folder that wikilint made; not removed")
    try:
        shutil.rmtree(folder)
    except OSError as error:
        raise CacheError(f"cannot remove {folder} ({error.strerror or error})") from None
    return folder


class ResultCache:
    """The look-ups and stores of one run. A fixing run takes only entries with nothing to
    fix at its safety level: fixed text never comes from the cache."""

    def __init__(self, fixing: bool = False, unsafe: bool = False) -> None:
        self.fixing = fixing
        self.unsafe = unsafe
        self._keys: dict[tuple[int, tuple[int, ...]], tuple[Settings, Key, bool]] = {}
        self._folders: dict[int, tuple[Settings, str]] = {}
        self._unwritable: set[Path] = set()

    def lookup(self, path: str, settings: Settings) -> tuple[Outcome | None, Source | None]:
        """The cached outcome of *path*, or ``None``: a miss; and the text read to look it
        up, for the lint step of a miss to use rather than read the file again (``None``
        for an input the cache does not read: the lint step reads it and reports why)."""
        if not _is_regular_file(path):
            return None, None  # a pipe or a device gives its text once: to the lint step
        try:
            source = read_source(path)
        except InputError:
            return None, None  # reported when the file is linted
        key = self._key(path, settings)
        try:
            findings = _read_entry(key, self._folder(settings), path, source.text)
        except (OSError, ValueError, TypeError, KeyError, RecursionError):
            return None, source  # missing, unreadable, foreign or damaged: lint and rewrite it
        if self.fixing and any(allowed(finding, self.unsafe) for finding in findings):
            return None, source
        result = FileResult(source.path, source.text, findings)
        return Outcome(result, source.text, 0, source.bom, findings, source.encoding), source

    def store(self, path: str, settings: Settings, outcome: Outcome) -> None:
        """Keep the findings of a file linted (not fixed) without error."""
        result = outcome.result
        if (
            result.error is not None
            or outcome.fixed
            or any(finding.code in _UNCACHED_CODES for finding in result.findings)
            or not _is_regular_file(path)
        ):
            return
        key = self._key(path, settings, computing=True)
        entry = _identity(key, path, result.source)
        entry["findings"] = [_encoded(finding) for finding in result.findings]
        data = json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode()
        if len(data) <= MAX_ENTRY_BYTES:
            self._write(Path(_entry_file(key, self._folder(settings), path)), data)

    def _key(self, path: str, settings: Settings, computing: bool = False) -> Key:
        """The key of *path*'s entry: recalled from the record of its light facts, or
        computed from the rules (loading them) and recorded. When *computing* (the rules
        are loaded anyway), a recalled key is checked against the computed one once, and
        a record that disagrees is rewritten."""
        ignores = settings.ignores_for(path)
        known = self._keys.get((id(settings), ignores))
        if known is not None and (known[2] or not computing):
            return known[1]
        facts = cache_key.light_facts(settings, ignores)
        record = Path(self._folder(settings), f"settings-{facts}.json")
        key = known[1] if known is not None else _recalled(record, facts)
        if key is None or computing:
            rules = settings.rules_for(path)
            computed = cache_key.computed(rules, settings.config.language)
            if computed != key:
                key = computed
                self._write(record, cache_key.record_of(key, facts, rules))
        # the settings are held so that their id stays unique
        self._keys[id(settings), ignores] = settings, key, computing
        return key

    def _folder(self, settings: Settings) -> str:
        """The folder of this wikilint version in the cache the settings name."""
        known = self._folders.get(id(settings))
        if known is None:
            known = self._folders[id(settings)] = (
                settings,
                str(cache_folder(settings.config) / __version__),
            )
        return known[1]

    def _write(self, file: Path, data: bytes) -> None:
        """Write an entry whole, or warn (once a run) that the cache cannot be written."""
        root = file.parent.parent
        if root in self._unwritable:
            return
        try:
            if not file.parent.is_dir():
                _make_folder(file.parent)
            descriptor, temporary = tempfile.mkstemp(prefix=".", suffix=".tmp", dir=file.parent)
            try:
                with os.fdopen(descriptor, "wb") as handle:
                    handle.write(data)
                os.replace(temporary, file)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(temporary)
                raise
        except OSError as error:
            if not self._unwritable:
                why = error.strerror or error
                click.echo(
                    f"wikilint: warning: cannot write the cache in {root} ({why}); "
                    "results are not cached",
                    err=True,
                )
            self._unwritable.add(root)


def _is_regular_file(path: str) -> bool:
    """Whether *path* is a regular file, the only kind of input the cache handles: standard
    input, a pipe (``<(...)``, ``/dev/stdin``) or a FIFO cannot be read a second time."""
    if path == STDIN:
        return False
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def _make_folder(folder: Path) -> None:
    """The version *folder* inside a cache folder that has its ``.gitignore`` and tag."""
    root = folder.parent
    root.mkdir(parents=True, exist_ok=True)
    for name, content in _MARKERS.items():
        if not (root / name).exists():
            (root / name).write_text(content, encoding="utf-8")
    folder.mkdir(exist_ok=True)


def cached_outcomes(
    files: Files, results: ResultCache, compute: Compute, ordered: bool = True
) -> Iterator[tuple[str, Settings, Outcome]]:
    """Each file's outcome: from the cache where it holds one, else from *compute*, which
    is given the misses only (a run over unchanged files starts no worker processes), each
    with the text read to look it up; computed outcomes are stored. In input order when
    *ordered*, else the hits first. The texts held from the look-up to their turn are
    bounded: a file beyond :data:`MAX_HELD_TEXT` is read again then."""
    hits: list[Outcome | None] = []
    misses: Misses = []
    held = 0
    for path, settings in files:
        hit, source = results.lookup(path, settings)
        held += 0 if source is None else len(source.text)
        if held > MAX_HELD_TEXT:
            hit, source = (None if hit is None else _LATER), None
        hits.append(hit)
        if hit is None:
            misses.append((path, settings, source))
    computed = iter(compute(misses) if misses else ())

    def stored(item: tuple[str, Settings, Outcome]) -> tuple[str, Settings, Outcome]:
        results.store(*item)
        return item

    def recalled(path: str, settings: Settings, hit: Outcome) -> tuple[str, Settings, Outcome]:
        if hit is _LATER:
            again, source = results.lookup(path, settings)
            if again is None:  # changed since: lint it now
                return stored(next(iter(compute([(path, settings, source)]))))
            hit = again
        return path, settings, hit

    for (path, settings), hit in zip(files, hits, strict=True):
        if hit is not None:
            yield recalled(path, settings, hit)
        elif ordered:
            yield stored(next(computed))
    yield from map(stored, computed)


#: Severities by value (a dict look-up is several times as fast as ``Severity(value)``).
_SEVERITIES = {severity.value: severity for severity in Severity}
#: Marks a hit whose text was not held: it is looked up again in its turn.
_LATER = Outcome(FileResult(""))


def _entry_file(key: Key, folder: str, path: str) -> str:
    name = hashlib.sha256(f"{key.digest}\0{os.path.abspath(path)}".encode()).hexdigest()
    return os.path.join(folder, f"{name}.json")


def _identity(key: Key, path: str, text: str) -> dict[str, Any]:
    """What an entry must have been made for to be used."""
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    return {"settings": key.digest, "path": os.path.abspath(path), "text": digest}


def _recalled(record: Path, facts: str) -> Key | None:
    try:
        return cache_key.recalled(_read_small(record), facts)
    except (OSError, ValueError):
        return None  # none yet, or not a regular file


def _read_small(file: str | Path) -> bytes:
    """The bytes of a regular file of at most ``MAX_ENTRY_BYTES``; :class:`ValueError`
    for anything else (a FIFO would block the run)."""
    descriptor = os.open(file, os.O_RDONLY | os.O_NONBLOCK)
    with os.fdopen(descriptor, "rb") as handle:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            raise ValueError("not a regular file")
        # read(n) sets aside n bytes first: ask for what the file holds, not the limit
        data = handle.read(min(status.st_size, MAX_ENTRY_BYTES) + 1)
    if len(data) > MAX_ENTRY_BYTES:
        raise ValueError("too large")
    return data


def _read_entry(key: Key, folder: str, path: str, text: str) -> tuple[Finding, ...]:
    """The findings of a matching entry; :class:`ValueError` for any other."""
    data = _read_small(_entry_file(key, folder, path))
    entry = json.loads(data)
    if not isinstance(entry, dict):
        raise ValueError("not an entry")
    if any(entry.get(name) != value for name, value in _identity(key, path, text).items()):
        raise ValueError("made for another text or other settings")
    findings = _Decoder(text, key.names, path).findings(entry.get("findings"))
    return tuple(findings)


def _encoded(finding: Finding) -> list[Any]:
    """A finding as a JSON list; lines and columns are left out (recomputed on reading)."""
    location, fix = finding.location, finding.fix
    related = [[item.location.offset, item.location.end_offset, item.message] for item in
               finding.related]  # fmt: skip
    return [
        finding.code,
        finding.rule,
        finding.severity.value,
        finding.message,
        location.offset,
        location.end_offset,
        related,
        None
        if fix is None
        else [
            fix.applicability.value,
            fix.description,
            [[edit.start, edit.end, edit.replacement] for edit in fix.edits],
        ],
    ]


class _Decoder:
    """Findings back from :func:`_encoded` lists, checked against the text and the rules."""

    def __init__(self, text: str, names: Mapping[str, str], path: str) -> None:
        self.text = text
        self.lines = LineIndex(text)
        self.names = names
        self.path = path

    def findings(self, raw: Any) -> list[Finding]:
        return [self.finding(item) for item in _list(raw)]

    def finding(self, raw: Any) -> Finding:
        code, rule, severity, message, start, end, related, fix = _list(raw, 8)
        if self.names.get(code) != rule:
            raise ValueError(f"not a finding of the rules in force: {code!r}")
        return Finding(
            code=code,
            rule=rule,
            severity=_SEVERITIES[severity],
            message=_string(message),
            location=self.location(start, end),
            related=() if related == [] else tuple(map(self.related, _list(related))),
            fix=None if fix is None else self.fix(fix),
            path=self.path,
        )

    def related(self, raw: Any) -> Related:
        start, end, message = _list(raw, 3)
        return Related(self.location(start, end), _string(message))

    def fix(self, raw: Any) -> Fix:
        applicability, description, edits = _list(raw, 3)
        return Fix(
            tuple(self.edit(edit) for edit in _list(edits)),
            Applicability(applicability),
            _string(description),
        )

    def edit(self, raw: Any) -> Edit:
        start, end, replacement = _list(raw, 3)
        self.span(start, end)
        return Edit(start, end, _string(replacement))

    def location(self, start: Any, end: Any) -> Location:
        self.span(start, end)
        position = self.lines.position
        return Location(start, end, *position(start), *position(end))

    def span(self, start: Any, end: Any) -> None:
        if not (type(start) is int and type(end) is int and 0 <= start <= end <= len(self.text)):
            raise ValueError(f"span {start!r}-{end!r} outside the text")


def _list(value: Any, length: int | None = None) -> list[Any]:
    if not isinstance(value, list) or (length is not None and len(value) != length):
        raise ValueError("malformed entry")
    return value


def _string(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError("malformed entry")
    return value
