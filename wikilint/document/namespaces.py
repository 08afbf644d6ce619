"""Namespace prefixes of links that render as no running text.

Canonical English names plus the localized names used by the Wikipedias wikilint is
tested on (af, bn, de, el, fo, hy, ja, mr, nn, uk, vi and others), from each wiki's
``siteinfo`` namespace list.
"""

from __future__ import annotations

import re

FILE_NAMESPACES = frozenset(
    name.casefold()
    for name in (
        "File", "Image", "Media", "Datei", "Bild", "Fichier", "Archivo", "Imagen", "Immagine",
        "Lêer", "Beeld", "ফাইল", "চিত্র", "Αρχείο", "Εικόνα", "Fíla", "Mynd", "Պատկեր",
        "Файл", "Зображення", "Изображение", "ファイル", "画像", "चित्र", "संचिका", "Fil",
        "Tập tin", "Hình", "Plik", "Arquivo", "Bestand", "文件", "圖像",
    )
)  # fmt: skip

CATEGORY_NAMESPACES = frozenset(
    name.casefold()
    for name in (
        "Category", "Kategorie", "Catégorie", "Categoría", "Categoria", "Kategori",
        "Kategoria", "Categorie", "বিষয়শ্রেণী", "Κατηγορία", "Bólkur", "Կատեգորիա",
        "Категория", "Категорія", "カテゴリ", "वर्ग", "Thể loại", "分类",
    )
)  # fmt: skip

_LANGUAGE_PREFIX = re.compile(r"[a-z]{2,3}(?:-[a-z]{2,8})*|simple")


def namespace_of(title: str) -> str:
    """The namespace prefix of a link title as MediaWiki matches it, or ``""``.

    Case-insensitive, with underscores and runs of spaces read as one space.
    """
    prefix, colon, _ = title.partition(":")
    return " ".join(prefix.replace("_", " ").split()).casefold() if colon else ""


def is_file_link(title: str) -> bool:
    return namespace_of(title) in FILE_NAMESPACES


def is_category_link(title: str) -> bool:
    return namespace_of(title) in CATEGORY_NAMESPACES


def is_interlanguage_link(title: str) -> bool:
    """``[[de:Foo]]``: rendered in the sidebar, not in the text."""
    prefix, colon, _ = title.strip().partition(":")
    return bool(colon) and _LANGUAGE_PREFIX.fullmatch(prefix) is not None
