"""Train and evaluate the citation-need score of unsourced-claim (WL104) on editors' footnotes.

The labelled set: the body prose sentences of well-cited English articles (corpus/en,
corpus/en-extra and the English XML dumps, nothing else), featurised with their footnotes
and {{citation needed}} tags stripped; a sentence is positive when a footnote ended or sat
in it. Sentences an editor tagged {{citation needed}} are left out (they are the human test
of bench/unsourced_eval.py). Articles, never sentences, are split into train and test.
A logistic regression (scikit-learn, the ``train`` extra) is fitted on the train split, its
strongest weights are written to wikilint/data/citation_need.json, and the shipped model
(pure Python, pruned) is evaluated on the test split against today's hand-written cues:
precision, recall, base rate and lift, and a precision-recall curve as a PNG.

    pip install -e ".[train]"
    python bench/citation_train.py ../shared/corpus [--write] [--plot bench/citation_need_pr.png]
    python bench/citation_train.py ../shared/corpus --shipped   # evaluate the shipped weights

The rule never reports a sentence that holds a formula or opens one (``is_citable``): such
sentences stay in the test split, footnoted or not, with a score of 0.
"""

from __future__ import annotations

import argparse
import json
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from mwparserfromhell.nodes import Template
from scipy.sparse import csr_matrix
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score
from unsourced_eval import TAGS, TEST_SHARE, is_test

from wikilint.analysis.citation_need import WEIGHTS, Model, model
from wikilint.analysis.citations import Citations
from wikilint.document.article import Article
from wikilint.document.names import template_name
from wikilint.document.spans import Span
from wikilint.inputs.dumps import iter_pages
from wikilint.rules.content.unsourced_claim import (
    _LIVING_CATEGORY,
    UnsourcedClaim,
    is_citable,
    paragraph_claims,
)

#: Articles with fewer citations say too little about where editors put them.
MIN_CITATIONS = 10
KEPT_WEIGHTS = 5000
RULE = UnsourcedClaim()


@dataclass
class Sentence:
    article: str
    features: list[str]
    cued: bool
    positive: bool
    citable: bool


def corpus_sources(corpus: Path) -> Iterator[tuple[str, str]]:
    """``(title, wikitext)`` of each English article of the corpus, each title once."""
    seen: set[str] = set()
    paths = sorted((corpus / "en").glob("*.wiki")) + sorted((corpus / "en-extra").glob("*.wiki"))
    pages = [(p.stem, p.read_text(encoding="utf-8-sig")) for p in paths]
    for dump in sorted((corpus / "dumps").glob("enwiki-*.xml")):
        pages += [(page.title, page.text) for page in iter_pages(dump)]
    for title, text in pages:
        key = title.casefold().replace("_", " ")
        if key not in seen:
            seen.add(key)
            yield title, text


def strip_citations(source: str) -> tuple[str, list[int], list[int]] | None:
    """*source* without footnotes and citation-needed tags, and where each footnote and
    each tag was in the result; ``None`` for an article with few footnotes."""
    original = Article(source)
    citations = Citations(original).spans
    if len(citations) < MIN_CITATIONS:
        return None
    tags = [original.span(t) for t in original.nodes(Template) if template_name(t) in TAGS]
    removed: list[tuple[Span, bool]] = sorted(
        [(span, True) for span in citations] + [(span, False) for span in tags]
    )
    pieces, cited, tagged, previous, shift = [], [], [], 0, 0
    for (start, end), is_citation in removed:
        if start < previous:
            continue  # inside a span already removed
        pieces.append(source[previous:start])
        (cited if is_citation else tagged).append(start - shift)
        shift += end - start
        previous = end
    pieces.append(source[previous:])
    return "".join(pieces), cited, tagged


