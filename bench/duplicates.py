"""Time duplicate-paragraph and duplicate-sentence on long generated articles.

Usage: python bench/duplicates.py [PARAGRAPHS ...]   (default: 500 1000 2000)

Each article has PARAGRAPHS lines of generated prose drawn from a Zipf-like vocabulary
(so common phrases recur as in real text) with exact, near and contained copies planted
every 50 paragraphs. Time per paragraph that stays flat as the article grows shows the
matching is not quadratic.
"""

from __future__ import annotations

import random
import sys
import time

from wikilint.document.article import Article
from wikilint.rules.content.duplicate_paragraph import DuplicateParagraph
from wikilint.rules.content.duplicate_sentence import DuplicateSentence

REPEATS = 3
_SYLLABLES = tuple("kalomiresutanevoripadagabesolufimokenazu"[i : i + 2] for i in range(0, 40, 2))
_COMMON = ["the", "of", "and", "in", "to", "a", "was", "is", "for", "on", "that", "by", "with"]


def _vocabulary(rng: random.Random, size: int = 3000) -> list[str]:
    return ["".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(1, 4))) for _ in range(size)]


def _sentence(rng: random.Random, words: list[str], weights: list[float]) -> str:
    body = rng.choices(words, weights, k=rng.randint(8, 24))
    return " ".join(body).capitalize() + "."


def article(paragraphs: int, seed: int = 1) -> tuple[str, int]:
    """Wikitext of *paragraphs* prose lines and the number of planted copies."""
    rng = random.Random(seed)
    words = _COMMON + _vocabulary(rng)
    weights = [1 / (rank + 1) for rank in range(len(words))]
    lines: list[str] = []
    planted = 0
    for number in range(paragraphs):
        if number % 50 == 49:
            original = lines[rng.randrange(len(lines) - 1)]
            if not original.startswith("=="):
                planted += 1
                kind = planted % 3
                if kind == 0:
                    lines.append(original)
                elif kind == 1:
                    lines.append(original.replace(" ", "  ", 1).replace(".", "!", 1))
                else:
                    lines.append(original + " " + _sentence(rng, words, weights))
                continue
        if number % 40 == 0:
            lines.append(f"== Section {number // 40} ==")
        text = " ".join(_sentence(rng, words, weights) for _ in range(rng.randint(2, 6)))
        lines.append(f"{text}<ref>Source {number}.</ref>")
    return "\n".join(lines) + "\n", planted


def main(sizes: list[int]) -> None:
    rules = [DuplicateParagraph(), DuplicateSentence()]
    print(f"{'paragraphs':>10} {'planted':>8} {'found':>6} {'cpu s':>8} {'ms/paragraph':>13}")
    for size in sizes:
        source, planted = article(size)
        elapsed = float("inf")
        for _ in range(REPEATS):  # best CPU time of a few runs: the machine may be shared
            parsed = Article(source)  # fresh: rules share work through the article's memo
            count = len(parsed.paragraphs)  # parse and split before timing the rules
            start = time.process_time()
            found = [finding for rule in rules for finding in rule.check(parsed)]
            elapsed = min(elapsed, time.process_time() - start)
        paragraphs = sum(finding.code == "WL101" for finding in found)
        per_paragraph = elapsed / count * 1e3
        print(f"{count:>10} {planted:>8} {paragraphs:>6} {elapsed:>8.3f} {per_paragraph:>13.3f}")


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or [500, 1000, 2000])
