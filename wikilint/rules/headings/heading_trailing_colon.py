"""WL205 heading-trailing-colon: a section heading that ends with a colon."""

from __future__ import annotations

from collections.abc import Iterator

from mwparserfromhell.nodes import Heading

from wikilint.document.article import Article
from wikilint.linter.finding import Applicability, Edit, Finding, Fix, Severity
from wikilint.linter.rule import Rule, RuleDocs

#: The ASCII colon and the full-width colon of Chinese and Japanese text.
_COLONS = (":", "\uff1a")


class HeadingTrailingColon(Rule):
    code = "WL205"
    name = "heading-trailing-colon"
    severity = Severity.WARNING
    fix_safety = Applicability.SAFE
    summary = "A section heading ends with a colon."
    docs = RuleDocs(
        what="A section heading whose title ends with `:`.",
        why="A heading introduces a section, not a list; the colon is noise in the table of "
        "contents and in section links (MOS:HEADINGS, CheckWiki error 57).",
        bad="Intro.\n\n== Works: ==\n* One\n",
        good="Intro.\n\n== Works ==\n* One\n\nThe list: one, two.\n",
        notes="Only the last visible character counts: a colon inside the title "
        "(`== Star Wars: Episode I ==`) is fine.",
        fix="Safe: the fix deletes the one colon at the end of the title and changes no word. "
        "The section's anchor loses the colon, so a link written with it needs the same edit.",
        precision="1/1 findings read as correct on the shared corpus "
        "(en, en-extra, intl), 2026-12-01",
    )

    def check(self, article: Article) -> Iterator[Finding]:
        for heading in article.nodes(Heading, recursive=False):
            title = str(heading.title)
            trimmed = title.rstrip()
            if not trimmed.endswith(_COLONS):
                continue
            start = article.span(heading.title)[0] + len(trimmed) - 1
            fix = Fix((Edit(start, start + 1, ""),), Applicability.SAFE, "delete the colon")
            yield self.finding(article, start, start + 1, "heading ends with a colon", fix=fix)
