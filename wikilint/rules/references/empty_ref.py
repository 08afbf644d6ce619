"""WL304 empty-ref: a ``<ref>`` with nothing in it."""

from __future__ import annotations

from collections.abc import Iterator

from wikilint.analysis.footnotes import refs
from wikilint.document.article import Article
from wikilint.linter.finding import Finding, Severity
from wikilint.linter.rule import Rule, RuleDocs


class EmptyRef(Rule):
    code = "WL304"
    name = "empty-ref"
    severity = Severity.ERROR
    summary = "A ref has neither a name nor content."
    docs = RuleDocs(
        what="`<ref></ref>`, `<ref> </ref>` or `<ref />`: a ref with no content and no name.",
        why='MediaWiki shows a Cite error ("ref tags must have content") in place of the '
        "footnote; the citation was lost or never written.",
        bad="Paris is the capital.<ref></ref>\n",
        good="Paris is the capital.<ref>Atlas, p. 4.</ref> Again.<ref name=a>X</ref>"
        "<ref name=a></ref><ref name=a />\n",
        notes="A named ref without content (`<ref name=x></ref>`) is a reuse, as in Cite; "
        "undefined-named-ref reports it when x is never defined.",
        precision="0/0: no findings on the shared corpus (en, en-extra, intl), 2026-12-01; "
        "its cases pin what it finds",
    )

    def check(self, article: Article) -> Iterator[Finding]:
        for ref in refs(article):
            if ref.name is None and not ref.normalized_content:
                yield self.finding(article, *ref.span, "ref has no content: add the citation")
