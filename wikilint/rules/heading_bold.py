"""WL204 bold-heading: bold markup inside a section heading."""

from __future__ import annotations

from collections.abc import Iterator

from mwparserfromhell.nodes import Heading, Tag

from wikilint.article import Article
from wikilint.finding import Applicability, Edit, Finding, Fix, Severity
from wikilint.rule import Rule, RuleDocs

_BOLD_TAGS = frozenset({"b", "strong"})


class BoldHeading(Rule):
    code = "WL204"
    name = "bold-heading"
    severity = Severity.WARNING
    summary = "Headings are bold already; no ''' inside them"
    docs = RuleDocs(
        what="Bold markup (`'''`, `<b>`, `<strong>`) inside a section heading.",
        why="Headings are styled by the skin; extra bold adds nothing visible on most skins "
        "and makes the heading render inconsistently (MOS:HEADINGS, CheckWiki error 44).",
        bad="Intro.\n\n== '''History''' ==\nText.\n",
        good="Intro.\n\n== History ==\nText with '''bold''' words.\n",
        notes="The fix removes the bold markers and keeps the words (safe). "
        "Measured on the shared corpus (202 articles, en and 11 other languages): 1 "
        "finding (a Bengali heading in `'''`), correct: precision 1/1.",
    )

    def check(self, article: Article) -> Iterator[Finding]:
        for heading in article.nodes(Heading, recursive=False):
            for tag in heading.title.filter_tags(recursive=True):
                if not _is_bold(tag):
                    continue
                start, end = article.span(tag)
                contents = "" if tag.self_closing else str(tag.contents)
                fix = Fix((Edit(start, end, contents),), Applicability.SAFE, "remove the bold")
                yield self.finding(article, start, end, "bold markup in a heading", fix=fix)


def _is_bold(tag: Tag) -> bool:
    if tag.wiki_markup is not None:
        return tag.wiki_markup == "'''"
    return str(tag.tag).strip().lower() in _BOLD_TAGS
