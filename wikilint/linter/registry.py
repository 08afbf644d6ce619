"""Rule discovery through the ``wikilint.rules`` entry-point group.

Built-in rules are registered there exactly like third-party plugins. An entry point
names a :class:`~wikilint.linter.rule.Rule` subclass or an iterable of them.

A rule of another distribution is a plugin rule: it is off until a selector names it by
code, code prefix or name (``ALL`` leaves it out), like flake8's opt-in codes, so that
installing a package never changes what a run reports.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from importlib.metadata import EntryPoint, entry_points

from wikilint.linter.engine_findings import ENGINE_FINDINGS
from wikilint.linter.rule import Rule

GROUP = "wikilint.rules"
#: The distribution whose entry points provide the built-in rules and packs.
OWN_DISTRIBUTION = "wikilint"
_CODE = re.compile(r"[A-Z]{1,5}[0-9]{2,4}")
_NAME = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
_ENGINE_BY_ID = {key: rule for rule in ENGINE_FINDINGS for key in (rule.code, rule.name)}


class RegistryError(Exception):
    """A plugin could not be loaded or declares an invalid or clashing rule."""


class Registry:
    """All known rules, addressable by code, code prefix or name.

    The engine's own findings (WL000, WL002) are documented beside them but never run.
    """

    def __init__(self, rules: Iterable[type[Rule]]) -> None:
        self.rules: list[type[Rule]] = []
        self._by_id: dict[str, type[Rule]] = {}
        #: The distribution (``name version``) of each plugin rule.
        self.plugins: dict[type[Rule], str] = {}
        for rule in rules:
            self.add(rule)

    def add(self, rule: type[Rule], plugin: str | None = None) -> None:
        """Register *rule*; *plugin* names the distribution of a third-party rule."""
        for attribute in ("code", "name", "summary", "docs"):
            if not hasattr(rule, attribute):
                raise RegistryError(f"rule {rule.__qualname__} does not declare {attribute!r}")
        if not _CODE.fullmatch(rule.code):
            raise RegistryError(f"rule {rule.name}: code {rule.code!r} is not like 'WL101'")
        if not _NAME.fullmatch(rule.name):
            raise RegistryError(f"rule {rule.code}: name {rule.name!r} is not kebab-case")
        for key in (rule.code, rule.name):
            if key in _ENGINE_BY_ID:
                raise RegistryError(f"{key!r} is the engine's own finding, not a rule's")
            if key in self._by_id and self._by_id[key] is not rule:
                raise RegistryError(f"{key!r} is declared by two rules")
        if self._by_id.get(rule.code) is rule:  # offered twice: wikilint's own if either is
            if plugin is None:
                self.plugins.pop(rule, None)
            return
        self._by_id[rule.code] = self._by_id[rule.name] = rule
        if plugin is not None:
            self.plugins[rule] = plugin
        self.rules.append(rule)
        self.rules.sort(key=lambda known: known.code)

    def enabled_by_default(self, rule: type[Rule]) -> bool:
        """Whether *rule* runs unless a selector leaves it out: never for a plugin rule."""
        return rule.enabled_by_default and rule not in self.plugins

    def get(self, key: str) -> type[Rule] | None:
        """A rule by exact code or name."""
        return self._by_id.get(key)

    def documented(self, key: str) -> type[Rule] | None:
        """A rule or a finding of the engine by exact code or name: what ``explain`` shows."""
        return self._by_id.get(key) or _ENGINE_BY_ID.get(key)

    def listing(self) -> list[type[Rule]]:
        """The rules and the engine's findings by code: what ``wikilint rules`` lists."""
        return sorted([*ENGINE_FINDINGS, *self.rules], key=lambda known: known.code)

    def match(self, selector: str) -> list[type[Rule]]:
        """Rules a selector names: a code, a code prefix (``WL1``), a name, or ``ALL``."""
        if selector == "ALL":
            return [rule for rule in self.rules if rule not in self.plugins]
        if selector in self._by_id:
            return [self._by_id[selector]]
        return [rule for rule in self.rules if rule.code.startswith(selector)]


def discover(extra: Iterable[type[Rule]] = (), *, plugins: bool = True) -> Registry:
    """Build the registry from every installed entry point, plus *extra* rules; without
    *plugins*, only wikilint's own entry points (what wikilint's own tests use)."""
    registry = Registry(extra)
    for entry_point in sorted(entry_points(group=GROUP), key=lambda ep: ep.name):
        plugin = _plugin_of(entry_point)
        if plugin is not None and not plugins:
            continue
        for rule in _load(entry_point):
            registry.add(rule, plugin)
    return registry


def _plugin_of(entry_point: EntryPoint) -> str | None:
    """``name version`` of the distribution of a third-party entry point; ``None`` for
    wikilint's own."""
    dist = entry_point.dist
    if dist is None:  # an entry point made by hand rather than read from a distribution
        return entry_point.name
    if dist.name == OWN_DISTRIBUTION:
        return None
    return f"{dist.name} {dist.version}"


def _load(entry_point: EntryPoint) -> Iterator[type[Rule]]:
    try:
        loaded = entry_point.load()
    except Exception as error:
        raise RegistryError(f"plugin {entry_point.name!r} failed to load: {error}") from error
    candidates = [loaded] if isinstance(loaded, type) else list(loaded)
    for candidate in candidates:
        if not (isinstance(candidate, type) and issubclass(candidate, Rule)):
            raise RegistryError(f"plugin {entry_point.name!r} provides {candidate!r}, not a Rule")
        yield candidate
