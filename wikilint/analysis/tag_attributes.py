"""The attributes of the page's own HTML tags and wikitext table parts, as MediaWiki
reads them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from mwparserfromhell.nodes.extras import Attribute

from wikilint.analysis.allowed_attributes import allowed_attributes
from wikilint.analysis.html_tags import foreign_spans
from wikilint.document.article import Article
from wikilint.document.memo import per_article
from wikilint.document.names import named_tags
from wikilint.document.spans import Span, merge, overlaps

#: mwparserfromhell reads a table caption (``|+ style=x | Caption``) as a cell whose first
#: attribute is ``+``, and the extra dashes of a row (``|---``) as an attribute.
_CAPTION_MARK = "+"
_ROW_DASHES = re.compile(r"-+")
_QUOTES = ('"', "'")
_LINK = "[["
_SLASHES = re.compile(r"/+")
#: Comments, which mwparserfromhell leaves as text in a table's attribute lists.
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)


@dataclass(frozen=True, slots=True)
class TagAttribute:
    """One attribute, from its name to the end of its value."""

    name: str
    """Casefolded, as MediaWiki compares names."""
    written: str
    """The name as written."""
    start: int
    end: int
    value: str | None
    """The value without its quotes; ``None`` when no ``=`` gives one."""


@dataclass(frozen=True, slots=True)
class AttributedTag:
    """A tag (``<span ...>``, or ``{|``, ``|-``, ``|``, ``!``, ``|+`` of a table) and those
    of its attributes that the page writes itself."""

    element: str
    wiki_markup: bool
    attributes: tuple[TagAttribute, ...]


@per_article
def attributed_tags(article: Article) -> list[AttributedTag]:
    """Every tag of an HTML element with attributes, in source order. Extension tags
    (``<ref>``, ``<gallery>``...) and tags MediaWiki shows as text (``<tbody>``) are left
    out, and so are attributes in comments, templates and template arguments (see
    :func:`foreign_spans`)."""
    elements = allowed_attributes()
    tags = [
        (element, tag)
        for element, tag in named_tags(article)
        if element in elements and tag.attributes
    ]
    if not tags:
        return []
    foreign = _foreign(article)
    source = article.source
    result = []
    for element, tag in tags:
        attributes = [_attribute(article, item) for item in tag.attributes]
        attributes = _as_read(attributes, html=not tag.wiki_markup)
        if not attributes:
            continue
        if tag.wiki_markup and _LINK in source[attributes[0].start : attributes[-1].end]:
            continue  # MediaWiki reads a cell with a link before its "|" as all content
        if tag.wiki_markup == "|" and attributes[0].name.startswith(_CAPTION_MARK):
            element, attributes = "caption", _without_caption_mark(attributes)
        elif tag.wiki_markup == "|-" and _ROW_DASHES.fullmatch(attributes[0].name):
            attributes = attributes[1:]
        own = tuple(
            attribute
            for attribute in attributes
            if not overlaps(foreign, attribute.start, attribute.end)
        )
        if own:
            result.append(AttributedTag(element, bool(tag.wiki_markup), own))
    return result


def _foreign(article: Article) -> list[Span]:
    """:func:`foreign_spans` and every comment."""
    if "<!--" not in article.source:
        return foreign_spans(article)
    comments = (match.span() for match in _COMMENT.finditer(article.source))
    return merge([*foreign_spans(article), *comments])


def _as_read(attributes: list[TagAttribute], *, html: bool) -> list[TagAttribute]:
    """The attributes as MediaWiki reads them: a ``/`` is no attribute, and none follows a
    value that opens a quote it does not close (read to the end of the tag) or, in an HTML
    tag, that holds a ``>`` (which ends the tag)."""
    read = []
    for attribute in attributes:
        if _SLASHES.fullmatch(attribute.name):
            continue
        read.append(attribute)
        value = attribute.value or ""
        if value.startswith(_QUOTES) or (html and ">" in value):
            break
    return read


def _attribute(article: Article, attribute: Attribute) -> TagAttribute:
    name_start, name_end = article.span(attribute.name)
    written = article.text(attribute.name).strip()
    if attribute.value is None:
        return TagAttribute(written.casefold(), written, name_start, name_end, None)
    value_end = article.span(attribute.value)[1]
    end = value_end + len(attribute.quotes or "") if value_end else name_end
    return TagAttribute(written.casefold(), written, name_start, end, article.text(attribute.value))


def _without_caption_mark(attributes: list[TagAttribute]) -> list[TagAttribute]:
    first, *rest = attributes
    if first.name == _CAPTION_MARK:
        return rest
    name, written = (text.removeprefix(_CAPTION_MARK) for text in (first.name, first.written))
    return [TagAttribute(name, written, first.start + 1, first.end, first.value), *rest]
