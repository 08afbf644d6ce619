"""Quotations, italics and links: packs leave quoted words alone, since they are not the
editor's, and italic ones, which are titles, foreign words or words as words; a
capitalised word in a link is part of a name."""

from __future__ import annotations

import re
from weakref import WeakKeyDictionary

from mwparserfromhell.nodes import Wikilink

from wikilint.document.article import Article
from wikilint.document.memo import per_article
from wikilint.document.names import named_templates
from wikilint.document.spans import Span, merge

# An opening mark and what closes it; a straight quote closes itself.
_PAIRS = {'"': '"', "“": "”", "„": "“", "«": "»", "‹": "›", "「": "」", "『": "』"}
_OPENING = re.compile("|".join(re.escape(mark) for mark in _PAIRS))
#: A single curly quote opens a quotation only before a letter and closes only after one.
_SINGLE = re.compile(r"‘(?=\w)[^‘’]*?(?<=[\w.,!?])’(?!\w)")
#: A straight one likewise, but it is also the apostrophe: it opens only after a space or
#: punctuation, closes only before one; apostrophes inside words ("don't") are text, and
#: so are a quoted letter ("rock 'n' roll") and a decade ("the '60s bands' music").
_SINGLE_STRAIGHT = re.compile(
    r"(?<![\w'])'(?=\w)(?!\d+s\b)(?:[^'\n]|(?<=\w)'(?=\w)){2,}?(?<=[\w.,!?])'(?![\w'])"
)


def quoted_spans(text: str) -> list[Span]:
    """Spans of ``text`` inside quotation marks, the marks included. An opening mark that
    is never closed on the line quotes nothing."""
    spans: list[Span] = []
    position = 0
    while match := _OPENING.search(text, position):
        close = text.find(_PAIRS[match.group()], match.end())
        if close < 0:
            position = match.end()
            continue
        spans.append((match.start(), close + 1))
        position = close + 1
    for single in (_SINGLE, _SINGLE_STRAIGHT):
        spans.extend((match.start(), match.end()) for match in single.finditer(text))
    return merge(spans)


_ITALICS: WeakKeyDictionary[Article, list[Span]] = WeakKeyDictionary()


def italic_spans(article: Article) -> list[Span]:
    """Sorted, disjoint source spans of the paragraphs' italic text (``''…''``, ``<i>``,
    ``<em>``) and of foreign text (``{{lang|la|…}}``, which MediaWiki shows in italics
    in Latin script), once per article."""
    spans = _ITALICS.get(article)
    if spans is None:
        italic = [
            paragraph.prose.span(start, end)
            for paragraph in article.paragraphs
            for start, end in paragraph.prose.italic
        ]
        foreign = [article.span(node) for name, node in named_templates(article) if name == "lang"]
        spans = _ITALICS[article] = merge(italic + foreign)
    return spans


@per_article
def link_spans(article: Article) -> list[Span]:
    """Sorted, disjoint source spans of the article's wikilinks."""
    return merge([article.span(link) for link in article.nodes(Wikilink)])
