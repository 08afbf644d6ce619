"""WL202 heading-level-skip: a heading more than one level below the one before it."""

from __future__ import annotations

from collections.abc import Iterator

from wikilint.document.article import Article
from wikilint.linter.finding import Finding, Severity
from wikilint.linter.rule import Rule, RuleDocs


class HeadingLevelSkip(Rule):
    code = "WL202"
    name = "heading-level-skip"
    severity = Severity.WARNING
    summary = "A heading is more than one level below the heading before it."
    docs = RuleDocs(
        what="A heading whose level is more than one below the previous heading's, such as "
        "`====` right after `==`, or an article whose first heading is `===`.",
        why="Screen readers and the table of contents use the heading outline; a skipped "
        "level leaves a hole in it (MOS:HEADINGS, CheckWiki errors 7 and 25).",
        bad="Intro.\n\n== History ==\nText.\n\n==== Early years ====\nText.\n",
        good="Intro.\n\n== History ==\nText.\n\n=== Early years ===\nText.\n",
        notes="The article title is level 1, so the first heading is compared with level 1. "
        "An unclosed `<ref>` swallows the headings after it, as MediaWiki renders it too, so "
        "the heading after it may be reported as a skip.",
        precision="1/1 findings read as correct on the shared corpus "
        "(en, en-extra, intl), 2026-12-01",
    )

    def check(self, article: Article) -> Iterator[Finding]:
        previous = 1
        for section in article.sections[1:]:
            assert section.heading is not None
            if section.level > previous + 1:
                start, end = section.heading
                yield self.finding(
                    article,
                    start,
                    end,
                    f"level-{section.level} heading follows level {previous}; "
                    f"use level {previous + 1}",
                )
            previous = section.level
