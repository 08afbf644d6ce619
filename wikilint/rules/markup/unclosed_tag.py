"""WL403 unclosed-tag: an HTML tag such as ``<div>`` without its end tag."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from wikilint.analysis.html_tags import html5_misnested_starts, html_tags
from wikilint.analysis.raw_markup import UnclosedRule, is_closed
from wikilint.document.article import Article
from wikilint.linter.finding import Finding
from wikilint.linter.rule import RuleDocs

#: Tags that need an end tag (void and optional-end tags such as <br>, <p>, <li> do not).
PAIRED_TAGS = (
    "div", "span", "small", "big", "sup", "sub", "center", "font", "b", "i", "u", "s",
    "strike", "del", "ins", "em", "strong", "code", "tt", "kbd", "samp", "var", "abbr",
    "cite", "q", "blockquote", "table", "caption", "poem", "mark",
)  # fmt: skip


class UnclosedTag(UnclosedRule):
    code = "WL403"
    name = "unclosed-tag"
    linter_category = "missing-end-tag"
    summary = "An HTML tag that needs an end tag has none."
    opener = re.compile(rf"<(?:{'|'.join(PAIRED_TAGS)})(?=[\s>])[^<>]*>?", re.IGNORECASE)
    marker = "<"
    message = "{opener} is never closed"
    docs = RuleDocs(
        what="An opening HTML tag such as `<div>`, `<span>`, `<small>` or `<center>` with no "
        "matching end tag. Tags whose end is optional (`<p>`, `<li>`, `<td>`) and void tags "
        "(`<br>`, `<hr>`) are not reported, nor a tag that a paragraph break cuts short "
        "(WL418 html5-misnesting). Parsoid also files a `<p>` left open; WL403 does not, "
        "since HTML makes its end optional. An inline tag on a table cell's first line "
        "whose end tag is on a later line of the cell is never closed either: the cell's "
        "later lines are paragraphs inside it, which drop its end tag "
        "(`| <span>a` newline `b</span>`).",
        why="The browser extends the formatting over the rest of the page, or MediaWiki shows "
        "the tag literally (Linter: missing-end-tag; CheckWiki errors 33-42).",
        bad='<div style="float:right">Box\n\nText <small>fine print.\n',
        good='<div style="float:right">Box</div>\n\nText <small>fine print.</small><br>\n',
        precision="Against Parsoid 1.39 (2026-12-01), same spans: 37 of 45 findings on the "
        "shared corpus (en, intl, en-extra) are Parsoid's missing-end-tag lints; the other 8 "
        "are inside a template's arguments, which the test wiki (no templates) never parses.",
    )

    def check(self, article: Article) -> Iterator[Finding]:
        reported = set()
        for finding in super().check(article):
            reported.add(finding.location.offset)
            yield finding
        for tag in html_tags(article):
            # its end tag falls in a paragraph of a later line of its cell
            if tag.to_cell_end and tag.start not in reported:
                opener = article.source[tag.start : tag.end]
                yield self.finding(article, tag.start, tag.end, f"{opener} is never closed")

    def is_opener(self, article: Article, start: int, end: int) -> bool:
        name = _NAME.match(article.source, start + 1)
        assert name is not None  # the opener matched a tag name
        if is_closed(article, end, _pair(name[0].casefold())):
            return False
        return start not in html5_misnested_starts(article)  # WL418's


_NAME = re.compile(r"[a-z]+", re.IGNORECASE)


@cache
def _pair(name: str) -> re.Pattern[str]:
    """Opening (not self-closing) and closing tags named *name*."""
    return re.compile(rf"<{name}(?=[\s>])[^<>]*(?<!/)>|(?P<close></{name}\s*>)", re.IGNORECASE)
