"""WL703 long-paragraph: a paragraph too long to read comfortably."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import groupby
from typing import Annotated

from wikilint.analysis.scope import SPACED_LANGUAGES, is_one_line, paragraph_words
from wikilint.document.article import Article
from wikilint.linter.finding import Finding, Severity
from wikilint.linter.rule import Doc, Range, Rule, RuleDocs


@dataclass(frozen=True)
class Options:
    max_words: Annotated[
        int, Range(1, 1_000_000), Doc("Paragraphs with more words of prose are reported.")
    ] = 250


class LongParagraph(Rule):
    code = "WL703"
    name = "long-paragraph"
    severity = Severity.INFO
    summary = "A paragraph has more words than `max_words`."
    Options = Options
    languages = SPACED_LANGUAGES
    docs = RuleDocs(
        what="A rendered paragraph with more than `max_words` words of prose (references, "
        "templates and markup do not count).",
        why="Walls of text are hard to read, above all on phones; a long paragraph "
        "usually holds more than one idea and splits naturally (MOS:PARAGRAPHS).",
        bad="Pi Day honours the number pi. " * 60 + "\n",
        good="Pi Day honours the number pi. " * 20 + "\n\n" + "It is held in March. " * 20 + "\n",
        notes="Consecutive prose lines that render as one paragraph count together. Words "
        "are space-separated, so text written without spaces (Japanese, Chinese) counts "
        "few words and is rarely reported.",
        precision="19/20 findings read as correct on the shared corpus (en, en-extra, intl), "
        "2026-12-01",
    )

    def check(self, article: Article) -> Iterator[Finding]:
        limit = self.options.max_words
        counts = paragraph_words(article)
        for _, lines in groupby(article.paragraphs, key=lambda paragraph: paragraph.block):
            block = [line for line in lines if is_one_line(article, line)]
            words = sum(counts[line.index] for line in block)
            if words > limit:
                yield self.finding(
                    article,
                    block[0].start,
                    block[-1].end,
                    f"paragraph of {words} words (more than {limit}); consider splitting it",
                )
