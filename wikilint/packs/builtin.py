"""The rules of the packs that ship with wikilint, read once when this module is imported.

The server that starts worker processes imports it first, so every worker starts with
them; elsewhere ``wikilint.packs.BUILTIN_PACK_RULES`` imports it on first use.
"""

from __future__ import annotations

from wikilint.packs.loader import builtin_pack_dir, load_packs
from wikilint.packs.rule import PackRule

BUILTIN_PACK_RULES: list[type[PackRule]] = load_packs([builtin_pack_dir()])
