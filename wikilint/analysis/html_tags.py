"""The literal HTML tags of an article, as MediaWiki's tree builder meets them.

Tags are read from the source, not from the parse tree: mwparserfromhell leaves a stray
``</u>`` or an unclosed ``<center>`` as text, and Parsoid's Linter judges exactly those.
Tags inside comments, templates, template arguments and tags whose contents are not
wikitext (``<nowiki>``, ``<pre>``, ``<math>``, ``<syntaxhighlight>``...) are left out: the
page's own wikitext does not decide what they render. Only the tags MediaWiki's sanitizer
lets through count; anything else (``<foo>``) is shown as text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from mwparserfromhell.nodes import Argument, Comment, Template

from wikilint.analysis.raw_markup import opaque_spans
from wikilint.document.article import Article
from wikilint.document.memo import per_article
from wikilint.document.spans import Span, merge, overlaps

#: Tags that never have contents: a ``/>`` on them is allowed, their end tag meaningless.
VOID_TAGS = frozenset({"br", "wbr", "hr", "meta", "link", "img"})
#: The HTML tags MediaWiki's sanitizer accepts as literal markup.
HTML_TAGS = VOID_TAGS | frozenset(
    {
        "abbr", "b", "bdi", "bdo", "big", "blockquote", "caption", "center", "cite", "code",
        "data", "dd", "del", "dfn", "div", "dl", "dt", "em", "font", "h1", "h2", "h3", "h4",
        "h5", "h6", "i", "ins", "kbd", "li", "mark", "ol", "p", "q", "rb", "rp", "rt", "rtc",
        "ruby", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "table", "td",
        "th", "time", "tr", "tt", "u", "ul", "var",
    }
)  # fmt: skip

_TAG = re.compile(r"<(/?)([a-z][a-z0-9]*)\b([^<>]*)>", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class HtmlTag:
    """One start or end tag; ``partner`` is the index of the tag it pairs with, if any."""

    start: int
    end: int
    name: str
    closing: bool
    self_closing: bool
    partner: int | None = None


@per_article
def html_tags(article: Article) -> list[HtmlTag]:
    """Every literal HTML tag of the article's own wikitext, in source order, each start tag
    paired with the next unpaired end tag of its name (nesting counted)."""
    hidden = _hidden_spans(article)
    found: list[HtmlTag] = []
    for match in _TAG.finditer(article.source):
        name = match[2].casefold()
        if name not in HTML_TAGS or overlaps(hidden, match.start(), match.start() + 1):
            continue
        closing = bool(match[1])
        self_closing = not closing and match[3].rstrip().endswith("/")
        found.append(HtmlTag(match.start(), match.end(), name, closing, self_closing))
    return _paired(found)


def _paired(tags: list[HtmlTag]) -> list[HtmlTag]:
    partners: dict[int, int] = {}
    open_by_name: dict[str, list[int]] = {}
    for index, tag in enumerate(tags):
        if tag.self_closing or tag.name in VOID_TAGS:
            continue
        stack = open_by_name.setdefault(tag.name, [])
        if not tag.closing:
            stack.append(index)
        elif stack:
            opener = stack.pop()
            partners[opener], partners[index] = index, opener
    return [
        HtmlTag(tag.start, tag.end, tag.name, tag.closing, tag.self_closing, partners.get(index))
        for index, tag in enumerate(tags)
    ]


def _hidden_spans(article: Article) -> list[Span]:
    """Spans whose tags the page's own wikitext does not decide, merged."""
    spans = opaque_spans(article)
    for kind in (Comment, Template, Argument):
        spans.extend(article.span(node) for node in article.nodes(kind))
    return merge(spans)
