"""wikilint's built-in rules, one module each.

``BUILTIN_RULES`` is what the ``wikilint.rules`` entry point named ``builtin`` provides:
every :class:`~wikilint.rule.Rule` subclass defined in a module of this package.
"""

from __future__ import annotations

import importlib
import pkgutil

from wikilint.rule import Rule


def _collect() -> list[type[Rule]]:
    rules: list[type[Rule]] = []
    for module_info in pkgutil.iter_modules(__path__):
        module = importlib.import_module(f"{__name__}.{module_info.name}")
        rules.extend(
            value
            for value in vars(module).values()
            if isinstance(value, type)
            and issubclass(value, Rule)
            and value.__module__ == module.__name__
            and "code" in vars(value)
        )
    return sorted(rules, key=lambda rule: rule.code)


BUILTIN_RULES: list[type[Rule]] = _collect()