def labelled_sentences(title: str, source: str) -> Iterator[Sentence]:
    """The checked prose sentences of an article, featurised without footnotes."""
    stripped = strip_citations(source)
    if stripped is None:
        return
    text, cited, tagged = stripped
    article = Article(text, title, "en")
    skipped = RULE._skipped_sections(article)
    living = bool(_LIVING_CATEGORY.search(text))
    for paragraph in article.paragraphs:
        if paragraph.section in skipped:
            continue
        claims = paragraph_claims(article, paragraph, RULE.options.cues, living)
        starts = [paragraph.prose.offset(start) for start, _ in paragraph.sentences]
        for index, claim in enumerate(claims):
            low = starts[index]
            high = starts[index + 1] if index + 1 < len(starts) else paragraph.end + 1
            if any(low < position <= high for position in tagged):
                continue
            positive = any(low < position <= high for position in cited)
            span = paragraph.sentences[index]
            source = text[slice(*paragraph.prose.span(*span))]
            citable = is_citable(source, paragraph.prose.text, span)
            yield Sentence(title, claim.features, bool(claim.cues), positive, citable)


def matrix(sentences: list[Sentence], vocabulary: dict[str, int]) -> csr_matrix:
    rows, columns = [], []
    for row, sentence in enumerate(sentences):
        found = {vocabulary[f] for f in sentence.features if f in vocabulary}
        rows += [row] * len(found)
        columns += sorted(found)
    data = np.ones(len(rows))
    return csr_matrix((data, (rows, columns)), shape=(len(sentences), len(vocabulary)))


def fit(train: list[Sentence], c: float) -> Model:
    """A logistic regression on features seen in three train articles or more, pruned."""
    articles: dict[str, set[str]] = {}
    for sentence in train:
        for feature in sentence.features:
            articles.setdefault(feature, set()).add(sentence.article)
    names = sorted(f for f, seen in articles.items() if len(seen) >= 3)
    vocabulary = {name: index for index, name in enumerate(names)}
    labels = np.array([s.positive for s in train])
    regression = LogisticRegression(C=c, max_iter=2000, solver="liblinear")
    regression.fit(matrix(train, vocabulary), labels)
    weights = regression.coef_[0]
    strongest = np.argsort(-np.abs(weights))[:KEPT_WEIGHTS]
    kept = {names[i]: round(float(weights[i]), 4) for i in strongest if weights[i] != 0}
    return Model(round(float(regression.intercept_[0]), 4), kept)


def scores(scorer: Model, sentences: list[Sentence]) -> np.ndarray:
    """The score of each sentence; 0 for those the rule never reports."""
    return np.array([scorer.score(s.features)[0] if s.citable else 0.0 for s in sentences])


def at(labels: np.ndarray, flagged: np.ndarray) -> tuple[float, float, float]:
    """Precision, recall and share flagged."""
    hits = int((labels & flagged).sum())
    return hits / max(int(flagged.sum()), 1), hits / max(int(labels.sum()), 1), flagged.mean()


