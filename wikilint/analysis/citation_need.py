"""A learned citation-need score: how likely editors are to footnote a sentence.

A logistic regression over named sentence features (claim cues, words, word pairs, the
section title, the position in the paragraph, the length, capitalized names), trained by
``bench/citation_train.py`` on where editors put footnotes in well-cited articles. Its
weights ship as ``data/citation_need.json`` and are read on first use; scoring is a sum of
dictionary lookups.
"""

from __future__ import annotations

import itertools
import json
import math
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

WEIGHTS = "citation_need.json"
DATA = Path(__file__).resolve().parents[1] / "data" / WEIGHTS
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*|\d+")
_LENGTHS = ((8, "short"), (15, "medium"), (25, "long"), (40, "longer"), (math.inf, "longest"))
_COUNTS = ((2, "1"), (3, "2"), (5, "3-4"), (8, "5-7"), (math.inf, "8+"))
#: Kinds of feature that say what a sentence states (its claim cues, words, word pairs,
#: names and section), not where it stands, how long it is or what follows it.
CONTENT_KINDS = frozenset(
    {"cue", "end0&cue", "end1&cue", "end2&cue", "w", "p", "names", "sec", "secw"}
)


def sentence_features(
    text: str,
    cues: list[str],
    section: str,
    index: int,
    count: int,
    following: str,
    following_cues: list[str],
) -> list[str]:
    """The features of sentence *index* of *count* in a paragraph of section *section*,
    followed by the sentence *following* ("" for the last); *cues* and *following_cues*
    are the claim-cue kinds found in each."""
    words = _WORD.findall(text)
    lowered = [_shape(word.lower()) for word in words]
    features = [f"cue:{kind}" for kind in cues]
    features += [f"w:{word}" for word in set(lowered)]
    features += [f"p:{a} {b}" for a, b in set(itertools.pairwise(lowered))]
    section = section.strip().casefold()
    features.append(f"sec:{section}")
    features += [f"secw:{word}" for word in _WORD.findall(section)]
    features.append(f"pos:{_position(index, count)}")
    features.append(f"end:{min(count - 1 - index, 3)}")
    features.append(f"para:{next(name for limit, name in _COUNTS if count < limit)}")
    after = [_shape(word.lower()) for word in _WORD.findall(following)[:2]]
    features.append(f"next:{after[0] if after else ''}")
    features.append(f"next2:{' '.join(after)}")
    features += [f"nextcue:{kind}" for kind in following_cues]
    length = next(name for limit, name in _LENGTHS if len(words) < limit)
    features.append(f"len:{length}")
    ending = min(count - 1 - index, 2)
    features.append(f"end{ending}&len:{length}")
    features += [f"end{ending}&cue:{kind}" for kind in cues]
    features.append(f"names:{min(sum(word[:1].isupper() for word in words[1:]), 4)}")
    features.append(f"stop:{text.rstrip()[-1:]}")
    return features


def _shape(word: str) -> str:
    """Numbers by their shape: "1939" is "####"."""
    return "#" * min(len(word), 5) if word.isdigit() else word


def _position(index: int, count: int) -> str:
    if count == 1:
        return "only"
    return "first" if index == 0 else "last" if index == count - 1 else "mid"


@dataclass(frozen=True, slots=True)
class Model:
    """Weights of named features and the bias of a logistic regression."""

    bias: float
    weights: dict[str, float]

    def score(self, features: list[str]) -> tuple[float, list[tuple[float, str]]]:
        """The probability that editors footnote a sentence with these *features*, and
        the features that raise it, strongest first."""
        weights = self.weights
        raising = [(weights[f], f) for f in features if weights.get(f, 0.0) > 0.0]
        total = self.bias + sum(weights.get(f, 0.0) for f in features)
        raising.sort(reverse=True)
        return 1.0 / (1.0 + math.exp(-max(min(total, 50.0), -50.0))), raising

    def evidence(self, features: list[str]) -> float:
        """What the sentence's content adds to the log-odds of the score: above 0 when
        what it states makes a footnote likelier than its position and length alone."""
        weights = self.weights
        return sum(weights.get(f, 0.0) for f in features if f.partition(":")[0] in CONTENT_KINDS)


@cache
def model() -> Model:
    """The shipped model, read once."""
    data = json.loads(DATA.read_text(encoding="utf-8"))
    return Model(float(data["bias"]), {name: float(w) for name, w in data["weights"].items()})
