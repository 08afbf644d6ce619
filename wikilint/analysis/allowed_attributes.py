"""The attributes MediaWiki's sanitizer keeps on each element, and the names it lets
through on any: read on first use from ``wikilint/data/html_attributes.toml``."""

from __future__ import annotations

import re
import tomllib
from functools import cache
from pathlib import Path

#: The table, taken from MediaWiki's ``Sanitizer::setupAttributesAllowedInternal``.
DATA_FILE = Path(__file__).resolve().parents[1] / "data" / "html_attributes.toml"

#: ``Sanitizer::getAttribNameRegex``: a name outside it is dropped as garbage.
_NAME = re.compile(r"[:_\w][:_.\-\w]*")
#: ``data-*`` and ``xmlns:*`` names, kept on every element (``validateAttributes``). An
#: underscore is not refused: MediaWiki's legacy parser drops ``data-_x`` since T407131,
#: Parsoid keeps it.
_FREE = re.compile(r"data-[^:= \t\r\n/>\0]*|xmlns:[-:.\w]+", re.ASCII)
#: ``Sanitizer::isReservedDataAttribute``: prefixes kept for MediaWiki's own code.
_RESERVED = re.compile(r"data-(?:ooui|mw|parsoid)")


@cache
def allowed_attributes() -> dict[str, frozenset[str]]:
    """Element name to the attribute names kept on it, for the elements wikitext makes."""
    data = tomllib.loads(DATA_FILE.read_text("utf-8"))
    common = frozenset(data["common"])
    allowed = {element: common | frozenset(own) for element, own in data["elements"].items()}
    allowed.update((element, frozenset(own)) for element, own in data["own"].items())
    return allowed


def is_attribute_name(name: str) -> bool:
    """Whether the sanitizer reads *name* (casefolded) as an attribute name at all."""
    return _NAME.fullmatch(name) is not None


def is_free(name: str) -> bool:
    """Whether *name* (casefolded) is kept on any element: ``data-*`` or ``xmlns:*``."""
    return _FREE.fullmatch(name) is not None and not is_reserved(name)


def is_reserved(name: str) -> bool:
    """Whether *name* (casefolded) is a ``data-`` name reserved for MediaWiki."""
    return _RESERVED.match(name) is not None
