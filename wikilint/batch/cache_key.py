"""What the result cache's entries are keyed on, and how a re-run finds it without the rules.

An entry is made for a *settings digest*: wikilint and the code defining the rules (the
parser's and plugins' too), the language, each rule's code, name, severity and options,
and the bytes of the files the rules read (pack files, word lists). Computing it needs the
rules themselves, and loading them (the parser, every rule module, the packs and their
dictionaries) is most of what a re-run over unchanged files would cost. So the run that
computes a digest also writes a *record* of it, named after a digest of light facts: the
wikilint version, each configuration layer's rule settings as written, the
``per-file-ignores`` entries that apply to the file, the pack files and folders named and
the installed distributions. A later run with the same facts takes the digest and the
rule names from the record once the code folders and the files read are checked
unchanged; otherwise it computes the digest again.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import importlib.metadata
import importlib.util
import json
import os
import re
import sys
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from wikilint import __version__
from wikilint.config.settings import Settings
from wikilint.linter.rule import Rule

#: Top-level packages whose code decides findings, besides those defining the rules.
_CODE_PACKAGES = ("wikilint", "mwparserfromhell")
#: The distribution a requirement (``name [extras] (version) ; marker``) names.
_REQUIREMENT_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


@dataclass(frozen=True)
class Key:
    """The settings digest entries are made for, and the rule name of each code in force
    (an entry's findings must be of these rules)."""

    digest: str
    names: Mapping[str, str]


def light_facts(settings: Settings, ignores: tuple[int, ...]) -> str:
    """The digest of what decides the rules in force for a file, read without loading any:
    *ignores* are the positions of the ``per-file-ignores`` entries that apply to it."""
    config = settings.config
    facts = {
        "version": __version__,
        "layers": [
            _plain([layer.select, layer.extend_select, layer.ignore]) for layer in settings.layers
        ],
        "per-file-ignores": [_plain(config.per_file_ignores), list(ignores)],
        "rules": _plain(config.rules),
        "language": config.language,
        "packs": [[str(path), _listing(path)] for path in config.rule_packs],
        "installed": _installed(),
    }
    return _digest(facts)


def recalled(record: bytes, facts: str) -> Key | None:
    """The key a record written by :func:`record_of` holds, if it was made for *facts* and
    the code and files it covered are unchanged; ``None`` for any other record."""
    try:
        data = json.loads(record)
        if data["facts"] != facts or _code_digest(tuple(data["code"])) != data["code-digest"]:
            return None
        if any(_file_digest(Path(file)) != digest for file, digest in data["files"]):
            return None
        names = data["names"]
        if not isinstance(data["digest"], str) or not all(
            isinstance(code, str) and isinstance(name, str) for code, name in names.items()
        ):
            return None
        return Key(data["digest"], names)
    except (ValueError, TypeError, KeyError, AttributeError, RecursionError):
        return None  # damaged or foreign


def computed(rules: Sequence[Rule], language: str | None) -> Key:
    """The key of *rules* (which the run has loaded) under *language*."""
    return Key(settings_digest(rules, language), {rule.code: rule.name for rule in rules})


def record_of(key: Key, facts: str, rules: Sequence[Rule]) -> bytes:
    """What lets a later run with the same light *facts* recall *key*."""
    code = _code_locations(rules)
    record = {
        "facts": facts,
        "digest": key.digest,
        "names": key.names,
        "code": list(code),
        "code-digest": _code_digest(code),
        "files": [[str(file), _file_digest(file)] for file in _input_files(rules)],
    }
    return json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode()


def settings_digest(rules: Sequence[Rule], language: str | None) -> str:
    """What the findings of a text depend on besides the text: wikilint, the parser and the
    code defining the rules (the files of their packages), the language, the rules with
    their severities and options, and the bytes of the files they read (pack files)."""
    return _digest(
        {
            "versions": [__version__, _code_digest(_code_locations(rules))],
            "language": language,
            "rules": [
                [rule.code, rule.name, rule.severity.value, _plain(rule.options)] for rule in rules
            ],
            "files": [[str(file), _file_digest(file)] for file in _input_files(rules)],
        }
    )


def _digest(value: Any) -> str:
    encoded = json.dumps(value, sort_keys=True, ensure_ascii=False).encode()
    return hashlib.sha256(encoded).hexdigest()


def _input_files(rules: Sequence[Rule]) -> list[Path]:
    return list(dict.fromkeys(file for rule in rules for file in rule.input_files()))


def _plain(value: Any) -> Any:
    """*value* as JSON that is the same in every process (sets sorted, dataclasses as dicts)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = dataclasses.fields(value)
        return {field.name: _plain(getattr(value, field.name)) for field in fields}
    if isinstance(value, Mapping):
        return {str(name): _plain(item) for name, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if isinstance(value, set | frozenset):
        return sorted((_plain(item) for item in value), key=repr)
    if value is None or isinstance(value, str | int | float):
        return value
    return repr(value)


def _listing(path: Path) -> list[str] | str:
    """The pack files of a pack folder (a new one adds rules); what else *path* is."""
    if path.is_dir():
        return sorted(entry.name for entry in os.scandir(path) if entry.name.endswith(".toml"))
    return "file" if path.is_file() else "missing"


@cache
def _installed() -> tuple[tuple[str, int], ...]:
    """Each installed distribution and when its entry points were written: installing,
    removing or reinstalling a plugin changes the rules there are."""
    found = []
    for folder in sys.path:  # the first too: the current folder under ``python -m``
        with contextlib.suppress(OSError), os.scandir(folder or ".") as entries:
            for entry in entries:
                if entry.name.endswith((".dist-info", ".egg-info")):
                    points = os.path.join(entry.path, "entry_points.txt")
                    found.append((entry.path, _modified(points)))
    return tuple(sorted(found))


def _modified(file: str) -> int:
    try:
        return os.stat(file).st_mtime_ns
    except OSError:
        return -1


def _code_locations(rules: Sequence[Rule]) -> tuple[str, ...]:
    """The folders (or single modules) of the code the findings of *rules* depend on:
    wikilint, the parser, the built-in packs' folder, the packages defining the rules and,
    for a rule of another distribution (a plugin), every top-level package of that
    distribution and of the distributions it requires, however deep (a helper module in a
    second package or a second distribution is code of the rule too). A helper neither
    the plugin's distribution holds nor its requirements name is not covered: a plugin
    must declare what it imports, as pip requires to install it anywhere else."""
    from wikilint.packs import builtin_pack_dir

    defining = {type(rule).__module__.partition(".")[0] for rule in rules}
    names = {*_CODE_PACKAGES, *defining, *_required_packages(frozenset(defining - {"wikilint"}))}
    locations = {str(builtin_pack_dir())}
    for name in names:
        locations.update(_package_locations(name))
    return tuple(sorted(locations))


@cache
def _required_packages(packages: frozenset[str]) -> frozenset[str]:
    """The top-level packages of the distributions whose ``wikilint.rules`` entry points
    name modules of *packages*, and of every distribution these require, transitively."""
    from wikilint.linter.registry import GROUP  # with the rules: a cached run reads no entry point

    pending = [
        entry_point.dist
        for entry_point in importlib.metadata.entry_points(group=GROUP)
        if entry_point.dist is not None and entry_point.module.partition(".")[0] in packages
    ]
    seen: set[str] = set()
    found: set[str] = set()
    while pending:
        distribution = pending.pop()
        name = _normalized(distribution.metadata["Name"] or "")
        if name in seen:
            continue
        seen.add(name)
        found.update(_top_level_packages(distribution))
        for requirement in distribution.requires or ():
            match = _REQUIREMENT_NAME.match(requirement)
            if match is None or "extra" in requirement.partition(";")[2]:
                continue  # wanted only with an extra: not installed for this plugin
            with contextlib.suppress(importlib.metadata.PackageNotFoundError):
                pending.append(importlib.metadata.distribution(match.group()))
    return frozenset(found)


def _top_level_packages(distribution: importlib.metadata.Distribution) -> set[str]:
    """The top-level packages and modules a distribution installs, as its ``top_level.txt``
    declares them or its list of files shows them (what ``packages_distributions`` reads)."""
    declared = (distribution.read_text("top_level.txt") or "").split()
    if declared:
        return set(declared)
    files = [file for file in distribution.files or () if file.suffix == ".py"]
    return {file.parts[0] if len(file.parts) > 1 else file.stem for file in files}


def _normalized(distribution: str) -> str:
    """A distribution's name as PEP 503 compares them."""
    return re.sub(r"[-_.]+", "-", distribution).lower()


def _package_locations(name: str) -> list[str]:
    """Where the top-level package or module *name* lives (a namespace package in several
    folders), found without importing it; none for one that cannot be found."""
    module = sys.modules.get(name)
    spec = getattr(module, "__spec__", None)
    if spec is None:
        try:
            spec = importlib.util.find_spec(name)
        except (ImportError, ValueError):
            return []
    if spec is None:
        return []
    if spec.submodule_search_locations is not None:
        return list(spec.submodule_search_locations)
    return [spec.origin] if spec.origin not in (None, "built-in", "frozen") else []


@cache
def _code_digest(locations: tuple[str, ...]) -> str:
    """The size, modification and change times and inode of each file under *locations*:
    an edited rule or a reinstalled wikilint or parser makes the earlier entries misses
    (the change time also catches a copy that kept the old modification time)."""
    digest = hashlib.sha256()
    for location in locations:
        digest.update(f"{location}\n".encode())
        for file in sorted(_files(Path(location))):
            with contextlib.suppress(OSError):
                status = file.stat()
                stamp = (status.st_size, status.st_mtime_ns, status.st_ctime_ns, status.st_ino)
                digest.update(f"{file}\0{stamp}\n".encode())
    return digest.hexdigest()


def _files(location: Path) -> Iterator[Path]:
    if not location.is_dir():
        yield location
        return
    for folder, subfolders, names in os.walk(location):
        subfolders[:] = [name for name in subfolders if name != "__pycache__"]
        yield from (Path(folder, name) for name in names)


def _file_digest(file: Path) -> str:
    try:
        status = file.stat()
    except OSError as error:
        return f"unreadable: {error}"
    return _bytes_digest(file, status.st_size, status.st_mtime_ns)


@cache
def _bytes_digest(file: Path, size: int, modified: int) -> str:
    """The digest of a file's bytes, once per version of it and process."""
    try:
        return hashlib.sha256(file.read_bytes()).hexdigest()
    except OSError as error:
        return f"unreadable: {error}"
