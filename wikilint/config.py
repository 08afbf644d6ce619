"""Configuration files: ``.wikilint.toml`` or ``[tool.wikilint]`` in ``pyproject.toml``.

The nearest file above a checked path wins; ``.wikilint.toml`` wins over a
``pyproject.toml`` in the same folder, and a ``pyproject.toml`` without a
``[tool.wikilint]`` table is passed over.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from wikilint.finding import Severity

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
    rule_packs: tuple[Path, ...] = ()
    language: str | None = None
    rules: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)

    @property
    def root(self) -> Path:
        """The folder relative paths in this configuration are resolved against."""
        return self.path.parent if self.path is not None else Path.cwd()


def _strings(value: Any, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ConfigError(f"{where}: expected a list of strings, got {value!r}")
    return tuple(value)


def _string(value: Any, where: str) -> str:
    if not isinstance(value, str):
        raise ConfigError(f"{where}: expected a string, got {value!r}")
    return value


def _boolean(value: Any, where: str) -> bool:
    if not isinstance(value, bool):
        raise ConfigError(f"{where}: expected true or false, got {value!r}")
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
        raise ConfigError(f"{where}: expected one of {', '.join(SEVERITIES)}, got {value!r}")
    return Severity(value)


def parse_config(table: Mapping[str, Any], path: Path | None, prefix: str) -> Config:
    """Validate a ``[tool.wikilint]`` table (or a ``.wikilint.toml`` document)."""
    where = f"{path}: {prefix}" if path is not None else prefix
    root = path.parent if path is not None else Path.cwd()
    values: dict[str, Any] = {"path": path}
    for key, value in table.items():
        at = f"{where}{key}"
        if key in _PLAIN_KEYS:
            values[key.replace("-", "_")] = _PLAIN_KEYS[key](value, at)
        elif key == "fail-on":
            values["fail_on"] = severity_of(value, at)
        elif key == "language":
            values["language"] = _string(value, at)
        elif key == "rule-packs":
            values["rule_packs"] = tuple(root / pack for pack in _strings(value, at))
        elif key == "per-file-ignores":
            if not isinstance(value, dict):
                raise ConfigError(f"{at}: expected a table of glob = [rules], got {value!r}")
            values["per_file_ignores"] = tuple(
                (glob, _strings(rules, f"{at}.{glob}")) for glob, rules in value.items()
            )
        elif key == "rules":
            if not isinstance(value, dict) or not all(isinstance(v, dict) for v in value.values()):
                raise ConfigError(f"{at}: expected tables of rule settings, got {value!r}")
            values["rules"] = value
        else:
            raise ConfigError(f"{at}: unknown key")
    return Config(**values)


@lru_cache(maxsize=256)
def load_config(path: Path) -> Config:
    """Read and validate one configuration file."""
    try:
        document = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise ConfigError(f"{path}: cannot read ({error.strerror or error})") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: invalid TOML ({error})") from None
    if path.name == "pyproject.toml":
        return parse_config(document.get("tool", {}).get("wikilint", {}), path, "tool.wikilint.")
    return parse_config(document, path, "")


def _has_table(pyproject: Path) -> bool:
    try:
        document = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
        return False
    return "wikilint" in document.get("tool", {})


@lru_cache(maxsize=1024)
def find_config_file(folder: Path) -> Path | None:
    """The nearest configuration file at or above *folder*."""
    for candidate_folder in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            candidate = candidate_folder / name
            if candidate.is_file() and (name != "pyproject.toml" or _has_table(candidate)):
                return candidate
    return None
