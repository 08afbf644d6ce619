"""The citation-need score of unsourced-claim: features, shipped weights, lazy loading."""

from __future__ import annotations

from helpers import fresh_python

from wikilint.analysis.citation_need import DATA, Model, model, sentence_features


def test_features_of_a_sentence() -> None:
    features = sentence_features(
        "In 1901 Smith built 300 rooms.", ["figure", "date"], " History ", 1, 3, "He left.", []
    )
    assert features[:2] == ["cue:figure", "cue:date"]
    assert {"w:####", "w:smith", "p:### rooms", "sec:history", "secw:history"} <= set(features)
    assert {"pos:mid", "end:1", "para:3-4", "next:he", "next2:he left", "len:short"} <= set(
        features
    )
    assert {"names:1", "stop:.", "end1&len:short", "end1&cue:figure"} <= set(features)


def test_a_score_is_a_logistic_sum_and_names_what_raises_it() -> None:
    scorer = Model(bias=-1.0, weights={"cue:figure": 2.0, "w:the": -0.5, "w:rooms": 0.5})
    probability, raising = scorer.score(["cue:figure", "w:the", "w:rooms", "w:unknown"])
    assert round(probability, 4) == 0.7311  # 1 / (1 + e^-1)
    assert raising == [(2.0, "cue:figure"), (0.5, "w:rooms")]


def test_the_shipped_weights_are_small_and_named() -> None:
    assert DATA.stat().st_size <= 2 * 1024 * 1024
    weights = model().weights
    assert 1000 <= len(weights) <= 5000
    assert weights["cue:figure"] > 0


def test_the_weights_are_read_only_when_the_rule_scores() -> None:
    code = (
        "import wikilint.cli.main, wikilint.rules.content.unsourced_claim\n"
        "from wikilint.analysis.citation_need import model\n"
        "print(model.cache_info().currsize)"
    )
    assert fresh_python(code).stdout == "0\n"
