"""WL413 self-closed-tag: a tag such as ``<span/>`` written self-closing, which HTML ignores."""

from __future__ import annotations

from collections.abc import Iterator

from wikilint.analysis.html_tags import HtmlTag, html_tags
from wikilint.document.article import Article
from wikilint.linter.finding import Applicability, Edit, Finding, Fix, Severity
from wikilint.linter.rule import Rule, RuleDocs


class SelfClosedTag(Rule):
    code = "WL413"
    name = "self-closed-tag"
    severity = Severity.ERROR
    fix_safety = Applicability.UNSAFE
    linter_category = "self-closed-tag"
    summary = "A tag such as <span/> or <b/> written self-closing, which HTML reads as a start tag."
    docs = RuleDocs(
        what="An HTML tag that needs an end tag (`<span>`, `<div>`, `<b>`...) written "
        'self-closing: `<span id="x" />`. Void tags (`<br/>`, `<hr/>`) and extension tags '
        "(`<ref/>`, `<references/>`, `<nowiki/>`) are fine self-closing.",
        why="HTML5 ignores the `/`: the tag opens an element that nothing closes, so its "
        "formatting runs on until the end of the paragraph, cell or page. Parsoid's Linter "
        "files it as self-closed-tag (high priority).",
        bad='<span id="history" />History\n',
        good='<span id="history"></span>History\n',
        notes="The finding spans the tag, as Parsoid's dsr does. "
        "https://www.mediawiki.org/wiki/Help:Lint_errors/self-closed-tag",
        fix='Unsafe: the tag is closed at once (`<span id="x"></span>`), which is what an '
        "anchor meant; a `<b/>` or `<center/>` may have been meant to wrap text, or to go.",
        precision="Against Parsoid 1.39 (2026-12-01), same spans: shared corpus en + intl "
        "(202 articles) no lints, no findings; en-extra (280) 2 lints, 2 findings, 2/2 and 2/2. "
        "A `<table/>` inside `<syntaxhighlight>` is no lint once SyntaxHighlight is loaded.",
    )

    def check(self, article: Article) -> Iterator[Finding]:
        for tag in html_tags(article):
            if tag.self_closing:
                yield self.finding(
                    article,
                    tag.start,
                    tag.end,
                    f"<{tag.name}/> is not closed: HTML ignores the /",
                    fix=_fix(article, tag),
                )


def _fix(article: Article, tag: HtmlTag) -> Fix:
    """The start tag without its ``/``, closed at once."""
    body = article.source[tag.start : tag.end - 1].rstrip()[:-1].rstrip()
    closed = f"{body}></{article.source[tag.start + 1 : tag.start + 1 + len(tag.name)]}>"
    return Fix((Edit(tag.start, tag.end, closed),), Applicability.UNSAFE, "close the tag")
