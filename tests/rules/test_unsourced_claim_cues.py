"""WL104's speed-ups never change what a cue matches.

Each cue has a full pattern and shortcuts: a key-word set, a hint, a case-folded twin and
a faster pattern for texts without its rare branches. Whoever extends a pattern must
extend its shortcuts too; these tests fail on real sentences when they drift apart.
"""

from __future__ import annotations

import pytest
from helpers import SEED, corpus_articles, fixture_articles, parsed

from wikilint.rules.content.unsourced_claim import _WORD, CUES

SOURCES = [SEED, *fixture_articles("en/*.wiki"), *corpus_articles("en/*.wiki")]


def sentences() -> list[str]:
    texts = []
    for path in SOURCES:
        for paragraph in parsed(path).paragraphs:
            text = paragraph.prose.text
            texts.append(text)
            texts.extend(text[start:end] for start, end in paragraph.sentences)
    return texts


TEXTS = sentences()
TRICKY = [
    "The LARGEST army IN THE WORLD.",
    "Some Critics Argue that it was the First.",
    "İstanbul had 15 million people in 2020.",
    "Nearly all of them, ſome said, were arrested.",
]


@pytest.mark.parametrize("cue", CUES, ids=lambda cue: cue.kind)
def test_shortcuts_agree_with_the_full_pattern(cue) -> None:
    for text in [*TEXTS, *TRICKY]:
        full = [(m.span(), m.group(), m.groupdict()) for m in cue.pattern.finditer(text)]
        lowered = text.lower() if text.isascii() else None
        words = set(_WORD.findall(lowered)) if lowered is not None else None
        fast = [(m.span(), m.group(), m.groupdict()) for m in cue.matches(text, lowered, words)]
        assert fast == full, (cue.kind, text[:120])


def test_the_sentences_exercise_every_cue() -> None:
    unmatched = [cue.kind for cue in CUES if not any(cue.pattern.search(t) for t in TEXTS)]
    assert unmatched in ([], ["living"])
