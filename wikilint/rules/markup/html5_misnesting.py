"""WL418 html5-misnesting: an inline tag like <span> that HTML5 ends at a paragraph break."""

from __future__ import annotations

from collections.abc import Iterator

from wikilint.analysis.html_tags import html5_misnested
from wikilint.document.article import Article
from wikilint.linter.finding import Finding, Severity
from wikilint.linter.rule import Rule, RuleDocs


class Html5Misnesting(Rule):
    code = "WL418"
    name = "html5-misnesting"
    severity = Severity.ERROR
    linter_category = "html5-misnesting"
    summary = "A <span>, <sup> or like tag cut short by a paragraph break or an outer end tag."
    docs = RuleDocs(
        what="A `<span>`, `<sup>`, `<sub>`, `<abbr>`, `<del>`, `<ins>`, `<cite>`... (the 22 "
        "inline tags HTML5 does not reopen) whose element ends before its end tag: at a "
        "paragraph break, a list item, a table, or the end tag of an element opened around "
        "it, with text after that point.",
        why="The old Tidy cleaner carried such an element on into the next paragraph, HTML5 "
        "does not: since MediaWiki replaced Tidy the text after the break lost its styling "
        "(a `<span style=...>` spanning paragraphs). Parsoid's Linter files it as "
        "html5-misnesting (high priority); the stray end tag is a stripped-tag (WL410).",
        bad='<span style="color:red">First paragraph.\n\nSecond paragraph.</span>\n',
        good='<span style="color:red">First paragraph.</span>\n\n'
        '<span style="color:red">Second paragraph.</span>\n',
        notes="The finding spans the start tag (the first `open width` characters of Parsoid's "
        "dsr). Inside `<div>` and other block tags paragraphs do not cut it; an element "
        "whose first element is a closed one of its name is left out, as Parsoid leaves it. "
        "Nor do the paragraphs of a table cell's later lines cut an element of its first "
        "line: it runs to the cell's end (WL403 missing-end-tag), unless a formatting "
        "element around it is cut (`| <small><span>a` newline `b</span></small>`). "
        "https://www.mediawiki.org/wiki/Help:Lint_errors/html5-misnesting",
        precision="Against Parsoid 1.39 (2026-12-01), same spans: shared corpus en + intl "
        "(202 articles) no lints, no findings; en-extra (280) 1 lint, 1 finding, 1/1 and 1/1.",
    )

    def check(self, article: Article) -> Iterator[Finding]:
        for tag in html5_misnested(article):
            message = f"<{tag.name}> ends at a break before its </{tag.name}>"
            yield self.finding(article, tag.start, tag.end, message)
