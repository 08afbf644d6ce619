"""Configuration files: ``.wikilint.toml`` or ``[tool.wikilint]`` in ``pyproject.toml``.

The nearest file above a checked path wins; ``.wikilint.toml`` wins over a
``pyproject.toml`` in the same folder, and a ``pyproject.toml`` without a
``[tool.wikilint]`` table is passed over.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from wikilint.inputs.tomlfile import TomlFileError, read_toml
from wikilint.linter.finding import Severity

CONFIG_NAMES = (".wikilint.toml", "pyproject.toml")
SEVERITIES = tuple(severity.value for severity in Severity)
#: Files a folder walk yields unless ``include`` replaces these (``extend-include`` adds).
DEFAULT_INCLUDE = ("*.wiki", "*.wikitext", "*.mediawiki")


class ConfigError(Exception):
    """An invalid configuration; the message is one line naming the file and the key."""


@dataclass(frozen=True)
class Config:
    """Validated values of one configuration source (a file or the command line)."""

    path: Path | None = None
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    exclude: tuple[str, ...] = ()
    include: tuple[str, ...] | None = None
    extend_include: tuple[str, ...] = ()
    respect_gitignore: bool | None = None
    force_exclude: bool | None = None
    fail_on: Severity | None = None
    min_severity: Severity | None = None
    rule_packs: tuple[Path, ...] = ()
    language: str | None = None
    site: str | None = None
    """The wiki ``check --category``, ``--titles-from``, ``--revision`` and ``--since`` read."""
    baseline: Path | None = None
    """The baseline file of ``check`` (see :mod:`wikilint.batch.baseline`)."""
    cache_dir: Path | None = None
    """Where ``check`` keeps its results (``cache-dir``, relative to the file's folder)."""
    rules: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)

    @property
    def root(self) -> Path:
        """The folder relative paths in this configuration are resolved against."""
        return self.path.parent if self.path is not None else Path.cwd()


def shown(value: Any, limit: int = 40) -> str:
    """*value* as an error message quotes it, cut short (a list, a 4,000-digit number)."""
    text = repr(value)
    return text if len(text) <= limit else f"{text[: limit - 3]}..."


def _string(value: Any, where: str) -> str:
    if not isinstance(value, str):
        raise ConfigError(f"{where}: expected a string, got {shown(value)}")
    return value


def _strings(value: Any, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ConfigError(f"{where}: expected a list of strings, got {shown(value)}")
    return tuple(value)


def _boolean(value: Any, where: str) -> bool:
    if not isinstance(value, bool):
        raise ConfigError(f"{where}: expected true or false, got {shown(value)}")
    return value


#: Keys one validator checks; the value goes to the field of the same name.
_PLAIN_KEYS: dict[str, Callable[[Any, str], Any]] = {
    "select": _strings,
    "extend-select": _strings,
    "ignore": _strings,
    "exclude": _strings,
    "include": _strings,
    "extend-include": _strings,
    "respect-gitignore": _boolean,
    "force-exclude": _boolean,
}


def severity_of(value: Any, where: str) -> Severity:
    if value not in SEVERITIES:
        raise ConfigError(f"{where}: expected one of {', '.join(SEVERITIES)}, got {shown(value)}")
    return Severity(value)


def language_of(value: Any, where: str) -> str:
    """A language code wikilint has a file for (see ``wikilint.document.language_data``)."""
    from wikilint.document.language_data import known_languages  # only when asked

    if not isinstance(value, str) or value not in known_languages():
        known = ", ".join(sorted(known_languages()))
        raise ConfigError(f"{where}: unknown language code {shown(value)} (known: {known})")
    return value


def parse_config(table: Mapping[str, Any], path: Path | None, prefix: str) -> Config:
    """Validate a ``[tool.wikilint]`` table (or a ``.wikilint.toml`` document)."""
    where = f"{path}: {prefix}" if path is not None else prefix
    root = path.parent if path is not None else Path.cwd()
    values: dict[str, Any] = {"path": path}
    for key, value in table.items():
        at = f"{where}{key}"
        if key in _PLAIN_KEYS:
            values[key.replace("-", "_")] = _PLAIN_KEYS[key](value, at)
        elif key in ("fail-on", "min-severity"):
            values[key.replace("-", "_")] = severity_of(value, at)
        elif key == "language":
            values["language"] = language_of(value, at)
        elif key == "site":
            values["site"] = _string(value, at)
        elif key == "baseline":
            values["baseline"] = root / _string(value, at)
        elif key == "cache-dir":
            values["cache_dir"] = root / _string(value, at)
        elif key == "rule-packs":
            values["rule_packs"] = tuple(root / pack for pack in _strings(value, at))
        elif key == "per-file-ignores":
            if not isinstance(value, dict):
                raise ConfigError(f"{at}: expected a table of glob = [rules], got {shown(value)}")
            values["per_file_ignores"] = tuple(
                (glob, _strings(rules, f"{at}.{glob}")) for glob, rules in value.items()
            )
        elif key == "rules":
            if not isinstance(value, dict) or not all(isinstance(v, dict) for v in value.values()):
                raise ConfigError(f"{at}: expected tables of rule settings, got {shown(value)}")
            values["rules"] = value
        else:
            raise ConfigError(f"{at}: unknown key")
    return Config(**values)


@lru_cache(maxsize=256)
def load_config(path: Path) -> Config:
    """Read and validate one configuration file."""
    if path.name == "pyproject.toml":
        return parse_config(_pyproject_table(path) or {}, path, "tool.wikilint.")
    return parse_config(_read(path), path, "")


def _read(path: Path) -> dict[str, Any]:
    try:
        return read_toml(path)
    except TomlFileError as error:
        raise ConfigError(f"{path}: {error}") from None


def _tool_table(document: Mapping[str, Any], pyproject: Path) -> Mapping[str, Any] | None:
    """The ``[tool.wikilint]`` table of a ``pyproject.toml``, ``None`` when it has none."""
    tool = document.get("tool", {})
    if not isinstance(tool, dict):
        raise ConfigError(f"{pyproject}: tool: expected a table, got {shown(tool)}")
    table = tool.get("wikilint")
    if table is not None and not isinstance(table, dict):
        raise ConfigError(f"{pyproject}: tool.wikilint: expected a table, got {shown(table)}")
    return table


def _pyproject_table(pyproject: Path) -> Mapping[str, Any] | None:
    """The ``[tool.wikilint]`` table of a ``pyproject.toml``, parsed once per version of the
    file (its inode, size, modification and change times): finding the configuration file
    and loading it, from however many folders, share one parse."""
    try:
        status = pyproject.stat()
    except OSError:
        return _tool_table(_read(pyproject), pyproject)  # raises the error reading it
    stamp = (status.st_ino, status.st_size, status.st_mtime_ns, status.st_ctime_ns)
    return _parsed_pyproject_table(pyproject, stamp)


@lru_cache(maxsize=256)
def _parsed_pyproject_table(
    pyproject: Path, stamp: tuple[int, int, int, int]
) -> Mapping[str, Any] | None:
    return _tool_table(_read(pyproject), pyproject)


@lru_cache(maxsize=1024)
def find_config_file(folder: Path) -> Path | None:
    """The nearest configuration file at or above *folder*.

    A ``pyproject.toml`` on the way that cannot be read or parsed is an error, not passed
    over: it may hold the table that was meant to apply.
    """
    for candidate_folder in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            candidate = candidate_folder / name
            if not candidate.is_file():
                continue
            if name != "pyproject.toml" or _pyproject_table(candidate) is not None:
                return candidate
    return None
