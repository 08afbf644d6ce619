"""Quotations, italics and links: packs leave quoted words alone, since they are not the
editor's, and italic ones, which are titles, foreign words or words as words; a
capitalised word in a link is part of a name. :func:`prose_matches` is the public helper
that skips them."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from weakref import WeakKeyDictionary

from mwparserfromhell.nodes import Wikilink

from wikilint.document.article import Article, Paragraph
from wikilint.document.memo import per_article
from wikilint.document.names import named_templates
from wikilint.document.spans import Span, merge, overlaps

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


@dataclass(frozen=True, slots=True)
class ProseMatch:
    """A match in the prose of a paragraph: ``start`` and ``end`` index
    ``paragraph.prose.text``, :attr:`span` is where the match is in the source."""

    paragraph: Paragraph
    start: int
    end: int

    @property
    def text(self) -> str:
        return self.paragraph.prose.text[self.start : self.end]

    @property
    def span(self) -> Span:
        """Source offsets, as :meth:`Rule.finding <wikilint.Rule.finding>` takes them."""
        return self.paragraph.prose.span(self.start, self.end)


def prose_matches(
    article: Article,
    find: re.Pattern[str] | Callable[[str], Iterable[Span]],
    *,
    quotations: bool = True,
    italics: bool = True,
    paragraphs: Iterable[Paragraph] | None = None,
) -> Iterator[ProseMatch]:
    """Matches of *find* in the words the article's editors wrote, paragraph by paragraph.

    *find* is a compiled pattern, or a function that takes a paragraph's prose (its text
    without markup) and returns ``(start, end)`` spans in it. A match is left out when it
    overlaps literal text (``<nowiki>``, ``<kbd>``, ``<samp>``…), a quotation (``"…"``,
    ``“…”``, ``«…»``, ``'…'``; unless *quotations* is false), or italic or foreign text
    (``''…''``, ``<i>``, ``{{lang|…}}``: titles of works, foreign words and words as words;
    unless *italics* is false). *paragraphs* narrows the search (``article.paragraphs``
    by default).
    """
    if isinstance(find, re.Pattern):
        find = _finder(find)
    italic = italic_spans(article) if italics else []
    for paragraph in article.paragraphs if paragraphs is None else paragraphs:
        prose = paragraph.prose
        excluded: list[Span] | None = None
        for start, end in find(prose.text):
            if italic and overlaps(italic, *prose.span(start, end)):
                continue
            if excluded is None:  # only paragraphs with a match pay for their quotations
                excluded = merge(
                    [*prose.literal, *(quoted_spans(prose.text) if quotations else [])]
                )
            if not overlaps(excluded, start, end):
                yield ProseMatch(paragraph, start, end)


def _finder(pattern: re.Pattern[str]) -> Callable[[str], Iterator[Span]]:
    return lambda text: (match.span() for match in pattern.finditer(text))
