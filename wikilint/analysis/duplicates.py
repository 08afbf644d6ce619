"""Repeated paragraphs, found without comparing every pair.

Paragraphs are normalised (case folded, whitespace collapsed), indexed by word
shingles, and only pairs that share enough shingles are scored with rapidfuzz. A
shingle found in many paragraphs is boilerplate and stops being indexed, so the work
per paragraph is bounded and the whole pass stays linear in the article's length.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from wikilint.analysis.parallel_text import ParallelText
from wikilint.document.article import Article, Paragraph
from wikilint.document.memo import per_article
from wikilint.document.sentences import WORD
from wikilint.document.spans import Span

#: Words per shingle: long enough to be rare, short enough to survive small edits.
SHINGLE = 4
#: Paragraphs a shingle may index before it counts as boilerplate.
MAX_POSTINGS = 16
#: Earlier paragraphs scored per paragraph, best blocking candidates first.
MAX_CANDIDATES = 8
#: Share of the shorter paragraph's shingles a candidate pair must have in common.
MIN_SHARED = 0.25
#: A near repeat may replace one word in this many by an unrelated word.
WORDS_PER_CHANGE = 20
#: Below this ``fuzz.ratio`` a replaced word is unrelated, not a respelling.
RELATED_WORD = 60
#: Sentence-ending punctuation: a line without any is a verse, caption or lead-in.
_SENTENCE_END = re.compile(r"[.!?…\u3002\uff01\uff1f\u0964\u0965\u0589\u061f\u06d4]")
#: Punctuation a partial alignment may pick up before the repeated text starts.
_LEADING_JUNK = frozenset(".,;:!?\u0589\u3002")
#: Closing quotes and brackets that may follow the end of a sentence.
_CLOSERS = "\"'\u201d\u2019\u00bb)] "


class Kind(StrEnum):
    """How a later paragraph repeats an earlier one."""

    EXACT = "exact"
    NEAR = "near"
    CONTAINS = "contains"
    """The later paragraph repeats the whole earlier one and goes on."""
    CONTAINED = "contained"
    """The later paragraph repeats a part of the earlier one."""


@dataclass(frozen=True, slots=True)
class Normalized:
    """Lower-cased prose with whitespace runs collapsed, mapped back to the prose."""

    prose: str
    text: str

    def prose_span(self, start: int, end: int) -> Span:
        """Prose span of the normalised characters ``[start, end)``."""
        origin = _origin(self.prose)
        return origin[start], origin[end - 1] + 1


@dataclass(frozen=True, slots=True)
class Match:
    """A later paragraph repeating an earlier one; spans are in prose coordinates."""

    kind: Kind
    later: Paragraph
    earlier: Paragraph
    later_span: Span
    earlier_span: Span
    score: float


def normalize(text: str) -> Normalized:
    return Normalized(text, " ".join(text.lower().split()))


def _origin(text: str) -> list[int]:
    """Prose index of each character of the normalised *text* (only needed for a match)."""
    origin: list[int] = []
    pending_space = False
    for index, char in enumerate(text):
        if char.isspace():
            pending_space = bool(origin)
            continue
        if pending_space:
            origin.append(index - 1)
            pending_space = False
        origin.extend([index] * len(char.lower()))
    return origin


def _comparable_words(text: str, min_words: int, min_chars: int) -> list[str] | None:
    """The words of a paragraph that is running prose long enough to count as a repeat.

    Short lines are boilerplate ("See also"); lines that end no sentence are verses,
    captions or lead-ins to a list ("It is written as follows:") and repeat legitimately.
    The cheap tests come first: most lines fail them before their words are split.
    """
    if len(text) < min_chars or _SENTENCE_END.search(text) is None:
        return None
    words = WORD.findall(text)
    return words if len(words) >= min_words else None


def ends_sentence(text: str) -> bool:
    """Whether text ends with sentence-ending punctuation, perhaps inside quotes."""
    return _SENTENCE_END.match(text.rstrip(_CLOSERS)[-1:]) is not None


def duplicate_paragraphs(
    paragraphs: Sequence[Paragraph], *, threshold: float, min_words: int, min_chars: int
) -> list[Match]:
    """Each paragraph that repeats an earlier one, matched with its first copy.

    Exact repeats are found by hashing; near repeats (``fuzz.ratio``) and containment
    in either direction (``fuzz.partial_ratio``) need a score of at least *threshold*.
    """
    matches: list[Match] = []
    first_copy: dict[str, Paragraph] = {}
    index = _ShingleIndex()
    for paragraph in paragraphs:
        norm = normalize(paragraph.prose.text)
        words = _comparable_words(norm.text, min_words, min_chars)
        if words is None:
            continue
        first = first_copy.setdefault(norm.text, paragraph)
        if first is not paragraph:
            whole = _whole(paragraph)
            matches.append(Match(Kind.EXACT, paragraph, first, whole, _whole(first), 100))
            continue
        shingles = _shingles(words)
        for earlier, earlier_norm in index.candidates(shingles):
            match = _compare(earlier, earlier_norm, paragraph, norm, threshold)
            if match is not None:
                matches.append(match)
                break
        index.add(paragraph, norm, shingles)
    return matches


@per_article
def article_duplicates(
    article: Article, threshold: float, min_words: int, min_chars: int
) -> list[Match]:
    """:func:`duplicate_paragraphs` of the article's paragraphs, shared by WL101 and WL102,
    without the repeats that :class:`ParallelText` finds deliberate."""
    parallel = parallel_text(article)
    matches = duplicate_paragraphs(
        parallel.paragraphs, threshold=threshold, min_words=min_words, min_chars=min_chars
    )
    repeats = {(match.earlier.index, match.later.index) for match in matches}
    return [
        match
        for match in matches
        if not parallel.different_formulas(
            match.earlier, match.earlier_span, match.later, match.later_span
        )
        and not parallel.mirrored(match.earlier, match.later, repeats)
        and not parallel.one_placed_sentence(match.later, match.later_span)
    ]


@per_article
def parallel_text(article: Article) -> ParallelText:
    """The article's :class:`ParallelText`, shared by WL101 and WL102."""
    return ParallelText(article)


