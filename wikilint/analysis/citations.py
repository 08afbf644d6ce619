"""Where an article cites its sources: inline citations and the prose they cover."""

from __future__ import annotations

import re
from bisect import bisect_left

from mwparserfromhell.nodes import ExternalLink, Node, Tag, Template

from wikilint.document.article import Article, Paragraph
from wikilint.document.language_data import shared_data
from wikilint.document.memo import per_article
from wikilint.document.names import named_templates, tag_name, tags_named, template_name
from wikilint.document.prose import ProseView
from wikilint.document.spans import Span

# Parenthetical (Harvard) referencing in running text: "(Creed, 1993)", "(Smith and Jones
# 2001, p. 4)", "(e.g., Smith et al., 1999a)".
_AUTHOR = r"[A-Z][\w'’-]+"
PARENTHETICAL = re.compile(
    rf"\((?:e\.g\.,?\s*|see\s+|cf\.\s*)?{_AUTHOR}(?:\s+(?:and|&)\s+{_AUTHOR}|\s+et\s+al\.)?"
    r",?\s+\d{4}[a-z]?(?:[,:]\s*(?:pp?\.\s*)?[\d–-]+)?\)"
)


def is_citation(node: Node) -> bool:
    """Whether *node* renders an inline citation.

    ``<ref>`` (also ``<ref name=x/>``), citation templates (``{{sfn}}``, ``{{harvnb}}``,
    ``{{r}}``, ``{{cite web}}``...), a note template (``{{efn}}``) that contains one, and
    a bare bracketed external link (``[http://example.org]``, an old inline citation style).
    Parenthetical references in the text are found by :func:`parenthetical_citations`.
    """
    if isinstance(node, Tag):
        return tag_name(node) == "ref"
    if isinstance(node, Template):
        return _is_citation_template(template_name(node), node)
    if isinstance(node, ExternalLink):
        return node.brackets and node.title is None
    return False


def _is_citation_template(name: str, template: Template) -> bool:
    """Whether a template of this name (see :func:`template_name`) renders a citation."""
    shared = shared_data()
    if name in shared.citation_templates or name.startswith(shared.citation_template_prefixes):
        return True
    return name in shared.note_templates and any(
        is_citation(inner)
        for param in template.params
        for inner in param.value.filter(recursive=True)
    )


def parenthetical_citations(prose: ProseView) -> list[int]:
    """Source offsets of parenthetical references ("(Creed, 1993)") in a prose view."""
    return [prose.offset(match.start()) for match in PARENTHETICAL.finditer(prose.text)]


class Citations:
    """The inline citations of an article, answering "is this prose cited?"."""

    def __init__(self, article: Article) -> None:
        self._source = article.source  # the text, not the article: memoised, no cycle
        found = [article.span(tag) for tag in tags_named(article, "ref")]
        found += [
            article.span(template)
            for name, template in named_templates(article)
            if _is_citation_template(name, template)
        ]
        found += [
            article.span(link)
            for link in article.nodes(ExternalLink)
            if link.brackets and link.title is None
        ]
        spans: list[Span] = []
        for start, end in sorted(found):  # an outer node starts before those inside it
            if not spans or start >= spans[-1][1]:  # skip citations nested in one
                spans.append((start, end))
        self.spans = spans
        self._starts = [start for start, _ in spans]

    def in_range(self, start: int, end: int) -> list[Span]:
        """Citations that start inside ``[start, end)``."""
        first = bisect_left(self._starts, start)
        last = bisect_left(self._starts, end)
        return self.spans[first:last]

    def trailing(self, end: int) -> list[Span]:
        """Citations right after *end*: separated from it only by spaces, one newline
        or other such citations, so MediaWiki renders them in the same paragraph."""
        found: list[Span] = []
        source = self._source
        index = bisect_left(self._starts, end)
        position = end
        while index < len(self.spans):
            start, stop = self.spans[index]
            gap = source[position:start]
            if gap.strip() or gap.count("\n") > 1:
                break
            found.append((start, stop))
            position = stop
            index += 1
        return found


@per_article
def article_citations(article: Article) -> Citations:
    """The article's :class:`Citations`, found once and shared by the rules that ask."""
    return Citations(article)


def cited_sentences(article: Article, paragraph: Paragraph) -> list[bool]:
    """For each sentence of *paragraph*, whether a citation ends or sits in it.

    A citation counts for the sentence it starts in or follows (before the next
    sentence starts); those right after the line count for its last sentence.
    Parenthetical references ("(Creed, 1993)") count for the sentence they sit in.
    """
    citations = article_citations(article)
    prose = paragraph.prose
    starts = [prose.offset(start) for start, _ in paragraph.sentences]
    ends = [*starts[1:], paragraph.end]
    parenthetical = parenthetical_citations(prose)  # in source order

    def has_parenthetical(start: int, end: int) -> bool:
        index = bisect_left(parenthetical, start)
        return index < len(parenthetical) and parenthetical[index] < end

    cited = [
        bool(citations.in_range(start, end)) or has_parenthetical(start, end)
        for start, end in zip(starts, ends, strict=True)
    ]
    if cited and not cited[-1]:
        cited[-1] = bool(citations.trailing(paragraph.end))
    return cited
