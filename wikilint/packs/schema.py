"""The pack file format: validation of each entry into a :class:`RuleSpec`."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from wikilint.document.language_data import known_languages
from wikilint.inputs.tomlfile import TomlFileError, read_toml
from wikilint.linter.finding import Severity

T = TypeVar("T")

_CODE = re.compile(r"[A-Z]{1,5}[0-9]{2,4}")
_NAME = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
_COMMON_KEYS = frozenset(
    {"code", "name", "kind", "severity", "message", "summary", "link", "why", "bad", "good"}
    | {"notes", "languages", "enabled_by_default", "quotes", "italics", "ignorecase"}
    | {"fix_why", "precision"}
)
_PACK_KEYS = frozenset({"name", "link", "languages", "description"})


class PackError(Exception):
    """A pack file that cannot be loaded; the message is one line naming file and entry."""


@dataclass(frozen=True)
class RuleSpec:
    """One validated pack entry; ``options`` holds the keys of its kind."""

    path: Path
    code: str
    name: str
    kind: str
    severity: Severity
    message: str
    summary: str
    link: str
    why: str
    bad: str
    good: str
    notes: str
    fix_why: str
    precision: str
    languages: frozenset[str] | None
    enabled_by_default: bool
    skip_quotes: bool
    skip_italics: bool
    ignorecase: bool
    options: Mapping[str, Any]

    @property
    def where(self) -> str:
        """``file: rule CODE`` for error messages."""
        return f"{self.path}: rule {self.code}"

    def error(self, problem: str) -> PackError:
        return PackError(f"{self.where}: {problem}")

    def option(self, key: str, kind: type[T], default: T | None = None) -> T:
        """A kind-specific key, type-checked; ``default`` of ``None`` makes it required."""
        return _typed(self.options, key, kind, default, self.error)

    def strings(self, key: str) -> list[str]:
        """A kind-specific list of non-empty strings (empty when the key is absent)."""
        values = self.option(key, list, [])
        if not all(isinstance(value, str) and value.strip() for value in values):
            raise self.error(f"{key!r} must be a list of non-empty strings")
        return values


def parse_pack(path: Path) -> list[RuleSpec]:
    """Read and validate a pack file (TOML)."""
    try:
        data = read_toml(path)
    except TomlFileError as error:
        raise PackError(f"{path}: cannot read pack: {error}") from None

    def pack_error(problem: str) -> PackError:
        return PackError(f"{path}: {problem}")

    pack = _typed(data, "pack", dict, {}, pack_error)
    _no_unknown_keys(pack, _PACK_KEYS, lambda problem: pack_error(f"[pack]: {problem}"))
    _no_unknown_keys(data, frozenset({"pack", "rules"}), pack_error)
    defaults = {
        "link": _typed(pack, "link", str, "", pack_error),
        "languages": _typed(pack, "languages", list, [], pack_error),
    }
    entries = _typed(data, "rules", list, None, pack_error)
    specs = [_parse_entry(path, index, entry, defaults) for index, entry in enumerate(entries, 1)]
    _no_duplicates(path, specs)
    return specs


def _parse_entry(path: Path, index: int, entry: Any, defaults: dict[str, Any]) -> RuleSpec:
    label = entry.get("code", f"#{index}") if isinstance(entry, dict) else f"#{index}"

    def error(problem: str) -> PackError:
        return PackError(f"{path}: rule {label}: {problem}")

    if not isinstance(entry, dict):
        raise error("an entry must be a table ([[rules]])")

    def get(key: str, kind: type[T], default: T | None = None) -> T:
        return _typed(entry, key, kind, default, error)

    code, name = get("code", str), get("name", str)
    if not _CODE.fullmatch(code):
        raise error(f"code {code!r} is not like 'WL801' (1-5 capitals, 2-4 digits)")
    if not _NAME.fullmatch(name):
        raise error(f"name {name!r} is not kebab-case")
    severity = get("severity", str, "warning")
    if severity not in {member.value for member in Severity}:
        raise error(f"severity {severity!r} is not one of error, warning, info")
    quotes = get("quotes", str, "skip")
    if quotes not in ("skip", "include"):
        raise error(f"quotes {quotes!r} is not 'skip' or 'include'")
    italics = get("italics", str, "skip")
    if italics not in ("skip", "include"):
        raise error(f"italics {italics!r} is not 'skip' or 'include'")
    languages = get("languages", list, defaults["languages"])
    unknown = [
        code for code in languages if not isinstance(code, str) or code not in known_languages()
    ]
    if unknown:
        known = ", ".join(sorted(known_languages()))
        raise error(f"languages: unknown language code {unknown[0]!r} (known: {known})")
    return RuleSpec(
        path=path,
        code=code,
        name=name,
        kind=get("kind", str),
        severity=Severity(severity),
        message=get("message", str),
        summary=get("summary", str),
        link=get("link", str, defaults["link"]),
        why=get("why", str),
        bad=get("bad", str),
        good=get("good", str),
        notes=get("notes", str, ""),
        fix_why=get("fix_why", str, ""),
        precision=get("precision", str, ""),
        languages=frozenset(languages) or None,
        enabled_by_default=get("enabled_by_default", bool, True),
        skip_quotes=quotes == "skip",
        skip_italics=italics == "skip",
        ignorecase=get("ignorecase", bool, True),
        options={key: value for key, value in entry.items() if key not in _COMMON_KEYS},
    )


def _typed(table: Mapping[str, Any], key: str, kind: type[T], default: T | None, error: Any) -> T:
    if key not in table:
        if default is None:
            raise error(f"missing key {key!r}")
        return default
    value = table[key]
    if not isinstance(value, kind) or (kind is not bool and isinstance(value, bool)):
        raise error(f"{key!r} must be a {kind.__name__}, not {type(value).__name__}")
    return value


def _no_unknown_keys(table: Mapping[str, Any], known: frozenset[str], error: Any) -> None:
    unknown = sorted(set(table) - known)
    if unknown:
        raise error(f"unknown key {unknown[0]!r}")


def _no_duplicates(path: Path, specs: list[RuleSpec]) -> None:
    seen: set[str] = set()
    for spec in specs:
        for key in (spec.code, spec.name):
            if key in seen:
                raise PackError(f"{path}: rule {spec.code}: {key!r} is declared twice")
            seen.add(key)
