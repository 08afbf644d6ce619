"""WL603 space-before-punctuation: a space before a comma, full stop and the like."""

from __future__ import annotations

import re
from collections.abc import Iterator

from wikilint.analysis.quotations import quoted_spans
from wikilint.document.article import Article
from wikilint.document.spans import overlaps
from wikilint.linter.finding import Applicability, Edit, Finding, Fix, Severity
from wikilint.linter.rule import Rule, RuleDocs

# A letter, spaces, then punctuation that is not an ellipsis, a decimal (" .45") or a
# domain (" .com"): it is followed by a space or the end.
_SPACE_BEFORE = re.compile(r"(?<=[^\W\d_])( +)([,;.?])(?=\s|$)")
#: What every match of ``_SPACE_BEFORE`` holds; found faster (it starts with a literal).
_CANDIDATE = re.compile(r" [,;.?]")


class SpaceBeforePunctuation(Rule):
    code = "WL603"
    name = "space-before-punctuation"
    severity = Severity.WARNING
    fix_safety = Applicability.SAFE
    summary = "A space stands before a comma, semicolon, full stop or question mark."
    docs = RuleDocs(
        what="Spaces between a word and the punctuation mark that follows it: `Paris , France`.",
        why="English sets punctuation directly after the word; a space there can also break "
        "the line before the mark.",
        bad="The city lies on the Seine , in northern France .\n",
        good="The city lies on the Seine, in northern France.\n"
        "The score was 3 : 1 and the gun a .45 Colt ... and so on.\n"
        'He wrote "a word , then another".\n',
        notes="English only: French and other languages put a space before `;:!?`. Colons "
        "and exclamation marks are left alone (`f : A → B`, French titles, table headers), "
        "and so are quotations, ellipses, decimals, spaces left by markup "
        "(`word {{cn}}.`) and text shown as typed (`<nowiki>`, `<kbd>`, `<samp>`, `<tt>`, "
        "`<var>`).",
        fix="Safe: only the spaces before the mark are deleted; the words and the "
        "punctuation stay, and a space left by markup (`word {{cn}} .`) is never fixed.",
        precision="20/20 findings read as correct on the shared corpus (en, en-extra, intl), "
        "2026-12-01",
    )
    languages = frozenset({"en"})

    def check(self, article: Article) -> Iterator[Finding]:
        for paragraph in article.paragraphs:
            text = paragraph.prose.text
            if not _CANDIDATE.search(text):
                continue
            quotes: list[tuple[int, int]] | None = None
            for match in _SPACE_BEFORE.finditer(text):
                if overlaps(paragraph.prose.literal, *match.span()):
                    continue  # <nowiki>, <kbd>...: typed as shown
                start, end = paragraph.prose.span(*match.span())
                if article.source[start:end] != match.group():
                    continue
                if quotes is None:
                    quotes = quoted_spans(text)
                if overlaps(quotes, *match.span()):
                    continue
                space_end = start + len(match.group(1))
                fix = Fix((Edit(start, space_end, ""),), Applicability.SAFE, "delete the space")
                message = f"space before “{match.group(2)}”"
                yield self.finding(article, start, end, message, fix=fix)
