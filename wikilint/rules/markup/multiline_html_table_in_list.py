"""WL424 multiline-html-table-in-list: an HTML ``<table>`` on more than one line in a list
item."""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator

from mwparserfromhell.nodes import Argument, Template

from wikilint.analysis.html_tags import HtmlTag, html_tags, in_foreign
from wikilint.analysis.html_tree import ancestors, element_ends, line_end, line_start
from wikilint.document.article import Article
from wikilint.document.names import tags_named
from wikilint.document.spans import Span, merge, overlaps
from wikilint.linter.finding import Finding, Severity
from wikilint.linter.rule import Rule, RuleDocs

_LIST_MARKS = frozenset("*#:;")
_HTML_LIST_ITEMS = frozenset({"li", "dd", "dt"})
#: A line break of the rendered HTML: a newline or its character reference.
_NEWLINE = re.compile(r"\n|&#0*10;|&#[xX]0*[aA];")
#: In a tag, what a line break between attributes is not: a quoted value, which keeps it.
_QUOTED_OR_NEWLINE = re.compile(r""""[^"]*"|'[^']*'|\n""")
#: Where a wikitext table opens (indented with ``:``, a definition list item) or closes.
_TABLE_LINE = re.compile(r"^(?:(?P<indent>[ \t:]*)\{\||[ \t]*(?P<close>\|\}))", re.MULTILINE)


class MultilineHtmlTableInList(Rule):
    code = "WL424"
    name = "multiline-html-table-in-list"
    severity = Severity.ERROR
    linter_category = "multiline-html-table-in-list"
    summary = "An HTML <table> inside a list item whose markup spans more than one line."
    docs = RuleDocs(
        what="A literal `<table>` inside a wikitext list item (a `*`, `#`, `:` or `;` line, "
        "or a wikitext table that starts on one) whose HTML holds a line break: "
        "`* Results: <table><tr><td>1</td>` and more lines.",
        why="The legacy parser ends the list at the line break and leaves the table half "
        "inside it; Tidy mended that one way, the HTML5 parser that replaced it mends it "
        "another, and the list can swallow the rest of the page. Parsoid's Linter files "
        "it as multiline-html-table-in-list (high priority).",
        bad="* Results: <table><tr><td>1</td>\n<td>2</td></tr></table>\n",
        good="* Results: <table><tr><td>1</td><td>2</td></tr></table>\n",
        notes="The finding spans the whole table, from `<table>` to `</table>` (to the end "
        "of the text when it is left open), as Parsoid's dsr does; a table nested in it "
        "gets its own finding when it has a line break too. A line break inside a tag "
        "between attributes is not one of the HTML, a comment's or `&#10;` is. An HTML "
        "`<li>`, `<dd>` or `<dt>` between the list item and the table, or a `<ref>` or "
        "`<references>` around it, is not a wikitext list item. Tables in templates are not "
        "the page's own markup, and a line break inside a template's arguments is left "
        "to the template. To fix, put the table on one line, or make it a wikitext table "
        "(`{|`) after the list. "
        "https://www.mediawiki.org/wiki/Help:Lint_errors/multiline-html-table-in-list",
        precision="No finding on the shared corpus (2026-12-01); every generated case "
        "matches Parsoid 1.39 span for span (tests/rules/cases/WL424.toml). Known "
        "difference: text that HTML moves out of the table (a word between `<table>` and "
        "`<tr>`) still counts when it holds the line break.",
    )

    def check(self, article: Article) -> Iterator[Finding]:
        tags = html_tags(article)
        tables = [index for index, tag in enumerate(tags) if _is_table(tag)]
        if not tables:
            return
        source = article.source
        ends = element_ends(article)
        context = _Context(article)
        for index in tables:
            tag = tags[index]
            closed = tag.partner is not None or tag.cut is not None or tag.in_table
            end = ends[index] if closed else len(source)
            if not context.in_list_item(tags, index, end):
                continue
            if overlaps(context.references, tag.start, tag.end):
                continue
            if context.breaks_line(tag.start, end):
                yield self.finding(
                    article, tag.start, end, "an HTML table on more than one line in a list item"
                )


