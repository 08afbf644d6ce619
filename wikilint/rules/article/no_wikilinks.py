"""WL702 no-wikilinks: a whole article that links to no other article."""

from __future__ import annotations

from collections.abc import Iterator

from mwparserfromhell.nodes import Wikilink

from wikilint.analysis.scope import WholeArticleOptions, is_full_article
from wikilint.document.article import Article
from wikilint.document.namespaces import is_category_link, is_file_link, is_interlanguage_link
from wikilint.linter.finding import Finding, Severity
from wikilint.linter.rule import Rule, RuleDocs


class NoWikilinks(Rule):
    code = "WL702"
    name = "no-wikilinks"
    severity = Severity.WARNING
    summary = "A whole article links to no other article."
    Options = WholeArticleOptions
    docs = RuleDocs(
        what="A whole article (two headings and enough prose) without a single wikilink to "
        "another article: a dead end.",
        why="Links let readers look up the terms an article uses; a page without any is "
        "tagged {{Dead end}} (MOS:BUILD, WP:DEADEND).",
        bad="'''Pi Day''' is celebrated on 14 March. "
        + "It honours the number pi. " * 30
        + "\n\n== History ==\nThe first Pi Day was held in 1988.\n\n== See also ==\nPi.\n",
        good="'''Pi Day''' is celebrated on 14 March. "
        + "It honours the number [[pi]]. " * 30
        + "\n\n== History ==\nThe first Pi Day was held in 1988.\n\n== See also ==\nPi.\n",
        notes="Links anywhere count, infoboxes and other template parameters included; "
        "file, category and interlanguage links do not. Snippets and stubs (fewer than "
        "`min_headings` headings or `min_words` words of prose) are never checked. "
        "Words are space-separated, so Japanese or Chinese articles rarely pass the gate.",
        precision="1/1 finding read as correct on the shared corpus (en, en-extra, intl), "
        "2026-12-01",
    )

    def check(self, article: Article) -> Iterator[Finding]:
        if not is_full_article(article, self.options.min_headings, self.options.min_words):
            return
        if any(_is_article_link(str(link.title)) for link in article.nodes(Wikilink)):
            return
        yield self.finding(article, 0, 0, "article links to no other article")


def _is_article_link(title: str) -> bool:
    return not (is_file_link(title) or is_category_link(title) or is_interlanguage_link(title))
