"""Declarative rule packs: rules written as TOML entries instead of Python.

``BUILTIN_PACK_RULES`` is what the ``wikilint.rules`` entry point named ``packs``
provides: the rules of the packs that ship with wikilint (the ``rules/`` folder).

Importing this package loads nothing: the packs are read, and the loader and the
parser it needs are imported, when one of these names is first used.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from wikilint.packs.loader import builtin_pack_dir, load_pack, load_packs
    from wikilint.packs.rule import PackRule
    from wikilint.packs.schema import PackError

    BUILTIN_PACK_RULES: list[type[PackRule]]

__all__ = [
    "BUILTIN_PACK_RULES",
    "PackError",
    "PackRule",
    "builtin_pack_dir",
    "load_pack",
    "load_packs",
]

#: The module that defines each name this package offers.
_HOMES = {
    "PackError": "wikilint.packs.schema",
    "PackRule": "wikilint.packs.rule",
    "builtin_pack_dir": "wikilint.packs.loader",
    "load_pack": "wikilint.packs.loader",
    "load_packs": "wikilint.packs.loader",
}


def __getattr__(name: str) -> Any:
    """Each name on first use; the built-in packs are read once per process."""
    if name == "BUILTIN_PACK_RULES":
        from wikilint.packs.loader import builtin_pack_dir, load_packs

        value: Any = load_packs([builtin_pack_dir()])
    elif name in _HOMES:
        value = getattr(importlib.import_module(_HOMES[name]), name)
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value
    return value
