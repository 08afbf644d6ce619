"""Deliberately parallel text: repeats that are written on purpose, not pasted by accident.

Mathematical and technical articles repeat text by design: the same sentence about two
different formulas, a "where ..." clause defining a symbol again after each formula,
and sections or worked examples that mirror each other paragraph by paragraph. A
copy-paste accident repeats one block; these signals tell the two apart.
"""

from __future__ import annotations

import re

from wikilint.document.article import Article, Paragraph
from wikilint.document.sentences import WORD, split_sentences
from wikilint.document.spans import Span

#: Formula markup, whose contents the prose view drops: ``<math>``, ``<chem>``, and
#: the ``{{math}}``, ``{{mvar}}`` and ``{{tmath}}`` templates.
_FORMULA = re.compile(
    r"<(math|chem)\b[^>]*>(?P<tag>.*?)</\1\s*>"
    r"|\{\{\s*(?:math|mvar|tmath|var)\s*\|(?P<template>(?:[^{}]|\{\{[^{}]*\}\})*)\}\}",
    re.IGNORECASE | re.DOTALL,
)
#: A source line that shows a formula on its own: indented, or closing a ``<math>``.
_DISPLAY_FORMULA = re.compile(r"^\s*:|</math\s*>\W*$", re.IGNORECASE)
#: English words that tie a sentence to its place: it opens by pointing back at what
#: precedes it ("This amplitude function ...", "Then step one ..."), or it points at
#: the page around it ("shown below", "Figure 4"). Said in two places, it says two things.
_POINTS_BACK = frozenset({"this", "these", "those", "then", "hence", "thus", "therefore"})
_POINTS_AROUND = frozenset({"below", "above", "figure", "fig"})
#: Paragraphs either side of a repeat searched for parallel ones.
WINDOW = 3
#: Lowest ``fuzz.ratio`` of two paragraphs written to the same pattern.
PARALLEL = 70
#: Fewest words a paragraph needs to count as evidence of a parallel pattern.
MIN_WORDS = 8


def formulas(wikitext: str) -> list[str]:
    """The formulas of a stretch of wikitext, whitespace removed, in order."""
    found = (match.group("tag") or match.group("template") for match in _FORMULA.finditer(wikitext))
    return ["".join((formula or "").split()) for formula in found]


def tied_to_its_place(sentence: str) -> bool:
    """Whether a sentence points back at what precedes it or at the page around it."""
    words = WORD.findall(sentence.lower())
    return bool(words) and (words[0] in _POINTS_BACK or not _POINTS_AROUND.isdisjoint(words))


def source_text(source: str, paragraph: Paragraph, span: Span) -> str:
    """Wikitext of a prose span of *paragraph*: its whole line when it covers all prose."""
    if span == (0, len(paragraph.prose.text)):
        return source[paragraph.start : paragraph.end]
    return source[slice(*paragraph.prose.span(*span))]


def continues_formula(article: Article, paragraph: Paragraph) -> bool:
    """Whether the line finishes a sentence that a display formula interrupted.

    Such a line ("where ''M'' is the total mass.") starts in lower case right after
    the formula: it belongs to the formula, and is repeated with each formula by design.
    """
    text = paragraph.prose.text.lstrip()
    if not text[:1].islower():
        return False
    source = article.source
    end = paragraph.start
    while end and source[end - 1].isspace():  # back over the blank lines between, no copy
        end -= 1
    previous = source[source.rfind("\n", 0, end) + 1 : end]
    return _DISPLAY_FORMULA.search(previous) is not None


class ParallelText:
    """The article's paragraphs, asked whether a repeat between two of them is by design."""

    def __init__(self, article: Article) -> None:
        self._source = article.source  # the text, not the article: memoised, no cycle
        self._paragraphs = [p for p in article.paragraphs if not continues_formula(article, p)]
        self._position = {p.index: number for number, p in enumerate(self._paragraphs)}

    @property
    def paragraphs(self) -> list[Paragraph]:
        """Paragraphs that are compared: lines that continue a formula are left out."""
        return self._paragraphs

    def compared(self, paragraph: Paragraph) -> bool:
        return paragraph.index in self._position

    def different_formulas(
        self, earlier: Paragraph, earlier_span: Span, later: Paragraph, later_span: Span
    ) -> bool:
        """Whether the two repeated stretches say the same words about other formulas."""
        source = self._source
        return formulas(source_text(source, earlier, earlier_span)) != formulas(
            source_text(source, later, later_span)
        )

    def one_placed_sentence(self, paragraph: Paragraph, span: Span) -> bool:
        """Whether a repeated stretch is one sentence tied to its place (see above)."""
        text = paragraph.prose.text[slice(*span)]
        return len(split_sentences(text)) == 1 and tied_to_its_place(text)

    def mirrored(self, earlier: Paragraph, later: Paragraph, repeats: set[tuple[int, int]]) -> bool:
        """Whether the text around the two copies is parallel too, but not repeated.

        Two mirrored sections or worked examples restate their set-up word for word and
        differ in the formulas, tables and results around it: the paragraphs at the same
        distance (up to WINDOW) before or after each copy are written to the same pattern
        (``fuzz.ratio`` at least PARALLEL) but are not a repeat. A pasted block repeats
        its neighbours too, or nothing around it.
        """
        from rapidfuzz import fuzz  # imported once there is a repeat

        first, second = self._position[earlier.index], self._position[later.index]
        for step in (*range(-WINDOW, 0), *range(1, WINDOW + 1)):
            before, after = self._at(first + step), self._at(second + step)
            if before is None or after is None or before is earlier or after is later:
                continue
            if before.index >= after.index or (before.index, after.index) in repeats:
                continue
            if fuzz.ratio(_folded(before), _folded(after), score_cutoff=PARALLEL):
                return True
        return False

    def _at(self, number: int) -> Paragraph | None:
        """The compared paragraph at *number*, if long enough to show a pattern."""
        if not 0 <= number < len(self._paragraphs):
            return None
        paragraph = self._paragraphs[number]
        return paragraph if len(paragraph.prose.text.split()) >= MIN_WORDS else None


def _folded(paragraph: Paragraph) -> str:
    return " ".join(paragraph.prose.text.lower().split())
