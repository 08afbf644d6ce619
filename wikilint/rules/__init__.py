"""wikilint's built-in rules: one module per rule, named after it, in one folder per code
family (``content`` WL1xx, ``headings`` WL2xx, ``references`` WL3xx, ``markup`` WL4xx,
``links`` WL5xx, ``typography`` WL6xx, ``article`` WL7xx).

``BUILTIN_RULES`` is what the ``wikilint.rules`` entry point named ``builtin`` provides:
every :class:`~wikilint.linter.rule.Rule` subclass defined in a module of this package, and
the engine's own selectable rule, WL003 unused-suppression.
"""

from __future__ import annotations

import importlib
import pkgutil

from wikilint.linter.rule import Rule
from wikilint.linter.unused_suppression import UnusedSuppression


def _collect() -> list[type[Rule]]:
    rules: list[type[Rule]] = []
    for module_info in pkgutil.walk_packages(__path__, prefix=f"{__name__}."):
        if module_info.ispkg:
            continue
        module = importlib.import_module(module_info.name)
        rules.extend(
            value
            for value in vars(module).values()
            if isinstance(value, type)
            and issubclass(value, Rule)
            and value.__module__ == module.__name__
            and "code" in vars(value)
        )
    return sorted([*rules, UnusedSuppression], key=lambda rule: rule.code)


BUILTIN_RULES: list[type[Rule]] = _collect()
