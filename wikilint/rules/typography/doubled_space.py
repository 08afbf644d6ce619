"""WL602 doubled-space: two or more spaces between words of prose."""

from __future__ import annotations

import re
from collections.abc import Iterator

from wikilint.document.article import Article
from wikilint.document.spans import overlaps
from wikilint.linter.finding import Applicability, Edit, Finding, Fix, Severity
from wikilint.linter.rule import Rule, RuleDocs

_SPACES = re.compile(r"(?<=\S) {2,}(?=\S)")
#: Two spaces after a sentence are a typing convention, not a slip.
_SENTENCE_END = re.compile(r"[.!?।。][\"')\]”’»]*$")


class DoubledSpace(Rule):
    code = "WL602"
    name = "doubled-space"
    severity = Severity.INFO
    fix_safety = Applicability.SAFE
    summary = "Two or more spaces stand in a row between words."
    docs = RuleDocs(
        what="A run of spaces between two words of running prose.",
        why="Browsers collapse the spaces, so they only make the source harder to edit and "
        "diff; they are usually left over from deleting a word.",
        bad="The river  flows north.\n",
        good="The river flows north.\n{| class=wikitable\n| a  || b\n|}\n"
        "The river {{lang|fr|Seine}} flows north.\n",
        notes="Only spaces that are side by side in the source count: `word {{template}} "
        "word` renders two spaces but is not a doubled space. Spaces in tables, templates "
        "and preformatted lines are left alone, and so are text shown as typed (`<nowiki>`, "
        "`<kbd>`, `<samp>`, `<tt>`, `<var>`) and two spaces after a sentence (a typing "
        "convention).",
        fix="Safe: the run becomes one space, and browsers collapse the spaces anyway, so "
        "the rendered text does not change.",
        precision="20/20 findings read as correct on the shared corpus (en, en-extra, intl), "
        "2026-12-01",
    )

    def check(self, article: Article) -> Iterator[Finding]:
        for paragraph in article.paragraphs:
            text = paragraph.prose.text
            if "  " not in text:
                continue
            for match in _SPACES.finditer(text):
                if overlaps(paragraph.prose.literal, *match.span()):
                    continue  # <nowiki>, <kbd>...: typed as shown
                start, end = paragraph.prose.span(*match.span())
                if article.source[start:end] != match.group():
                    continue
                if _SENTENCE_END.search(text, max(0, match.start() - 4), match.start()):
                    continue
                fix = Fix((Edit(start, end, " "),), Applicability.SAFE, "use one space")
                yield self.finding(article, start, end, "doubled space", fix=fix)
