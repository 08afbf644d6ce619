"""Footnotes: ``<ref>`` tags, the lists that render them, and ref-like templates."""

from __future__ import annotations

import re
from dataclasses import dataclass

from mwparserfromhell.nodes import Tag, Template

from wikilint.document.article import Article
from wikilint.document.language_data import all_languages, everywhere, shared_data
from wikilint.document.memo import per_article
from wikilint.document.names import named_templates, tags_named
from wikilint.document.spans import Span

_QUOTES = " \t\n\"'"
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Ref:
    """A ``<ref>`` tag: its span, name, group and content (``None`` when self-closing)."""

    tag: Tag
    span: Span
    name: str | None
    group: str
    content: str | None

    @property
    def key(self) -> tuple[str, str] | None:
        """``(group, name)``: what a reuse refers to."""
        return None if self.name is None else (self.group, self.name)

    @property
    def normalized_content(self) -> str:
        """The content with runs of whitespace as one space, or ``""``."""
        return _SPACES.sub(" ", self.content or "").strip()

    @property
    def is_reuse(self) -> bool:
        """``<ref name=x/>`` or ``<ref name=x></ref>``: a marker for a ref defined elsewhere."""
        return self.name is not None and not self.normalized_content


def attribute(article: Article, tag: Tag, name: str) -> str | None:
    """The value of a tag's attribute (the last of that name: MediaWiki's reading) with
    quotes and spaces stripped, or ``None``."""
    for found in reversed(tag.attributes):
        if article.text(found.name) == name:
            if found.value is None:
                return None
            return article.text(found.value).strip(_QUOTES) or None
    return None


@per_article
def refs(article: Article) -> list[Ref]:
    """Every ``<ref>`` tag of the article, nested ones too, in source order."""
    found = []
    for tag in tags_named(article, "ref"):
        content = None if tag.self_closing else article.text(tag.contents)
        found.append(
            Ref(
                tag=tag,
                span=article.span(tag),
                name=attribute(article, tag, "name"),
                group=attribute(article, tag, "group") or "",
                content=content,
            )
        )
    return found


def is_list_template(name: str) -> bool:
    """Whether a template of this name (see ``template_name``) renders the references list."""
    known = everywhere().reference_list_templates or frozenset()
    return name in known or name == "#tag:references" or "reflist" in name


def reference_list_languages() -> frozenset[str]:
    """The languages whose file names their references-list templates (maybe none)."""
    return frozenset(
        code for code, data in all_languages().items() if data.reference_list_templates is not None
    )


@per_article
def references_lists(article: Article) -> list[Tag | Template]:
    """``<references/>``, ``<references>...</references>``, ``{{reflist}}`` and kin."""
    lists: list[Tag | Template] = list(tags_named(article, "references"))
    lists += [template for name, template in named_templates(article) if is_list_template(name)]
    return lists


@per_article
def markers(article: Article) -> list[Span]:
    """Spans of the footnote markers in the text, outermost only, in source order.

    Markers are ``<ref>`` tags, ref templates and note templates (``{{efn}}``); refs
    defined inside a references list are not markers.
    """
    lists = [article.span(node) for node in references_lists(article)]
    spans = [article.span(tag) for tag in tags_named(article, "ref")]
    spans += [
        article.span(template)
        for name, template in named_templates(article)
        if name in shared_data().footnote_templates or name in shared_data().note_templates
    ]
    spans.sort()
    outermost: list[Span] = []
    for start, end in spans:
        if outermost and start < outermost[-1][1]:
            continue
        if not any(list_start <= start < list_end for list_start, list_end in lists):
            outermost.append((start, end))
    return outermost


def marker_chains(article: Article) -> list[Span]:
    """Runs of markers separated by nothing but spaces: ``<ref>a</ref> <ref>b</ref>``."""
    chains: list[Span] = []
    for start, end in markers(article):
        if chains and not article.source[chains[-1][1] : start].strip(" \t"):
            chains[-1] = (chains[-1][0], end)
        else:
            chains.append((start, end))
    return chains