class _ShingleIndex:
    """Earlier paragraphs by the shingles they contain.

    A shingle's posting is the number of the one paragraph holding it, or a list once
    several do: most shingles occur once, so adding a paragraph is mostly set algebra
    done in C, and only shingles seen before cost Python work.
    """

    def __init__(self) -> None:
        self._postings: dict[str, int | list[int]] = {}
        self._entries: dict[int, tuple[Paragraph, Normalized, int]] = {}

    def add(self, paragraph: Paragraph, norm: Normalized, shingles: set[str]) -> None:
        number = paragraph.index
        self._entries[number] = (paragraph, norm, len(shingles))
        postings = self._postings
        for shingle in postings.keys() & shingles:
            posting = postings[shingle]
            if isinstance(posting, int):
                postings[shingle] = [posting, number]
            elif len(posting) < MAX_POSTINGS:
                posting.append(number)
        postings.update(dict.fromkeys(shingles.difference(postings), number))

    def candidates(self, shingles: set[str]) -> list[tuple[Paragraph, Normalized]]:
        """Paragraphs sharing enough shingles, most shared first (earlier first among
        equals), at most MAX_CANDIDATES."""
        postings = self._postings
        shared: Counter[int] = Counter()
        for shingle in postings.keys() & shingles:
            posting = postings[shingle]
            if isinstance(posting, int):
                shared[posting] += 1
            else:
                shared.update(posting)
        found: list[tuple[Paragraph, Normalized]] = []
        for index, count in sorted(shared.items(), key=lambda item: (-item[1], item[0])):
            paragraph, norm, total = self._entries[index]
            if count >= MIN_SHARED * min(len(shingles), total):
                found.append((paragraph, norm))
                if len(found) == MAX_CANDIDATES:
                    break
        return found


def _compare(
    earlier: Paragraph, first: Normalized, later: Paragraph, second: Normalized, threshold: float
) -> Match | None:
    from rapidfuzz import fuzz  # imported once a pair shares enough shingles

    score = fuzz.ratio(first.text, second.text, score_cutoff=threshold)
    if score:
        if not restates(first.text, second.text):
            return None
        return Match(Kind.NEAR, later, earlier, _whole(later), _whole(earlier), score)
    shorter, longer = (first, second) if len(first.text) <= len(second.text) else (second, first)
    aligned = fuzz.partial_ratio_alignment(shorter.text, longer.text, score_cutoff=threshold)
    if aligned is None:
        return None
    start, end = _trim(longer.text, aligned.dest_start, aligned.dest_end)
    if start == end or not restates(shorter.text, longer.text[start:end]):
        return None
    if shorter is first:
        later_span = second.prose_span(start, end)
        return Match(Kind.CONTAINS, later, earlier, later_span, _whole(earlier), aligned.score)
    earlier_span = first.prose_span(start, end)
    return Match(Kind.CONTAINED, later, earlier, _whole(later), earlier_span, aligned.score)


def restates(first: str, second: str) -> bool:
    """Whether two similar texts say the same thing, not parallel things.

    "Pioneer 6 is in a shorter orbit" and "Pioneer 7 is in a longer orbit" differ in
    few characters but state different facts: a replaced number, or more than one word
    in ``WORDS_PER_CHANGE`` replaced by an unrelated word, makes them parallel.
    """
    from rapidfuzz import fuzz
    from rapidfuzz.distance import Levenshtein

    old_words, new_words = WORD.findall(first), WORD.findall(second)
    unrelated = 0
    for op in Levenshtein.opcodes(old_words, new_words):
        if op.tag != "replace":
            continue
        pairs = zip(
            old_words[op.src_start : op.src_end],
            new_words[op.dest_start : op.dest_end],
            strict=False,
        )
        for old, new in pairs:
            if any(char.isdigit() for char in old + new):
                return False
            unrelated += fuzz.ratio(old, new) < RELATED_WORD
    return unrelated * WORDS_PER_CHANGE <= min(len(old_words), len(new_words))


def _trim(text: str, start: int, end: int) -> Span:
    """Narrow an alignment to whole words, without leading punctuation or spaces."""
    while 0 < start < end and text[start - 1].isalnum() and text[start].isalnum():
        start += 1
    while start < end and (text[start].isspace() or text[start] in _LEADING_JUNK):
        start += 1
    while start < end < len(text) and text[end - 1].isalnum() and text[end].isalnum():
        end -= 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _whole(paragraph: Paragraph) -> Span:
    return 0, len(paragraph.prose.text)


def _shingles(words: list[str]) -> set[str]:
    """Runs of SHINGLE words (all words when fewer), joined by spaces."""
    size = min(SHINGLE, len(words))
    return set(map(" ".join, zip(*(words[start:] for start in range(size)), strict=False)))
