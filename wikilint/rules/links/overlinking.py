"""WL503 overlinking: the same article linked more than once in a section."""

from __future__ import annotations

from collections.abc import Iterator

from mwparserfromhell.nodes import Wikilink

from wikilint.analysis.link_context import prose_nodes
from wikilint.document.article import Article
from wikilint.document.namespaces import is_category_link, is_file_link, is_interlanguage_link
from wikilint.linter.finding import Finding, Severity
from wikilint.linter.rule import Rule, RuleDocs


class Overlinking(Rule):
    code = "WL503"
    name = "overlinking"
    severity = Severity.INFO
    summary = "An article is linked again in a section that links it already."
    docs = RuleDocs(
        what="A wikilink in running text to an article already linked earlier in the same section.",
        why="Repeated links add clutter and dilute the useful ones; link a term at its first "
        "mention in a section (MOS:DUPLINK, MOS:OVERLINK).",
        bad="[[Paris]] is large. Many people visit [[Paris]] each year.\n",
        good="[[Paris]] is large.\n\n== Tourism ==\nMany people visit [[Paris]] each year. "
        "{{Infobox city|name=[[Paris]]}}\n{| class=wikitable\n| [[Paris]]\n|}\n",
        notes="Targets compare as MediaWiki resolves them: underscores are spaces and the "
        "first letter is case-insensitive; links to different sections of an article "
        "(`[[Paris#History]]`) are different targets. Only running text counts: links in "
        "infoboxes, templates, tables, lists, captions and references are left alone, as "
        "the guideline allows repeats there. Severity info: common, and a matter of style.",
        precision="20/20 findings read as correct on the shared corpus (en, en-extra, intl), "
        "2026-12-01",
    )

    def check(self, article: Article) -> Iterator[Finding]:
        first: dict[tuple[int, str], tuple[int, int]] = {}
        for node, paragraph in prose_nodes(article):
            if not isinstance(node, Wikilink):
                continue
            target = _target(str(node.title))
            if target is None:
                continue
            start, end = article.span(node)
            earlier = first.setdefault((paragraph.section, target), (start, end))
            if earlier[0] != start:
                yield self.finding(
                    article,
                    start,
                    end,
                    f"{target!r} is already linked earlier in this section",
                    related=[(*earlier, "first link")],
                )


def _target(title: str) -> str | None:
    """The page a link leads to, normalized; ``None`` for links that are not articles."""
    title = title.strip()
    if is_file_link(title) or is_category_link(title) or is_interlanguage_link(title):
        return None
    title = " ".join(title.lstrip(":").replace("_", " ").split())
    if not title or title.startswith("#"):
        return None
    return title[:1].upper() + title[1:]
