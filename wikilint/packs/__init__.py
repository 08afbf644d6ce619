"""Declarative rule packs: rules written as TOML entries instead of Python.

``BUILTIN_PACK_RULES`` is what the ``wikilint.rules`` entry point named ``packs``
provides: the rules of the packs that ship with wikilint (the ``rules/`` folder).

Importing this package loads nothing: the packs are read, and the loader and the
parser it needs are imported, when one of these names is first used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from wikilint.lazy import lazy_getattr

if TYPE_CHECKING:
    from wikilint.packs.builtin import BUILTIN_PACK_RULES
    from wikilint.packs.loader import builtin_pack_dir, load_pack, load_packs
    from wikilint.packs.rule import PackRule
    from wikilint.packs.schema import PackError

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
    "BUILTIN_PACK_RULES": "wikilint.packs.builtin",
    "PackError": "wikilint.packs.schema",
    "PackRule": "wikilint.packs.rule",
    "builtin_pack_dir": "wikilint.packs.loader",
    "load_pack": "wikilint.packs.loader",
    "load_packs": "wikilint.packs.loader",
}


# the built-in packs are read once per process, on first use
__getattr__ = lazy_getattr(__name__, _HOMES)