def rates(name: str, measured: tuple[float, float, float], base: float) -> str:
    precision, recall, share = measured
    return (
        f"{name}: precision {precision:.1%}, recall {recall:.1%}, flags {share:.0%}, "
        f"lift {precision / base:.2f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--c", type=float, nargs="+", default=[0.03, 0.1])
    parser.add_argument("--threshold", type=float, default=None, help="default: the rule's")
    parser.add_argument("--write", action="store_true", help="write the shipped weights")
    parser.add_argument("--plot", type=Path, help="write the precision-recall curve here")
    parser.add_argument("--shipped", action="store_true", help="evaluate the shipped weights")
    arguments = parser.parse_args()

    sentences = [
        s
        for title, text in corpus_sources(arguments.corpus)
        for s in labelled_sentences(title, text)
    ]
    train = [s for s in sentences if not is_test(s.article)]
    test = [s for s in sentences if is_test(s.article)]
    for name, part in (("labelled", sentences), ("train", train), ("test", test)):
        articles = len({s.article for s in part})
        print(f"{name}: {len(part)} sentences from {articles} articles")
    print(f"(articles with ≥ {MIN_CITATIONS} footnotes; one in {TEST_SHARE} is a test article)")

    if arguments.shipped:
        fitted = model()
        print(f"shipped weights: {len(fitted.weights)}, bias {fitted.bias}")
    else:
        fitted = choose_and_fit(train, arguments.c)
    report = evaluate(fitted, test, arguments.threshold or RULE.options.threshold)
    print("\n".join(report.lines))
    if arguments.write:
        path = Path(__file__).resolve().parents[1] / "wikilint" / "data" / WEIGHTS
        data = {"bias": fitted.bias, "weights": dict(sorted(fitted.weights.items()))}
        path.write_text(json.dumps(data, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
        print(f"wrote {path} ({path.stat().st_size / 1024:.0f} KB)")
    if arguments.plot:
        plot(arguments.plot, report)


def choose_and_fit(train: list[Sentence], values: list[float]) -> Model:
    """C by a split of the train articles, then the model on all of them."""
    inner_train = [s for s in train if zlib.crc32(s.article.encode()) % 5]
    inner_valid = [s for s in train if not zlib.crc32(s.article.encode()) % 5]
    valid_labels = np.array([s.positive for s in inner_valid])
    best = max(
        values,
        key=lambda c: average_precision_score(
            valid_labels, scores(fit(inner_train, c), inner_valid)
        ),
    )
    fitted = fit(train, best)
    print(f"C = {best} (of {values}), {len(fitted.weights)} weights kept, bias {fitted.bias}")
    return fitted


@dataclass
class Evaluation:
    """The figures of a score on the test split, as lines of text and for the plot."""

    lines: list[str]
    recall: np.ndarray
    precision: np.ndarray
    base: float
    cues: tuple[float, float, float]
    shipped: tuple[float, float, float]


def evaluate(scorer: Model, test: list[Sentence], threshold: float) -> Evaluation:
    """Precision, recall and lift of *scorer* on the test split, against the cues alone."""
    labels = np.array([s.positive for s in test])
    predicted = scores(scorer, test)
    base = labels.mean()
    articles = len({s.article for s in test})
    lines = [
        f"test split: {len(test)} sentences of {articles} articles, "
        f"base rate (footnoted) {base:.1%}",
        f"average precision: {average_precision_score(labels, predicted):.3f}",
    ]
    cues = at(labels, np.array([s.cued for s in test]))
    lines.append(rates("hand-written cues (any cue)", cues, base))
    for value in sorted({0.2, 0.3, 0.4, 0.5, 0.6, threshold}):
        mark = "  <- shipped threshold" if value == threshold else ""
        lines.append(rates(f"score at {value:.2f}", at(labels, predicted >= value), base) + mark)
    order = np.argsort(-predicted, kind="stable")
    hits = np.cumsum(labels[order])
    precision = hits / np.arange(1, len(order) + 1)
    recall = hits / labels.sum()
    at_half = precision[recall >= 0.5][0]
    lines.append(
        f"score at 50% recall: precision {at_half:.1%}, lift {at_half / base:.2f} (target 1.8)"
    )
    shipped = at(labels, predicted >= threshold)
    return Evaluation(lines, recall, precision, base, cues, shipped)


def plot(path: Path, report: Evaluation) -> None:
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot

    figure, axes = pyplot.subplots(figsize=(6, 4.5), dpi=100)
    base = report.base
    axes.plot(report.recall, report.precision, label="learned citation-need score")
    axes.axhline(base, color="grey", linestyle=":", label=f"base rate {base:.0%}")
    axes.axhline(1.8 * base, color="grey", linestyle="--", label="target: 1.8 × base rate")
    axes.plot([report.cues[1]], [report.cues[0]], "rs", label="hand-written cues (any cue)")
    axes.plot([report.shipped[1]], [report.shipped[0]], "ko", label="shipped threshold")
    axes.set(xlabel="recall", ylabel="precision", xlim=(0, 1), ylim=(0, 1))
    axes.set_title("WL104 on the test split: is a sentence footnoted?")
    axes.legend(loc="upper right", fontsize="small")
    figure.tight_layout()
    figure.savefig(path)
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
