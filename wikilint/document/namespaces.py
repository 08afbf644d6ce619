"""Namespace prefixes of links that render as no running text.

Canonical English names (``shared.toml``) plus the localized names of every language file
(``[namespaces]`` of ``de.toml`` ...), from each wiki's ``siteinfo`` namespace list.
"""

from __future__ import annotations

import re

from wikilint.document.language_data import all_languages, everywhere

_LANGUAGE_PREFIX = re.compile(r"[a-z]{2,3}(?:-[a-z]{2,8})*|simple")


def namespace_of(title: str) -> str:
    """The namespace prefix of a link title as MediaWiki matches it, or ``""``.

    Case-insensitive, with underscores and runs of spaces read as one space.
    """
    prefix, colon, _ = title.partition(":")
    return " ".join(prefix.replace("_", " ").split()).casefold() if colon else ""


def is_file_link(title: str) -> bool:
    return namespace_of(title) in everywhere().namespaces.file


def is_category_link(title: str) -> bool:
    return namespace_of(title) in everywhere().namespaces.category


def is_file_or_category_link(title: str) -> bool:
    """``is_file_link(title) or is_category_link(title)``, the prefix read once."""
    namespace = namespace_of(title)
    namespaces = everywhere().namespaces
    return namespace in namespaces.file or namespace in namespaces.category


def is_interlanguage_link(title: str) -> bool:
    """``[[de:Foo]]``: rendered in the sidebar, not in the text."""
    prefix, colon, _ = title.strip().partition(":")
    return bool(colon) and _LANGUAGE_PREFIX.fullmatch(prefix) is not None


def category_languages() -> frozenset[str]:
    """The languages whose file names their wiki's category namespace."""
    return frozenset(code for code, data in all_languages().items() if data.namespaces.category)
