"""WL203 level-one-heading: a `= Title =` heading inside an article."""

from __future__ import annotations

from collections.abc import Iterator

from wikilint.document.article import Article
from wikilint.linter.finding import Finding, Severity
from wikilint.linter.rule import Rule, RuleDocs


class LevelOneHeading(Rule):
    code = "WL203"
    name = "level-one-heading"
    severity = Severity.WARNING
    summary = "A section heading is at level 1, the level of the article title."
    docs = RuleDocs(
        what="A level-1 heading (`= Title =`) in the article text.",
        why="Level 1 is reserved for the page title; a level-1 section breaks the outline "
        "and renders as large as the title (MOS:HEADINGS, CheckWiki error 19).",
        bad="Intro.\n\n= History =\nText.\n",
        good="Intro.\n\n== History ==\nText.\n",
        notes="Unbalanced headings such as `== x =` are left to malformed-heading.",
        precision="0/0: no findings on the shared corpus (en, en-extra, intl), 2026-12-01; "
        "its cases pin what it finds",
    )

    def check(self, article: Article) -> Iterator[Finding]:
        for section in article.sections[1:]:
            if section.level != 1 or section.heading is None:
                continue
            if section.title.startswith("=") or section.title.endswith("="):
                continue  # unbalanced '=': malformed-heading explains it
            start, end = section.heading
            yield self.finding(article, start, end, "level-1 heading in an article; use `==`")