def _is_table(tag: HtmlTag) -> bool:
    return tag.name == "table" and not tag.closing and not tag.self_closing


def _list_line_tables(article: Article) -> list[Span]:
    """The wikitext tables indented with ``:`` (in a list item), merged; mwparserfromhell
    does not read those as tables."""
    opened: list[tuple[int, bool]] = []
    spans: list[Span] = []
    for match in _TABLE_LINE.finditer(article.source):
        if in_foreign(article, match.start(), match.end()):
            continue
        if not match["close"]:
            opened.append((match.start(), ":" in match["indent"]))
        elif opened:
            start, in_list = opened.pop()
            if in_list:
                spans.append((start, match.end()))
    spans += [(start, len(article.source)) for start, in_list in opened if in_list]
    return merge(spans)


def _holder(spans: list[Span], offset: int) -> int | None:
    """The start of the span of the sorted, disjoint *spans* that holds *offset*, if any."""
    index = bisect_right(spans, (offset, math.inf)) - 1
    return spans[index][0] if index >= 0 and spans[index][1] > offset else None


class _Context:
    """What decides whether a table is in a list item, computed once per article."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.source = article.source
        self.references = merge(
            article.span(tag) for tag in tags_named(article, "ref", "references")
        )
        self.list_tables = _list_line_tables(article) if "{|" in self.source else []
        self._newlines: list[int] | None = None
        self._item = (-1, -1)  # the list item last seen, as far as its tables keep it

    def in_list_item(self, tags: list[HtmlTag], index: int, end: int) -> bool:
        """Whether table *index*, which ends at *end*, is in a wikitext list item: its
        line is a list line, or a line the list item reaches (an HTML table in it keeps
        it open to the end of the line where the table ends), or a wikitext table on a
        list line holds it; an HTML list item in between is not a wikitext one. Tables
        are asked in source order."""
        tag = tags[index]
        chain = ancestors(self.article, index)
        bound = next((tags[a].start for a in chain if tags[a].name in _HTML_LIST_ITEMS), -1)
        start = line_start(self.article, tag.start)
        if start != self._item[0] and self.source[start : start + 1] in _LIST_MARKS:
            self._item = (start, line_end(self.article, start))
        item_start, item_end = self._item
        if item_start <= tag.start < item_end:  # any table keeps the item open
            self._item = (item_start, max(item_end, line_end(self.article, end)))
            return item_start > bound
        outer = _holder(self.list_tables, tag.start)
        return outer is not None and outer > bound

    def breaks_line(self, start: int, end: int) -> bool:
        """Whether the rendered HTML of ``[start, end)`` holds a line break."""
        if self._newlines is None:
            self._newlines = self._rendered_newlines()
        position = bisect_left(self._newlines, start)
        return position < len(self._newlines) and self._newlines[position] < end

    def _rendered_newlines(self) -> list[int]:
        """Where the line breaks of the page's rendered HTML come from, in order: not
        those inside templates and their arguments, nor between a tag's attributes."""
        article, source = self.article, self.source
        hidden: list[Span] = [article.span(node) for node in article.nodes(Template)]
        hidden += [article.span(node) for node in article.nodes(Argument)]
        for tag in html_tags(article):
            if "\n" in source[tag.start : tag.end]:
                hidden += [
                    (match.start(), match.end())
                    for match in _QUOTED_OR_NEWLINE.finditer(source, tag.start, tag.end)
                    if match[0] == "\n"
                ]
        merged = merge(hidden)
        return [
            match.start()
            for match in _NEWLINE.finditer(source)
            if not overlaps(merged, match.start(), match.start() + 1)
        ]
