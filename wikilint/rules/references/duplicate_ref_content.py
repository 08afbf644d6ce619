"""WL303 duplicate-ref-content: the same citation written out more than once."""

from __future__ import annotations

from collections.abc import Iterator

from wikilint.analysis.footnotes import Ref, refs
from wikilint.document.article import Article
from wikilint.linter.finding import Finding, Severity
from wikilint.linter.rule import Rule, RuleDocs


class DuplicateRefContent(Rule):
    code = "WL303"
    name = "duplicate-ref-content"
    severity = Severity.INFO
    summary = "A ref repeats the content of an earlier ref instead of reusing it by name."
    docs = RuleDocs(
        what="A `<ref>` whose content is identical (up to whitespace) to an earlier ref's, "
        "unless both carry the same name (Cite merges those).",
        why="The references list shows the citation twice; give the first a name and reuse it "
        "with `<ref name=x />` (CheckWiki error 81).",
        bad="Paris.<ref>Atlas, p. 4.</ref> Lyon.<ref>Atlas, p. 4.</ref>\n",
        good='Paris.<ref name="atlas">Atlas, p. 4.</ref> Lyon.<ref name="atlas" /> '
        "Nice.<ref>Atlas, p. 5.</ref> Metz.<ref>Ibid.</ref> Brest.<ref>Ibid.</ref>\n",
        notes="Short back-references such as `Ibid.` and `Id.` are not citations of their "
        "own and are skipped. Some Wikipedias tolerate repeated short citations "
        "(`Autor: Titel. 2012, S. 66.`), hence info severity.",
        precision="20/20 findings read as correct on the shared corpus "
        "(en, en-extra, intl), 2026-12-01",
    )

    def check(self, article: Article) -> Iterator[Finding]:
        first: dict[tuple[str, str], Ref] = {}
        for ref in refs(article):
            content = ref.normalized_content
            if not content or _is_back_reference(content):
                continue
            earlier = first.setdefault((ref.group, content), ref)
            if earlier is ref or (ref.name is not None and ref.name == earlier.name):
                continue
            yield self.finding(
                article,
                *ref.span,
                "same content as an earlier ref: name that one and reuse it here",
                related=[(*earlier.span, "first written here")],
            )


def _is_back_reference(content: str) -> bool:
    return content.rstrip(".,; ").casefold() in {"ibid", "id", "op. cit", "loc. cit", "ibidem"}
