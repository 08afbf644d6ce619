"""WL701 no-categories: a whole article in no category."""

from __future__ import annotations

from collections.abc import Iterator

from mwparserfromhell.nodes import Wikilink

from wikilint.analysis.scope import WholeArticleOptions, is_full_article
from wikilint.document.article import Article
from wikilint.document.names import named_templates
from wikilint.document.namespaces import category_languages, is_category_link
from wikilint.linter.finding import Finding, Severity
from wikilint.linter.rule import Rule, RuleDocs


class NoCategories(Rule):
    code = "WL701"
    name = "no-categories"
    severity = Severity.WARNING
    summary = "A whole article belongs to no category."
    Options = WholeArticleOptions
    #: Wikis whose category namespace names wikilint knows (see wikilint.document.namespaces).
    languages = category_languages()
    docs = RuleDocs(
        what="A whole article (two headings and enough prose) with no `[[Category:...]]` link "
        "and no stub template, which would add one.",
        why="Uncategorized articles are hard to find and to maintain; every article "
        "should be in at least one category (WP:CAT, the {{Uncategorized}} cleanup tag).",
        bad="'''Pi Day''' is celebrated on 14 March. "
        + "It honours the number pi. " * 30
        + "\n\n== History ==\nThe first Pi Day was held in 1988.\n\n== See also ==\nPi.\n",
        good="'''Pi Day''' is celebrated on 14 March. "
        + "It honours the number pi. " * 30
        + "\n\n== History ==\nThe first Pi Day was held in 1988.\n\n"
        "[[Category:March observances]]\n",
        notes="Snippets and stubs (fewer than `min_headings` headings or `min_words` words "
        "of prose) are never checked. Categories added by templates other than stub templates are "
        "invisible in the wikitext, so an article whose only categories come from, say, "
        "an infobox is reported. "
        "Words are space-separated, so Japanese or Chinese articles rarely pass the gate.",
        precision="3/3 findings read as correct on the shared corpus (en, en-extra, intl), "
        "2026-12-01",
    )

    def check(self, article: Article) -> Iterator[Finding]:
        if not is_full_article(article, self.options.min_headings, self.options.min_words):
            return
        links = list(article.nodes(Wikilink))
        if any(is_category_link(str(link.title)) for link in reversed(links)):  # at the end
            return
        if any(name.endswith("stub") for name, _ in named_templates(article)):
            return
        end = len(article.source.rstrip())
        yield self.finding(article, end, end, "article has no categories")
