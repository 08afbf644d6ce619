"""Markup that did not parse: openers left as plain text by the lenient parser.

mwparserfromhell never fails: a ``[[``, ``{{``, ``<!--`` or ``<div>`` it cannot close
stays in a ``Text`` node. Text inside tags whose contents are not wikitext
(``<nowiki>``, ``<math>``, ``<pre>``, ``<gallery>``...) is skipped. The parser also
gives up on constructs MediaWiki accepts (a template holding an unbalanced ``''``, an
indented table), so each candidate is confirmed by pairing it with the openers and
closers that follow it in the source, as MediaWiki does.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from typing import ClassVar

from mwparserfromhell.definitions import PARSER_BLACKLIST
from mwparserfromhell.nodes import Text

from wikilint.document.article import Article
from wikilint.document.memo import per_article
from wikilint.document.names import tags_named
from wikilint.document.spans import Span, merge
from wikilint.linter.finding import Finding, Severity
from wikilint.linter.rule import Rule

#: Tags whose contents mwparserfromhell keeps as raw text.
OPAQUE_TAGS = frozenset(PARSER_BLACKLIST)
#: What the openers of the unclosed-markup rules start with; most texts hold none of it.
_MARKED = re.compile(r"<|\[\[|\{\{|\{\|")


def opaque_spans(article: Article) -> list[Span]:
    """Spans of the tags whose contents are not wikitext, outermost first."""
    return [article.span(tag) for tag in tags_named(article, *sorted(OPAQUE_TAGS))]


@per_article
def raw_texts(article: Article) -> list[tuple[str, int]]:
    """``(value, source offset)`` of every ``Text`` node holding wikitext."""
    return _raw(article, [(node.value, article.span(node)[0]) for node in article.nodes(Text)])


@per_article
def raw_texts_with(article: Article, marker: str) -> list[tuple[str, int]]:
    """The :func:`raw_texts` that contain *marker*."""
    if marker not in article.source:
        return []
    texts = _marked_texts(article) if _MARKED.search(marker) else raw_texts(article)
    return [(value, offset) for value, offset in texts if marker in value]


def _is_marked(value: str) -> bool:
    """``_MARKED.search(value)``, by substring tests that are several times faster."""
    return "<" in value or "[[" in value or "{{" in value or "{|" in value


@per_article
def _marked_texts(article: Article) -> list[tuple[str, int]]:
    """The :func:`raw_texts` holding a ``_MARKED`` string: a few, found in one pass."""
    nodes = [node for node in article.nodes(Text) if _is_marked(node.value)]
    return _raw(article, [(node.value, article.span(node)[0]) for node in nodes])


def _raw(article: Article, texts: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """The *texts* that start outside every tag holding no wikitext."""
    hidden = merge(opaque_spans(article))
    if not hidden:
        return texts
    starts = [start for start, _ in hidden]

    def outside(offset: int) -> bool:
        index = bisect_right(starts, offset) - 1
        return index < 0 or offset >= hidden[index][1]

    return [(value, offset) for value, offset in texts if outside(offset)]


class UnclosedRule(Rule):
    """Base of the rules that report an opener the parser left as text."""

    severity = Severity.ERROR
    #: What an opener looks like in a ``Text`` node.
    opener: ClassVar[re.Pattern[str]]
    #: A string every match of ``opener`` contains: texts without it are skipped.
    marker: ClassVar[str]
    #: The message; ``{opener}`` in it stands for the matched text.
    message: ClassVar[str]
    #: Openers and closers in the source; closers match the group ``close``.
    pair: ClassVar[re.Pattern[str]]

    def check(self, article: Article) -> Iterator[Finding]:
        for value, offset in raw_texts_with(article, self.marker):
            for match in self.opener.finditer(value):
                start, end = offset + match.start(), offset + match.end()
                if self.is_opener(article, start, end):
                    yield self.finding(
                        article, start, end, self.message.replace("{opener}", match[0])
                    )

    def is_opener(self, article: Article, start: int, end: int) -> bool:
        """Whether a match is left open: no closer pairs with it in the rest of the source."""
        return not is_closed(article, end, self.pair)


def is_closed(article: Article, offset: int, pair: re.Pattern[str]) -> bool:
    """Whether a construct opened just before *offset* is closed, counting nesting."""
    return _nesting(article, pair).closer_end(offset) is not None


@per_article
def _nesting(article: Article, pair: re.Pattern[str]) -> _Nesting:
    return _Nesting(article.source, pair)


class _Nesting:
    """Where the constructs of one *pair* close in a source, each scan done once.

    Scanning forward from every opener to its closer takes quadratic time on thousands of
    unclosed openers; here the closer found from one position is remembered, so a scan
    that meets an inner opener jumps over the inner construct instead of rescanning it,
    and the last search is reused by every position up to the match it found.
    """

    def __init__(self, source: str, pair: re.Pattern[str]) -> None:
        self._source = source
        self._pair = pair
        self._ends: dict[int, int | None] = {}
        self._searched: tuple[int, re.Match[str] | None] = (len(source) + 1, None)

    def _next(self, position: int) -> re.Match[str] | None:
        """The first opener or closer at or after *position*."""
        searched_from, match = self._searched
        if searched_from <= position and (match is None or position <= match.start()):
            return match
        match = self._pair.search(self._source, position)
        self._searched = (position, match)
        return match

    def closer_end(self, offset: int) -> int | None:
        """End of the closer that brings the depth from one to zero, scanning from *offset*."""
        ends = self._ends
        waiting: list[tuple[int, bool]] = []  # (position, whether its inner construct closed)
        position = offset
        while True:
            if position in ends:
                end = ends[position]
            else:
                match = self._next(position)
                if match is not None and not match["close"]:
                    waiting.append((position, False))
                    position = match.end()  # first find where this inner construct closes
                    continue
                end = None if match is None else match.end()
                ends[position] = end
            while waiting:
                start, inner_closed = waiting.pop()
                if end is not None and not inner_closed:
                    waiting.append((start, True))
                    position = end  # the inner one closed: go on after it
                    break
                ends[start] = end
            else:
                return end
