"""Settings in force for a path: defaults, then the configuration file, then the CLI."""

from __future__ import annotations

import contextlib
import dataclasses
import math
import sys
import typing
from collections.abc import Mapping, Sequence
from fnmatch import fnmatchcase
from functools import cached_property
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any

from wikilint.config.files import (
    DEFAULT_INCLUDE,
    Config,
    ConfigError,
    find_config_file,
    load_config,
    severity_of,
    shown,
)
from wikilint.linter.finding import Severity
from wikilint.linter.rule import Range, Rule

if TYPE_CHECKING:
    from wikilint.linter.registry import Registry


def merge(file: Config, cli: Config) -> Config:
    """Command-line values over file values: ``fail-on``, ``min-severity``, ``language`` and
    the walk's switches replace, lists such as ``exclude`` extend (rule selection is resolved
    per layer)."""
    return dataclasses.replace(
        file,
        select=cli.select if cli.select is not None else file.select,
        extend_select=file.extend_select + cli.extend_select,
        ignore=file.ignore + cli.ignore,
        per_file_ignores=file.per_file_ignores + cli.per_file_ignores,
        exclude=file.exclude + cli.exclude,
        respect_gitignore=_first_set(cli.respect_gitignore, file.respect_gitignore),
        force_exclude=_first_set(cli.force_exclude, file.force_exclude),
        fail_on=cli.fail_on or file.fail_on,
        min_severity=cli.min_severity or file.min_severity,
        rule_packs=file.rule_packs + cli.rule_packs,
        language=cli.language or file.language,
        rules={**file.rules, **cli.rules},
    )


def _first_set(*values: bool | None) -> bool | None:
    return next((value for value in values if value is not None), None)


def matches_glob(path: str, pattern: str, root: Path) -> bool:
    """Whether *path* (relative to *root* where possible), or its name, matches a glob."""
    return matches_any(path, (pattern,), root)


def matches_any(
    path: str, patterns: tuple[str, ...], root: Path, resolved: Path | None = None
) -> bool:
    """Whether *path* matches one of the globs; its name is tried before resolving it
    (*resolved*, when the caller knows the real path: resolving costs a look-up per folder)."""
    if not patterns:
        return False
    if any(fnmatchcase(PurePath(path).name, pattern) for pattern in patterns):
        return True
    candidate = PurePath(path)
    with contextlib.suppress(ValueError, OSError):
        candidate = (resolved or Path(path).resolve()).relative_to(root.resolve())
    posix = candidate.as_posix()
    return any(fnmatchcase(posix, glob) or fnmatchcase(candidate.name, glob) for glob in patterns)


class Settings:
    """Resolved settings of one configuration: the rules to run and how to judge them.

    The rules are resolved, and the configuration's rule settings checked, on first use
    of :attr:`registry`, :attr:`rules` or :meth:`rules_for`: a run whose results all come
    from the cache imports no rule.
    """

    def __init__(self, config: Config, layers: tuple[Config, ...] = ()) -> None:
        self.config = config
        #: Rule selection is applied layer by layer (file, then command line), like ruff:
        #: a later ``select`` starts over, ``extend-select`` adds and ``ignore`` removes.
        self.layers = layers or (config,)
        self.fail_on = config.fail_on or Severity.WARNING
        self.min_severity = config.min_severity or Severity.INFO
        self.where = f"{config.path}: " if config.path is not None else ""
        self._per_path: dict[tuple[int, ...], list[Rule]] = {}

    @cached_property
    def registry(self) -> Registry:
        """Every known rule: the installed ones and those of the configured packs."""
        from wikilint.linter.registry import RegistryError, discover
        from wikilint.packs.schema import PackError

        try:
            return discover(self._extra_packs())
        except (RegistryError, PackError) as error:
            raise ConfigError(f"{self.where}{error}") from None

    def _extra_packs(self) -> Sequence[type[Rule]]:
        if not self.config.rule_packs:
            return []
        from wikilint.packs import load_packs  # only configurations that name packs pay

        return load_packs(self.config.rule_packs)

    def _resolve(
        self, selectors: tuple[str, ...], key: str, layer: Config | None = None
    ) -> list[type[Rule]]:
        source = layer if layer is not None else self.config
        where = f"{source.path}: {key}" if source.path is not None else f"--{key}"
        rules: list[type[Rule]] = []
        for selector in selectors:
            matched = self.registry.match(selector)
            if not matched:
                raise ConfigError(f"{where}: unknown rule, code or prefix {selector!r}")
            rules.extend(matched)
        return rules

    @cached_property
    def selected(self) -> list[type[Rule]]:
        """Rule classes in force before per-file ignores, in code order."""
        chosen = {rule for rule in self.registry.rules if self.registry.enabled_by_default(rule)}
        for layer in self.layers:
            if layer.select is not None:
                chosen = set(self._resolve(layer.select, "select", layer))
            chosen.update(self._resolve(layer.extend_select, "extend-select", layer))
            chosen.difference_update(self._resolve(layer.ignore, "ignore", layer))
        return sorted(chosen, key=lambda rule: rule.code)

    @cached_property
    def rules(self) -> list[Rule]:
        """The selected rules, configured; the settings of unselected rules and the
        ``per-file-ignores`` are checked too."""
        named = []
        for key in self.config.rules:
            rule = self.registry.get(key)
            if rule is None:
                raise ConfigError(f"{self.where}rules.{key}: unknown rule")
            named.append(rule)
        instances = {
            rule: self._configure(rule) for rule in dict.fromkeys([*named, *self.selected])
        }
        self._ignored_codes = [
            {rule.code for rule in self._resolve(rules, f"per-file-ignores.{glob}")}
            for glob, rules in self.config.per_file_ignores
        ]
        return [instances[rule] for rule in self.selected]

    def _configure(self, rule: type[Rule]) -> Rule:
        table = {**self.config.rules.get(rule.code, {}), **self.config.rules.get(rule.name, {})}
        return configure(rule, table, f"{self.where}rules.{rule.name}")

    def is_excluded(self, path: str, resolved: Path | None = None) -> bool:
        """Whether ``exclude`` names *path*: a glob of its relative path, or its name."""
        return matches_any(path, self.config.exclude, self.config.root, resolved)

    @cached_property
    def include(self) -> tuple[str, ...]:
        """Globs of the files a folder walk yields."""
        base = self.config.include if self.config.include is not None else DEFAULT_INCLUDE
        return base + self.config.extend_include

    def is_included(self, path: str, resolved: Path | None = None) -> bool:
        return matches_any(path, self.include, self.config.root, resolved)

    @property
    def respect_gitignore(self) -> bool:
        return self.config.respect_gitignore is not False

    @property
    def force_exclude(self) -> bool:
        return bool(self.config.force_exclude)

    def ignores_for(self, path: str) -> tuple[int, ...]:
        """The positions in ``per-file-ignores`` of the entries whose glob matches *path*:
        with the configuration, they decide :meth:`rules_for` without loading a rule."""
        return tuple(
            number
            for number, (glob, _) in enumerate(self.config.per_file_ignores)
            if matches_glob(path, glob, self.config.root)
        )

    def rules_for(self, path: str) -> list[Rule]:
        """The configured rules minus those ``per-file-ignores`` switches off for *path*."""
        key = self.ignores_for(path)
        if key not in self._per_path:
            rules = self.rules
            codes = {code for number in key for code in self._ignored_codes[number]}
            self._per_path[key] = [rule for rule in rules if rule.code not in codes]
        return self._per_path[key]

    def describe(self) -> dict[str, Any]:
        """The settings in force, for ``wikilint config``."""
        return {
            "config-file": str(self.config.path) if self.config.path else None,
            "select": [rule.code for rule in self.selected],
            "per-file-ignores": {glob: list(rules) for glob, rules in self.config.per_file_ignores},
            "exclude": list(self.config.exclude),
            "include": list(self.include),
            "respect-gitignore": self.respect_gitignore,
            "force-exclude": self.force_exclude,
            "fail-on": self.fail_on.value,
            "min-severity": self.min_severity.value,
            "rule-packs": [str(path) for path in self.config.rule_packs],
            "language": self.config.language,
            "site": self.config.site,
            "baseline": str(self.config.baseline) if self.config.baseline else None,
            "rules": {
                rule.name: {
                    "severity": rule.severity.value,
                    **dataclasses.asdict(rule.options),
                }
                for rule in self.rules
            },
        }


