"""WL501 bare-url: a URL written out in running text."""

from __future__ import annotations

from collections.abc import Iterator

from mwparserfromhell.nodes import ExternalLink

from wikilint.analysis.link_context import prose_nodes
from wikilint.document.article import Article
from wikilint.linter.finding import Finding, Severity
from wikilint.linter.rule import Rule, RuleDocs


class BareUrl(Rule):
    code = "WL501"
    name = "bare-url"
    severity = Severity.WARNING
    summary = "A URL stands bare in running text."
    docs = RuleDocs(
        what="A URL typed into running text without brackets, such as "
        "`see http://example.org for more`.",
        why="A raw URL reads badly, breaks the line on narrow screens and rots without a "
        "trace of what it pointed to; cite the source in a reference instead "
        "(WP:BAREURLS, MOS:LINKS).",
        bad="The club publishes results at http://example.org/results every week.\n",
        good="The club publishes its results every week.<ref>http://example.org/results</ref>\n"
        "{{cite web |url=http://example.org |title=Results}}\n"
        "* http://example.org/list-item\n",
        notes="Only prose lines are checked: URLs in references, templates, tables and "
        "lists are left to the reference rules.",
        precision="5/5 findings read as correct on the shared corpus (en, en-extra, intl), "
        "2026-12-01",
    )

    def check(self, article: Article) -> Iterator[Finding]:
        for node, _ in prose_nodes(article):
            if isinstance(node, ExternalLink) and not node.brackets:
                start, end = article.span(node)
                yield self.finding(article, start, end, "bare URL in running text")
