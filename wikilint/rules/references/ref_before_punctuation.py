"""WL306 ref-before-punctuation: ``text<ref/>.`` instead of ``text.<ref/>``."""

from __future__ import annotations

import re
from collections.abc import Iterator

from wikilint.analysis.footnotes import marker_chains
from wikilint.document.article import Article
from wikilint.linter.finding import Applicability, Edit, Finding, Fix, Severity
from wikilint.linter.rule import Rule, RuleDocs

#: Punctuation that goes before the marker (MOS:REFPUNCT); dashes and brackets do not.
_PUNCTUATION = re.compile(r"[.,;:!?]+")
_ALREADY = frozenset(".,;:!? \t\n|=")


class RefBeforePunctuation(Rule):
    code = "WL306"
    name = "ref-before-punctuation"
    severity = Severity.WARNING
    fix_safety = Applicability.SAFE
    summary = "A footnote marker stands before the punctuation that follows it."
    languages = frozenset({"en"})
    docs = RuleDocs(
        what="A footnote marker (`<ref>`, `{{sfn}}`, `{{efn}}`..., or a run of them) directly "
        "followed by `.`, `,`, `;`, `:`, `!` or `?`.",
        why="English Wikipedia places footnote markers after adjacent punctuation, except "
        "dashes and closing brackets (MOS:REFPUNCT; CheckWiki error 61).",
        bad="Paris is the capital<ref>Atlas, p. 4.</ref>.\n",
        good="Paris is the capital.<ref>Atlas, p. 4.</ref> Lyon (a city<ref>B</ref>) is "
        "large<ref>C</ref> - and old.\n",
        notes="English only: other Wikipedias differ (Japanese puts the marker before the "
        "full stop; German before it when the source covers one word). Not reported when "
        "punctuation already precedes the marker, for an ellipsis, for table syntax `!!`, "
        "on definition-list lines (`;` and `:` are markup there) or before a number "
        "(`<ref/>.5`).",
        fix="Safe: the fix moves the punctuation before the first marker of the run; no "
        "character is added or lost, and the footnote still follows the words it supports.",
        precision="12/12 findings read as correct on the shared corpus "
        "(en, en-extra, intl), 2026-12-01",
    )

    def check(self, article: Article) -> Iterator[Finding]:
        source = article.source
        for start, end in marker_chains(article):
            match = _PUNCTUATION.match(source, end)
            if match is None or not start or source[start - 1] in _ALREADY:
                continue
            marks = match[0]
            after = source[match.end() : match.end() + 1]
            if ".." in marks or "!!" in marks or after.isalnum():
                continue
            line_start = source.rfind("\n", 0, start) + 1
            if source[line_start : line_start + 1] in (";", ":") and set(marks) & {":", ";"}:
                continue
            fix = Fix(
                (Edit(start, start, marks), Edit(match.start(), match.end(), "")),
                Applicability.SAFE,
                f"move {marks!r} before the footnote",
            )
            yield self.finding(
                article,
                start,
                match.end(),
                f"footnote marker before {marks!r}: put the punctuation first",
                fix=fix,
            )
