"""Rule discovery through the ``wikilint.rules`` entry-point group.

Built-in rules are registered there exactly like third-party plugins. An entry point
names a :class:`~wikilint.linter.rule.Rule` subclass or an iterable of them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from importlib.metadata import EntryPoint, entry_points

from wikilint.linter.engine_findings import ENGINE_FINDINGS
from wikilint.linter.rule import Rule

GROUP = "wikilint.rules"
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
        for rule in rules:
            self.add(rule)

    def add(self, rule: type[Rule]) -> None:
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
        self._by_id[rule.code] = self._by_id[rule.name] = rule
        self.rules.append(rule)
        self.rules.sort(key=lambda known: known.code)

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
            return list(self.rules)
        if selector in self._by_id:
            return [self._by_id[selector]]
        return [rule for rule in self.rules if rule.code.startswith(selector)]


def discover(extra: Iterable[type[Rule]] = ()) -> Registry:
    """Build the registry from every installed entry point, plus *extra* rules."""
    registry = Registry(extra)
    for entry_point in sorted(entry_points(group=GROUP), key=lambda ep: ep.name):
        for rule in _load(entry_point):
            registry.add(rule)
    return registry


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