def configure(rule: type[Rule], table: Mapping[str, Any], where: str) -> Rule:
    """An instance of *rule* with the severity and options of a ``rules.NAME`` table."""
    severity = None
    options: dict[str, Any] = {}
    hints = typing.get_type_hints(rule.Options, include_extras=True)
    for key, value in table.items():
        if key == "severity":
            severity = severity_of(value, f"{where}.severity")
            continue
        option = key.replace("-", "_")
        if option not in hints:
            known = ", ".join(["severity", *(name.replace("_", "-") for name in hints)])
            raise ConfigError(f"{where}.{key}: unknown option (known: {known})")
        options[option] = coerce(value, hints[option], f"{where}.{key}")
    return rule(rule.Options(**options), severity)


def coerce(value: Any, hint: Any, where: str) -> Any:
    """Check a TOML value against an option's type and :class:`Range`, converting lists to
    collections; a float must be finite."""
    origin = typing.get_origin(hint)
    if origin is typing.Annotated:
        base, *extras = typing.get_args(hint)
        value = coerce(value, base, where)
        for bound in extras:
            if isinstance(bound, Range) and value not in bound:
                raise ConfigError(
                    f"{where}: expected {base.__name__} from {bound}, got {shown(value)}"
                )
        return value
    if origin in (tuple, list, frozenset, set):
        if not isinstance(value, list):
            raise ConfigError(f"{where}: expected a list, got {shown(value)}")
        item_hint = typing.get_args(hint)[0]
        return origin(coerce(item, item_hint, where) for item in value)
    if hint is float and type(value) is int and abs(value) <= sys.float_info.max:
        value = float(value)
    if hint in (int, float, str, bool) and (
        type(value) is not hint  # bool is an int subclass: be exact
    ):
        raise ConfigError(f"{where}: expected {hint.__name__}, got {shown(value)}")
    if hint is float and not math.isfinite(value):
        raise ConfigError(f"{where}: expected a finite float, got {shown(value)}")
    return value


class Resolver:
    """Finds the settings for each checked path; caches one :class:`Settings` per file."""

    def __init__(
        self, cli: Config, config_file: Path | None = None, isolated: bool = False
    ) -> None:
        self.cli = cli
        self.config_file = config_file
        self.isolated = isolated
        self._cache: dict[Path | None, Settings] = {}

    def config_path_for(self, path: str) -> Path | None:
        if self.isolated:
            return None
        if self.config_file is not None:
            return self.config_file
        folder = Path.cwd() if path == "-" else Path(path).resolve().parent
        return find_config_file(folder)

    def for_path(self, path: str) -> Settings:
        config_path = self.config_path_for(path)
        if config_path not in self._cache:
            file = load_config(config_path) if config_path is not None else Config()
            self._cache[config_path] = Settings(merge(file, self.cli), (file, self.cli))
        return self._cache[config_path]
