"""WL201 empty-section: a heading with nothing under it."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated

from mwparserfromhell.nodes import Comment, Node, Template, Text, Wikilink

from wikilint.document.article import Article, Section
from wikilint.document.namespaces import is_category_link, is_interlanguage_link
from wikilint.document.spans import Span
from wikilint.linter.finding import Finding, Severity
from wikilint.linter.rule import Doc, Rule, RuleDocs

#: Behaviour switches such as ``__NOTOC__``: source text that renders nothing.
_SWITCH = re.compile(r"__[A-Z]{2,}(?:_[A-Z]+)*__")


@dataclass(frozen=True)
class Options:
    flag_no_intro: Annotated[
        bool, Doc("Also report a section with no text of its own before its first sub-section.")
    ] = False


class EmptySection(Rule):
    code = "WL201"
    name = "empty-section"
    severity = Severity.WARNING
    summary = "A section has no content before the next heading of its level or the end."
    Options = Options
    docs = RuleDocs(
        what=(
            "A heading followed by nothing but whitespace and comments (or what renders "
            "elsewhere: category and interlanguage links, {{DEFAULTSORT:}}, __NOTOC__) up to "
            "the next heading of the same or a higher level, or the end of the article. The "
            "finding covers the "
            "heading. A section that holds only sub-sections is not flagged unless "
            "flag_no_intro is set."
        ),
        why=(
            "An empty section is an unfinished edit or the husk of removed text: readers see a "
            "heading in the table of contents and find nothing under it."
        ),
        bad="Intro text.\n\n== History ==\n<!-- to do -->\n\n== Legacy ==\nStill read today.\n",
        good=(
            "Intro text.\n\n== History ==\n=== Early years ===\nBorn in 1900.\n\n"
            "== References ==\n{{reflist}}\n"
        ),
        notes=(
            "Anything else is content, even when it is not prose: a template such as "
            "{{Main|...}}, {{reflist}} or {{portal}}, <references/>, a table, a list, a "
            "gallery or an image all render something. Only top-level headings open sections; "
            "a heading inside a template or tag does not. flag_no_intro is off by default: "
            "a section opening straight into sub-sections is a common and accepted layout."
        ),
        precision="20/20 findings read as correct on the shared corpus "
        "(en, en-extra, intl), 2026-12-01",
    )

    def check(self, article: Article) -> Iterator[Finding]:
        content = _ContentStarts(article)
        for section in article.sections[1:]:
            assert section.heading is not None
            span = section.own_body if self.options.flag_no_intro else section.body
            if content.within(*span):
                continue
            start, end = section.heading
            yield self.finding(article, start, end, _message(section, span, article))


def _message(section: Section, span: Span, article: Article) -> str:
    title = f'section "{section.title}"' if section.title else "untitled section"
    if span == section.own_body and span != section.body:
        return f"{title} has no text of its own before its first sub-section"
    until = "the end of the article" if span[1] == len(article.source) else "the next heading"
    return f"{title} is empty: no content before {until}"


class _ContentStarts:
    """Whether a top-level node that renders something starts inside a span."""

    def __init__(self, article: Article) -> None:
        self._nodes = article.tree.nodes
        self._starts = [article.span(node)[0] for node in self._nodes]
        self._blank: dict[int, bool] = {}

    def within(self, start: int, end: int) -> bool:
        index = bisect_left(self._starts, start)
        while index < len(self._starts) and self._starts[index] < end:
            if not self._is_blank(index):
                return True
            index += 1
        return False

    def _is_blank(self, index: int) -> bool:
        blank = self._blank.get(index)
        if blank is None:
            blank = self._blank[index] = _is_blank(self._nodes[index])
        return blank


def _is_blank(node: Node) -> bool:
    """Whether a top-level node renders nothing where it stands."""
    if isinstance(node, Text):
        return not _SWITCH.sub("", node.value).strip()
    if isinstance(node, Wikilink):
        title = str(node.title)
        return is_category_link(title) or is_interlanguage_link(title)
    if isinstance(node, Template):
        return str(node.name).strip().upper().startswith("DEFAULTSORT:")
    return isinstance(node, Comment)
