"""When a match does not count because of where it stands: in a skipped section (a plot
summary), in a sentence that a citation ends or sits in, or in a sense that the words
around it give away (``unless``: "brilliant" before "red" is a colour, not praise)."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from wikilint.analysis.citations import cited_sentences
from wikilint.document.article import Article, Paragraph
from wikilint.packs import patterns
from wikilint.packs.schema import RuleSpec

#: How far a word before or after a match is looked for: the work per match is bounded.
_WINDOW = 80
_LAST_WORD = re.compile(r"(\w+)\s+$")
_FIRST_WORD = re.compile(r"\s+(\w+)")
_UNLESS_KEYS = frozenset({"match", "previous", "next", "sentence"})


@dataclass(frozen=True)
class Unless:
    """A sense of a matched word or phrase that is not reported: every condition given
    holds (the word before it, the word after it, a pattern found in its sentence)."""

    match: str
    previous: frozenset[str] | None
    next: frozenset[str] | None
    sentence: patterns.Pattern | None


class Context:
    """The keys ``skip_sections``, ``skip_cited_sentences`` and ``unless`` of an entry."""

    keys = frozenset({"skip_sections", "skip_cited_sentences", "unless"})

    def __init__(self, spec: RuleSpec) -> None:
        self.sections = spec.strings("skip_sections")
        self.skip_cited = spec.option("skip_cited_sentences", bool, False)
        self.unless: dict[str, list[Unless]] = {}
        for entry in spec.option("unless", list, []):
            unless = _parse_unless(spec, entry)
            self.unless.setdefault(unless.match, []).append(unless)

    def skipped_sections(self, article: Article) -> set[int]:
        """Indexes of the sections (sub-sections included) whose prose is not read."""
        return article.sections_titled(self.sections) if self.sections else set()

    def judge(self, article: Article, paragraph: Paragraph) -> Judge | None:
        """What decides on the matches of one paragraph, or ``None`` when all count."""
        if not self.skip_cited and not self.unless:
            return None
        return Judge(self, article, paragraph)


class Judge:
    """Whether a match in one paragraph counts; sentence-level answers are worked out on
    the first match that needs them, and kept."""

    def __init__(self, context: Context, article: Article, paragraph: Paragraph) -> None:
        self.context = context
        self.paragraph = paragraph
        self.article = article
        self.text = paragraph.prose.text
        self.found_in_sentence: dict[tuple[int, int], bool] = {}

    @cached_property
    def sentence_starts(self) -> list[int]:
        return [start for start, _ in self.paragraph.sentences]

    @cached_property
    def cited(self) -> list[bool]:
        return cited_sentences(self.article, self.paragraph)

    def counts(self, start: int, end: int) -> bool:
        sentence = max(bisect_right(self.sentence_starts, start) - 1, 0)
        if self.context.skip_cited and self.cited[sentence]:
            return False
        key = " ".join(self.text[start:end].split()).casefold()
        return not any(
            self._holds(unless, sentence, start, end) for unless in self.context.unless.get(key, ())
        )

    def _holds(self, unless: Unless, sentence: int, start: int, end: int) -> bool:
        if unless.previous is not None and _word_before(self.text, start) not in unless.previous:
            return False
        if unless.next is not None and _word_after(self.text, end) not in unless.next:
            return False
        return unless.sentence is None or self._in_sentence(unless.sentence, sentence)

    def _in_sentence(self, pattern: patterns.Pattern, sentence: int) -> bool:
        key = (id(pattern), sentence)
        if key not in self.found_in_sentence:
            start, end = self.paragraph.sentences[sentence]
            self.found_in_sentence[key] = pattern.search(self.text[start:end]) is not None
        return self.found_in_sentence[key]


def _word_before(text: str, start: int) -> str:
    """The word right before *start*, separated by spaces only; ``""`` if there is none."""
    found = _LAST_WORD.search(text[max(0, start - _WINDOW) : start])
    return found.group(1).casefold() if found else ""


def _word_after(text: str, end: int) -> str:
    """The word right after *end*, separated by spaces only; ``""`` if there is none."""
    found = _FIRST_WORD.match(text, end, end + _WINDOW)
    return found.group(1).casefold() if found else ""


def _parse_unless(spec: RuleSpec, entry: Any) -> Unless:
    if not isinstance(entry, dict):
        raise spec.error("each 'unless' item must be a table such as { match = ..., next = [...] }")
    unknown = sorted(set(entry) - _UNLESS_KEYS)
    if unknown:
        raise spec.error(f"unknown key {unknown[0]!r} in 'unless'")
    match = entry.get("match")
    if not isinstance(match, str) or not match.strip():
        raise spec.error("each 'unless' item needs a 'match' (the word or phrase it qualifies)")
    if not set(entry) & {"previous", "next", "sentence"}:
        raise spec.error(f"'unless' for {match!r} needs 'previous', 'next' or 'sentence'")
    sentence = entry.get("sentence")
    if sentence is not None and not isinstance(sentence, str):
        raise spec.error(f"'unless' for {match!r}: 'sentence' must be a pattern (a string)")
    return Unless(
        match=" ".join(match.split()).casefold(),
        previous=_words(spec, entry, "previous"),
        next=_words(spec, entry, "next"),
        sentence=None
        if sentence is None
        else patterns.compile_pattern(sentence, ignorecase=spec.ignorecase, where=spec.where),
    )


def _words(spec: RuleSpec, entry: dict[str, Any], key: str) -> frozenset[str] | None:
    if key not in entry:
        return None
    values = entry[key]
    if not isinstance(values, list) or not all(isinstance(value, str) for value in values):
        raise spec.error(f"'unless' {key!r} must be a list of words")
    return frozenset(value.casefold() for value in values)
