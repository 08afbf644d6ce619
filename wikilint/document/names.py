"""The article's tags and templates by name, named once per article."""

from __future__ import annotations

import re

from mwparserfromhell.nodes import Tag, Template

from wikilint.document.article import Article
from wikilint.document.memo import per_article

_SPACES = re.compile(r"[\s_]+")


def template_name(template: Template) -> str:
    """A template's name casefolded, with underscores and runs of spaces as one space."""
    return _SPACES.sub(" ", str(template.name)).strip().casefold()


def tag_name(tag: Tag) -> str:
    """A tag's name, stripped and casefolded."""
    return str(tag.tag).strip().casefold()


@per_article
def named_tags(article: Article) -> list[tuple[str, Tag]]:
    """``(name, tag)`` of every tag, nested ones too, in source order (see ``tag_name``)."""
    return [(_name_text(article, tag).strip().casefold(), tag) for tag in article.nodes(Tag)]


def _name_text(article: Article, tag: Tag) -> str:
    """``str(tag.tag)``, sliced from the source unless the tag is wiki markup (``*``, ``|-``),
    whose name has no source of its own."""
    return str(tag.tag) if tag.wiki_markup else article.text(tag.tag)


@per_article
def tags_named(article: Article, *names: str) -> list[Tag]:
    """Tags with one of these names (see :func:`tag_name`), in source order."""
    return [tag for name, tag in named_tags(article) if name in names]


@per_article
def named_templates(article: Article) -> list[tuple[str, Template]]:
    """``(name, template)`` of every template (see ``template_name``), in source order."""
    return [(template_name(template), template) for template in article.nodes(Template)]
