"""Declarative rule packs: rules written as TOML entries instead of Python.

``BUILTIN_PACK_RULES`` is what the ``wikilint.rules`` entry point named ``packs``
provides: the rules of the packs that ship with wikilint (the ``rules/`` folder).
"""

from __future__ import annotations

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

BUILTIN_PACK_RULES: list[type[PackRule]] = load_packs([builtin_pack_dir()])
