"""WL502 external-link-in-body: a bracketed external link in the article's prose."""

from __future__ import annotations

import re
from collections.abc import Iterator

from mwparserfromhell.nodes import ExternalLink

from wikilint.analysis.link_context import external_link_sections, prose_nodes
from wikilint.document.article import Article
from wikilint.linter.finding import Finding, Severity
from wikilint.linter.rule import Rule, RuleDocs

#: The label of a line that only names a source (`Source: [url title]` under a table or a
#: chart): up to three words and a colon, Armenian `՝` or `` ` `` included.
_SOURCE_LABEL = re.compile(r"(?:\w+[ \t]+){0,2}\w+[ \t]*[:：՝`]")
#: Tags and bold or italic marks around such a label (`<small>Source: [url]</small>`).
_FORMATTING = re.compile(r"<[^<>\n]*>|'{2,}")
#: How far a source line's label and its closing punctuation may reach from the link.
_LABEL_REACH = 80


class ExternalLinkInBody(Rule):
    code = "WL502"
    name = "external-link-in-body"
    severity = Severity.INFO
    summary = "An external link stands in the running text of the article's body."
    docs = RuleDocs(
        what="A bracketed external link (`[http://example.org Example]`) in running text, "
        "outside references and outside an External links or Further reading section.",
        why="Links in the body send readers off the encyclopedia mid-sentence and look like "
        "internal links; sources belong in references and other sites in External links "
        "(WP:EL, 'Links in the body of an article').",
        bad="The band released a [http://example.org free single] in 2001.\n",
        good="The band released a free single in 2001.<ref>[http://example.org Single]</ref>\n"
        "Source: [http://example.org/data Statistics office]\n\n"
        "== External links ==\n[http://example.org Official website]\n",
        notes="Links in references, templates, tables, lists and captions are not running "
        "text. A line that only names a source, a label of up to three words and a colon "
        "followed by the link (`Source: [url title]` under a table or a chart), is left "
        "alone. Severity info.",
        precision="18/20 findings read as correct on the shared corpus (en, en-extra, intl), "
        "2026-12-01",
    )

    def check(self, article: Article) -> Iterator[Finding]:
        for node, paragraph in prose_nodes(article):
            if not (isinstance(node, ExternalLink) and node.brackets):
                continue
            if article.sections[paragraph.section].title.casefold() in external_link_sections():
                continue
            start, end = article.span(node)
            if _is_source_line(article.source, start, end):
                continue
            yield self.finding(article, start, end, "external link in the article body")


def _is_source_line(source: str, start: int, end: int) -> bool:
    """Whether the link at ``start:end`` is all its line says after a short label such as
    `Source:`; only a bounded stretch around the link is read."""
    reach_start = max(0, start - _LABEL_REACH)
    line_start = source.rfind("\n", reach_start, start) + 1
    if not line_start and reach_start:
        return False  # the line starts farther back: more than a label
    line_end = source.find("\n", end, end + _LABEL_REACH)
    if line_end < 0:
        line_end = end + _LABEL_REACH
        if line_end < len(source):
            return False  # the line goes on: more than punctuation
    label = _FORMATTING.sub("", source[line_start:start]).strip()
    rest = _FORMATTING.sub("", source[end:line_end])
    return bool(_SOURCE_LABEL.fullmatch(label)) and not any(c.isalnum() for c in rest)
