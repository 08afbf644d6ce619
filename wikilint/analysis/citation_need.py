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
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

WEIGHTS = "citation_need.json"
DATA = Path(__file__).resolve().parents[1] / "data" / WEIGHTS
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*|\d+")
#: ``_WORD`` for ASCII text, where it finds the same words faster.
_ASCII_WORD = re.compile(r"[A-Za-z]+(?:['-][A-Za-z]+)*|[0-9]+", re.ASCII)
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
    words = (_ASCII_WORD if text.isascii() else _WORD).findall(text)
    lowered = [
        "#" * min(len(word), 5) if word.isdigit() else word for word in map(str.lower, words)
    ]
    features = [f"cue:{kind}" for kind in cues]
    features += ["w:" + word for word in set(lowered)]
    features += [f"p:{a} {b}" for a, b in set(itertools.pairwise(lowered))]
    features += _section_features(section)
    features += _place_features(index, count)
    features += _opening_features(following)
    features += ["nextcue:" + kind for kind in following_cues]
    length = next(name for limit, name in _LENGTHS if len(words) < limit)
    ending = min(count - 1 - index, 2)
    features += [f"len:{length}", f"end{ending}&len:{length}"]
    features += [f"end{ending}&cue:{kind}" for kind in cues]
    names = sum(1 for word in itertools.islice(words, 1, None) if word[0].isupper())
    features += [f"names:{min(names, 4)}", "stop:" + text.rstrip()[-1:]]
    return features


@lru_cache(maxsize=256)
def _section_features(section: str) -> tuple[str, ...]:
    """The features of a section title, the same for each of its sentences."""
    section = section.strip().casefold()
    return (f"sec:{section}", *(f"secw:{word}" for word in _WORD.findall(section)))


@lru_cache(maxsize=1024)
def _place_features(index: int, count: int) -> tuple[str, ...]:
    """The features of sentence *index* of *count* in its paragraph."""
    return (
        f"pos:{_position(index, count)}",
        f"end:{min(count - 1 - index, 3)}",
        f"para:{next(name for limit, name in _COUNTS if count < limit)}",
    )


def _opening_features(following: str) -> tuple[str, str]:
    """The first word and the first two words of the next sentence."""
    opening = itertools.islice(_WORD.finditer(following), 2)
    after = [_shape(match.group().lower()) for match in opening]
    return f"next:{after[0] if after else ''}", f"next2:{' '.join(after)}"


def _shape(word: str) -> str:
    """Numbers by their shape: "1939" is "####"."""
    return "#" * min(len(word), 5) if word.isdigit() else word


def _position(index: int, count: int) -> str:
    if count == 1:
        return "only"
    return "first" if index == 0 else "last" if index == count - 1 else "mid"


#: A feature's weight with its name: ``(0.8, "cue:figure")``.
Weighed = tuple[float, str]


@dataclass(frozen=True, slots=True)
class Model:
    """Weights of named features and the bias of a logistic regression."""

    bias: float
    weights: dict[str, float]
    content: frozenset[str] = field(init=False, repr=False, compare=False)
    """The weighted features of the kinds in ``CONTENT_KINDS``."""

    def __post_init__(self) -> None:
        content = {f for f in self.weights if f.partition(":")[0] in CONTENT_KINDS}
        object.__setattr__(self, "content", frozenset(content))

    def weigh(self, features: list[str]) -> tuple[float, list[Weighed]]:
        """The probability that editors footnote a sentence with these *features*, and
        the weighted ones among them, in their order: one dictionary lookup a feature."""
        weights = self.weights
        weighed = [(weight, f) for f in features if (weight := weights.get(f)) is not None]
        total = self.bias + sum(weight for weight, _ in weighed)
        return 1.0 / (1.0 + math.exp(-max(min(total, 50.0), -50.0))), weighed

    def score(self, features: list[str]) -> tuple[float, list[Weighed]]:
        """The probability that editors footnote a sentence with these *features*, and
        the features that raise it, strongest first."""
        probability, weighed = self.weigh(features)
        return probability, raising(weighed)

    def evidence(self, features: list[str]) -> float:
        """What the sentence's content adds to the log-odds of the score: above 0 when
        what it states makes a footnote likelier than its position and length alone."""
        return self.evidence_of(self.weigh(features)[1])

    def evidence_of(self, weighed: list[Weighed]) -> float:
        """:meth:`evidence` from the weighted features that :meth:`weigh` found."""
        content = self.content
        return sum(weight for weight, feature in weighed if feature in content)


def raising(weighed: list[Weighed]) -> list[Weighed]:
    """Of *weighed*, the features that raise a score, strongest first."""
    return sorted(((weight, f) for weight, f in weighed if weight > 0.0), reverse=True)


@cache
def model() -> Model:
    """The shipped model, read once."""
    data = json.loads(DATA.read_text(encoding="utf-8"))
    return Model(float(data["bias"]), {name: float(w) for name, w in data["weights"].items()})
