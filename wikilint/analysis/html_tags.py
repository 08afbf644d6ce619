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

#: Inline tags that HTML5, unlike Tidy, does not reopen in the next paragraph
#: (Parsoid's ``getTagsWithChangedMisnestingBehavior``): a paragraph break ends them.
PARAGRAPH_BOUND_TAGS = frozenset(
    {
        "abbr", "bdi", "bdo", "cite", "data", "del", "dfn", "ins", "kbd", "mark", "q", "rb",
        "rp", "rt", "rtc", "ruby", "samp", "span", "sub", "sup", "time", "var",
    }
)  # fmt: skip
#: Tags a wikitext table makes too: their end tag in one closes the table's own row or cell.
_TABLE_PARTS = frozenset({"caption", "td", "th", "tr"})
#: Block tags inside which wikitext paragraphs do not end inline tags.
_BLOCK_TAGS = frozenset({"blockquote", "center", "div", "table", "ul", "ol", "dl"})

#: A tag (quoted attribute values may hold ``<`` and ``>``, as ``<nowiki/>`` in a title);
#: or where a wikitext table opens, closes, or starts a cell or row; or a paragraph break.
_TOKENS = re.compile(
    r"""<(?P<slash>/?)(?P<name>[a-z][a-z0-9]*)\b(?P<attrs>(?:"[^"\n]*"|'[^'\n]*'|[^<>"'])*)>"""
    r"|(?P<table>^[ \t:]*\{\|)|(?P<end>^[ \t]*\|\})|(?P<cell>^[ \t]*[|!]|\|\||!!)"
    r"|(?P<paragraph>\n[ \t]*\n|\n(?=[*#:;=]|----))",
    re.IGNORECASE | re.MULTILINE,
)


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
    paired with the end tag that closes it.

    Pairing follows the tree builder roughly: a start tag pairs with the next unpaired end
    tag of its name in the same table cell (a cell's end closes what it opened), and the
    inline tags of ``PARAGRAPH_BOUND_TAGS`` do not pair across a paragraph break outside
    block tags. Each tag is looked at once.
    """
    hidden = foreign_spans(article)
    tags: list[HtmlTag] = []
    partners: dict[int, int] = {}
    frames: list[dict[str, list[int]]] = [{}]  # the open tags of each table nested, by name
    for match in _TOKENS.finditer(article.source):
        if overlaps(hidden, match.start(), match.start() + 1):
            continue
        frame = frames[-1]
        if match["name"] is None:
            if match["table"]:
                _end_paragraph(frame)
                frames.append({})
            elif match["end"] and len(frames) > 1:
                frames.pop()
            elif match["paragraph"]:
                _end_paragraph(frame)
            elif match["cell"] and len(frames) > 1:
                frame.clear()
            continue
        name = match["name"].casefold()
        if name not in HTML_TAGS:
            continue
        closing = bool(match["slash"])
        if closing and name in _TABLE_PARTS and len(frames) > 1 and not frame.get(name):
            continue
        self_closing = not closing and name not in VOID_TAGS and match["attrs"].endswith("/")
        tags.append(HtmlTag(match.start(), match.end(), name, closing, self_closing))
        if self_closing or name in VOID_TAGS:
            continue
        stack = frame.setdefault(name, [])
        if not closing:
            stack.append(len(tags) - 1)
        elif stack:
            opener = stack.pop()
            partners[opener], partners[len(tags) - 1] = len(tags) - 1, opener
    return [
        HtmlTag(tag.start, tag.end, tag.name, tag.closing, tag.self_closing, partners.get(index))
        for index, tag in enumerate(tags)
    ]


def _end_paragraph(frame: dict[str, list[int]]) -> None:
    """A paragraph break ends the open inline tags it bounds, unless a block tag is open."""
    if not any(frame.get(name) for name in _BLOCK_TAGS):
        for name in PARAGRAPH_BOUND_TAGS & frame.keys():
            frame[name].clear()


@per_article
def foreign_spans(article: Article) -> list[Span]:
    """Spans whose rendering the page's own wikitext does not decide, merged: comments,
    templates, template arguments and tags whose contents are not wikitext."""
    spans = opaque_spans(article)
    for kind in (Comment, Template, Argument):
        spans.extend(article.span(node) for node in article.nodes(kind))
    return merge(spans)
