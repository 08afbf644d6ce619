"""WL206 duplicate-heading: two sibling sections with the same title."""

from __future__ import annotations

from collections.abc import Iterator

from mwparserfromhell.nodes import Heading

from wikilint.document.article import Article
from wikilint.linter.finding import Finding, Severity
from wikilint.linter.rule import Rule, RuleDocs


class DuplicateHeading(Rule):
    code = "WL206"
    name = "duplicate-heading"
    severity = Severity.WARNING
    summary = "A section has the same title as an earlier sibling section."
    docs = RuleDocs(
        what="A section whose title repeats an earlier section's title at the same level "
        "under the same parent section.",
        why="Links to `#Title` always reach the first of the two, and readers of the table of "
        "contents cannot tell them apart; usually the two sections should be merged "
        "(MOS:HEADINGS, CheckWiki error 92).",
        bad="Intro.\n\n== History ==\nOld.\n\n== Reception ==\nGood.\n\n== History ==\nNew.\n",
        good="Intro.\n\n== 2019 ==\n=== Results ===\nA.\n\n== 2020 ==\n=== Results ===\nB.\n",
        notes="Titles compare by their visible text with spaces collapsed, case-sensitively as "
        "section anchors do (`D` and `d` are different sections). "
        "The same title under different parents (`=== Results ===` under each season) is "
        "a normal pattern and is not flagged.",
        precision="1/1 findings read as correct on the shared corpus "
        "(en, en-extra, intl), 2026-12-01",
    )

    def check(self, article: Article) -> Iterator[Finding]:
        headings = list(article.nodes(Heading, recursive=False))
        sections = article.sections[1:]
        seen: dict[tuple[int, int, str], tuple[int, int]] = {}
        parents: list[tuple[int, int]] = [(0, 0)]  # (level, section index) from root down
        for section, heading in zip(sections, headings, strict=True):
            while parents[-1][0] >= section.level:
                parents.pop()
            parent = parents[-1][1]
            parents.append((section.level, section.index))
            title = " ".join(article.prose_of(heading.title.nodes).text.split())
            if not title:
                continue
            assert section.heading is not None
            key = (parent, section.level, title)
            first = seen.setdefault(key, section.heading)
            if first != section.heading:
                start, end = section.heading
                yield self.finding(
                    article,
                    start,
                    end,
                    f"duplicate section title {section.title!r} under the same parent",
                    related=[(*first, "first section with this title")],
                )
