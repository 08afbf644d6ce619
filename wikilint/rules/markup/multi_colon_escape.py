"""WL420 multi-colon-escape: a wikilink whose target starts with two colons, ``[[::Foo]]``."""

from __future__ import annotations

from collections.abc import Iterator

from mwparserfromhell.nodes import Wikilink

from wikilint.analysis.html_tags import in_foreign
from wikilint.document.article import Article
from wikilint.linter.finding import Applicability, Edit, Finding, Fix, Severity
from wikilint.linter.rule import Rule, RuleDocs


class MultiColonEscape(Rule):
    code = "WL420"
    name = "multi-colon-escape"
    severity = Severity.WARNING
    fix_safety = Applicability.SAFE
    linter_category = "multi-colon-escape"
    summary = "A wikilink escaped with two colons, as in [[::Foo]], which links nowhere."
    docs = RuleDocs(
        what="A wikilink whose target, after any leading spaces, starts with two colons or "
        "more: `[[::Foo]]`, `[[::Category:X|x]]`.",
        why="One colon escapes a link (`[[:Category:X]]` links to the category instead of "
        "adding the page to it); a second makes the target invalid, so MediaWiki shows the "
        "brackets as text and links nothing. Parsoid's Linter files it as multi-colon-escape "
        "(medium priority).",
        bad="See [[::Category:Rivers|the rivers]].\n",
        good="See [[:Category:Rivers|the rivers]].\n",
        notes="The finding spans the whole link, as Parsoid's dsr does. A space between the "
        "colons (`[[: :Foo]]`) is not this error. Links in templates, comments and "
        "`<nowiki>` are not the page's own markup and are left out (Parsoid 1.39 files "
        "them at the transclusion). "
        "https://www.mediawiki.org/wiki/Help:Lint_errors/multi-colon-escape",
        fix="Safe: the extra colons are deleted, leaving the one escape colon.",
        precision="No finding on the shared corpus (2026-12-01); 16/16 generated cases match "
        "Parsoid.",
    )

    def check(self, article: Article) -> Iterator[Finding]:
        for link in article.nodes(Wikilink):
            target = str(link.title)
            colons = len(target.lstrip()) - len(target.lstrip().lstrip(":"))
            if colons < 2:
                continue
            start, end = article.span(link)
            if in_foreign(article, start, end):
                continue
            first = start + 2 + len(target) - len(target.lstrip())
            fix = Fix((Edit(first + 1, first + colons, ""),), Applicability.SAFE, "keep one colon")
            message = f"link to {target.strip()} starts with {colons} colons; one escapes it"
            yield self.finding(article, start, end, message, fix=fix)
