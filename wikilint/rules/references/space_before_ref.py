"""WL305 space-before-ref: whitespace between text and its footnote marker."""

from __future__ import annotations

from collections.abc import Iterator

from wikilint.analysis.footnotes import markers
from wikilint.document.article import Article
from wikilint.linter.finding import Applicability, Edit, Finding, Fix, Severity
from wikilint.linter.rule import Rule, RuleDocs

#: Characters after which whitespace is markup (table cells, parameters, list items).
_MARKUP = frozenset("|!=*#:;\n")


class SpaceBeforeRef(Rule):
    code = "WL305"
    name = "space-before-ref"
    severity = Severity.WARNING
    fix_safety = Applicability.SAFE
    summary = "Spaces separate a footnote marker from the text it follows."
    docs = RuleDocs(
        what="Spaces before a `<ref>`, `{{sfn}}`, `{{r}}` or `{{efn}}` marker: `text. <ref>`.",
        why="The footnote number is set apart from what it supports and can wrap onto the next "
        "line on its own (MOS:REFSPACE, CheckWiki error 61's sibling).",
        bad="Paris is the capital. <ref>Atlas, p. 4.</ref>\n",
        good="Paris is the capital.<ref>Atlas, p. 4.</ref> Lyon.<ref>A</ref><ref>B</ref>\n"
        "{| class=wikitable\n| <ref>C</ref>\n|}\n* <ref>D</ref>\n",
        notes="Whitespace after table or template syntax (`|`, `!`, `=`) or at the start of "
        "a line is markup and is left alone.",
        fix="Safe: the fix deletes only the spaces before the marker, which render as a gap "
        "before the footnote number and nothing else. It is not offered when a word follows "
        "the marker directly (`word <ref/>word`), where the space is the only one between the "
        "two words.",
        precision="20/20 findings read as correct on the shared corpus "
        "(en, en-extra, intl), 2026-12-01",
    )

    def check(self, article: Article) -> Iterator[Finding]:
        source = article.source
        for start, end in markers(article):
            space = start
            while space and source[space - 1] in " \t":
                space -= 1
            if space == start or not space or source[space - 1] in _MARKUP:
                continue
            line_start = source.rfind("\n", 0, space) + 1
            if not source[line_start:space].strip("*#:; "):
                continue  # only list markup before it
            fix = None
            if end == len(source) or not source[end].isalnum():
                fix = Fix((Edit(space, start, ""),), Applicability.SAFE, "remove the space")
            yield self.finding(article, space, start, "space before a footnote marker", fix=fix)
