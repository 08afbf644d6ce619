"""WL704 long-sentence: a sentence too long to follow."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated

from wikilint.analysis.scope import (
    SPACED_LANGUAGES,
    count_words,
    is_one_line,
    paragraph_words,
)
from wikilint.document.article import Article
from wikilint.linter.finding import Finding, Severity
from wikilint.linter.rule import Doc, Range, Rule, RuleDocs


@dataclass(frozen=True)
class Options:
    max_words: Annotated[
        int, Range(1, 1_000_000), Doc("Sentences with more words are reported.")
    ] = 60


class LongSentence(Rule):
    code = "WL704"
    name = "long-sentence"
    severity = Severity.INFO
    summary = "A sentence has more words than `max_words`."
    Options = Options
    #: Spaced languages whose sentences the splitter finds reliably: not Hindi or Marathi
    #: (a `.` before a caseless letter does not end a sentence for the splitter yet).
    languages = SPACED_LANGUAGES - {"hi", "mr"}
    docs = RuleDocs(
        what="A sentence of running prose with more than `max_words` words.",
        why="Readers lose the thread of very long sentences; splitting them makes text "
        "clearer for everyone and for readers of a second language above all "
        "(MOS:PLAIN, WP:Writing better articles).",
        bad="Pi Day" + ", and the number pi" * 20 + " is celebrated.\n",
        good="Pi Day is celebrated on 14 March. " * 10 + "\n",
        notes="Sentences come from wikilint's sentence splitter on the prose view, so "
        "references, templates and markup neither count nor split sentences. Words are "
        "space-separated, so text written without spaces (Japanese, Chinese) counts few "
        "words and is rarely reported. Severity info.",
        precision="19/20 findings read as correct on the shared corpus (en, en-extra, intl), "
        "2026-12-01",
    )

    def check(self, article: Article) -> Iterator[Finding]:
        limit = self.options.max_words
        counts = paragraph_words(article)
        for paragraph in article.paragraphs:
            if counts[paragraph.index] <= limit:
                continue  # no sentence has more words than its paragraph
            if not is_one_line(article, paragraph):
                continue
            text = paragraph.prose.text
            for start, end in paragraph.sentences:
                if end - start < 2 * limit:
                    continue  # words are separated: too short to hold more
                words = count_words(text[start:end])
                if words > limit:
                    yield self.finding(
                        article,
                        *paragraph.prose.span(start, end),
                        f"sentence of {words} words (more than {limit}); consider splitting it",
                    )
