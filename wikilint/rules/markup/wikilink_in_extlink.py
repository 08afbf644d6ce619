"""WL411 wikilink-in-extlink: a wikilink inside the text of an external link."""

from __future__ import annotations

from collections.abc import Iterator

from mwparserfromhell.nodes import ExternalLink, Wikilink

from wikilint.analysis.html_tags import in_foreign
from wikilint.document.article import Article
from wikilint.document.namespaces import is_category_link, is_file_link, is_interlanguage_link
from wikilint.linter.finding import Applicability, Edit, Finding, Fix, Severity
from wikilint.linter.rule import Rule, RuleDocs


class WikilinkInExtlink(Rule):
    code = "WL411"
    name = "wikilink-in-extlink"
    severity = Severity.WARNING
    fix_safety = Applicability.UNSAFE
    linter_category = "wikilink-in-extlink"
    summary = "A wikilink inside the text of an external link, which splits it in two."
    docs = RuleDocs(
        what="An external link `[https://... text]` whose text holds a wikilink (`[[Foo]]`) "
        "or an embedded file: a link inside a link.",
        why="HTML does not nest links: the browser ends the external link where the wikilink "
        "starts, so the text after it is not linked, or the whole link falls apart. "
        "Parsoid's Linter files it as wikilink-in-extlink (medium priority).",
        bad='[https://example.com/review "Review" by [[Jane Doe]]]\n',
        good='[https://example.com/review "Review"] by [[Jane Doe]]\n',
        notes="The finding spans the external link from `[` to `]`, as Parsoid's dsr does. "
        "Category and interlanguage links inside the text render nothing there and are not "
        "reported; links in templates are not the page's own markup. "
        "https://www.mediawiki.org/wiki/Help:Lint_errors/wikilink-in-extlink",
        fix="Unsafe: each wikilink is replaced by its text, so the external link stays whole; "
        "moving the wikilink out of the link instead may suit the sentence better. Links "
        "holding a file are left to the editor.",
        precision="Against Parsoid 1.39 (2026-12-01), same spans: shared corpus en + intl "
        "(202 articles) 4 lints, 4 findings, recall and precision 4/4; en-extra (280) 1/1 "
        "and 1/1. Not counted: 9 lints of the test wiki alone, where a template such as "
        "`{{mvar|e}}` in a link's text does not exist and renders as a red link.",
    )

    def check(self, article: Article) -> Iterator[Finding]:
        for link in article.nodes(ExternalLink):
            if not link.brackets or link.title is None:
                continue
            start, end = article.span(link)
            inner = [node for node in link.title.filter_wikilinks() if _renders_a_link(node)]
            if inner and not in_foreign(article, start, end):
                yield self.finding(
                    article,
                    start,
                    end,
                    "wikilink inside an external link",
                    fix=_fix(article, inner),
                )


def _renders_a_link(link: Wikilink) -> bool:
    title = str(link.title).strip()
    return title.startswith(":") or not (is_category_link(title) or is_interlanguage_link(title))


def _fix(article: Article, links: list[Wikilink]) -> Fix | None:
    """Each wikilink replaced by the text it shows."""
    if any(is_file_link(str(link.title).lstrip(":")) for link in links):
        return None
    edits = tuple(
        Edit(*article.span(link), str(link.text if link.text is not None else link.title))
        for link in links
    )
    return Fix(edits, Applicability.UNSAFE, "unlink the wikilink")
