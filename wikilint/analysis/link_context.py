"""Where links sit: the nodes of running prose, shared by the link rules (no rule here)."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator

from mwparserfromhell.nodes import Node, Tag, Text

from wikilint.document.article import Article, Paragraph
from wikilint.document.language_data import everywhere
from wikilint.document.memo import per_article
from wikilint.document.prose import is_inline_markup

#: A `<ref>` opening (group 1 set if self-closing) or closing tag (group 2) left as text.
_REF_MARK = re.compile(r"<ref\b[^>]*?(/)?>|(</ref\s*>)", re.IGNORECASE)


def external_link_sections() -> frozenset[str]:
    """Section titles (casefolded, of every language) where external links and cited
    sources belong: reference sections, external links and further reading."""
    sections = everywhere().sections
    return frozenset((*sections.references, *sections.external_links))


@per_article
def prose_nodes(article: Article) -> list[tuple[Node, Paragraph]]:
    """Nodes of running prose lines, in source order, listed once per article.

    Looks inside inline HTML formatting (bold and italic are text, see ``emphasis``), but
    not inside references, templates, tables, lists, file links or other markup that is
    not running text. Two guards protect against misparses of broken markup: only nodes
    that start on the paragraph's own line count, and nothing after a `<ref>` the parser
    left as text.
    """
    return list(_prose_nodes(article))


def _prose_nodes(article: Article) -> Iterator[tuple[Node, Paragraph]]:
    top = list(article.tree.nodes)  # a plain list: indexing a SmartList is a Python call
    starts = [article.span(node)[0] for node in top]
    for paragraph in article.paragraphs:
        line_end = article.source.find("\n", paragraph.start, paragraph.end)
        line_end = paragraph.end if line_end < 0 else line_end
        index = bisect_left(starts, paragraph.start)
        in_ref = False
        while index < len(top) and starts[index] < line_end:
            node = top[index]
            if isinstance(node, Text):
                if "<" in node.value:  # rare: a tag the parser left as text
                    in_ref = _inside_ref(node.value, in_ref)
            elif not in_ref:
                yield from _inline(article, node, paragraph)
            index += 1


def _inside_ref(text: str, inside: bool) -> bool:
    """Whether a ``<ref>`` is open after *text*, given whether one was before it."""
    for match in _REF_MARK.finditer(text):
        if match.group(2):
            inside = False
        elif not match.group(1):
            inside = True
    return inside


def _inline(article: Article, node: Node, paragraph: Paragraph) -> Iterator[tuple[Node, Paragraph]]:
    yield node, paragraph
    if (
        isinstance(node, Tag)
        and not node.self_closing
        and is_inline_markup(node)
        and article.source.find("\n", *article.span(node)) < 0  # later lines: other paragraphs
    ):
        for child in node.contents.nodes:
            yield from _inline(article, child, paragraph)
