"""Lint a corpus with every default rule and compare with mwparserfromhell alone.

Usage: python bench/corpus.py [CORPUS_PATH] [--repeat N] [--select CODE,...]

Lints every ``*.wiki`` article of ``CORPUS_PATH/en`` (or of CORPUS_PATH itself when it
has no ``en`` folder; default ``../shared/corpus``) with all rules enabled by default,
through :func:`wikilint.linter.engine.lint_source`, and prints articles and MB per second and
the ratio of that time to the time ``mwparserfromhell.parse`` alone needs for the same
texts, measured in the same run. Times are CPU time of this process, parse and lint
interleaved article by article, and each article's best of N repetitions is kept, so
other load on the machine distorts the ratio as little as possible. A per-stage breakdown
(parse, spans, sections, paragraphs with their prose views, sentences, each rule) shows
where the time goes; the stages run in the order rules would trigger them lazily.
"""

from __future__ import annotations

import argparse
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from time import process_time as clock

import mwparserfromhell

from wikilint.document.article import Article
from wikilint.document.gc_pause import collector_paused
from wikilint.linter.engine import lint_source
from wikilint.linter.registry import discover
from wikilint.linter.rule import Rule

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
TARGET_RATIO = 1.5


def load(corpus: Path) -> list[tuple[str, str]]:
    folder = corpus / "en" if (corpus / "en").is_dir() else corpus
    paths = sorted(folder.rglob("*.wiki"))
    if not paths:
        raise SystemExit(f"no .wiki articles under {folder}")
    return [(str(path), path.read_text(encoding="utf-8-sig")) for path in paths]


def chosen_rules(select: str | None) -> list[Rule]:
    """Every rule enabled by default, or the rules *select* names (codes, prefixes, names)."""
    registry = discover()
    if select is None:
        return [rule() for rule in registry.rules if registry.enabled_by_default(rule)]
    return [rule() for selector in select.split(",") for rule in registry.match(selector.strip())]


def best_times(texts: list[tuple[str, str]], rules: list[Rule], repeat: int) -> tuple[float, float]:
    """Seconds to parse and to lint all texts: per article, the best of *repeat* tries."""
    parse = [float("inf")] * len(texts)
    lint = [float("inf")] * len(texts)
    for _ in range(repeat):
        for number, (path, text) in enumerate(texts):
            start = clock()
            mwparserfromhell.parse(text)
            middle = clock()
            lint_source(text, path, rules)
            end = clock()
            parse[number] = min(parse[number], middle - start)
            lint[number] = min(lint[number], end - middle)
    return sum(parse), sum(lint)


#: Model stages in the order rules trigger them lazily, each forced on its own.
MODEL_STAGES: list[tuple[str, Callable[[Article], object]]] = [
    ("spans", lambda article: article.span(article.tree)),
    ("sections", lambda article: article.sections),
    ("paragraphs + prose", lambda article: article.paragraphs),
    ("sentences", lambda article: [paragraph.sentences for paragraph in article.paragraphs]),
    ("language", lambda article: article.language),
]


def stage_times(texts: list[tuple[str, str]], rules: list[Rule], repeat: int) -> dict[str, float]:
    """Seconds per stage over all texts: per article and stage, the best of *repeat*."""
    best: dict[str, dict[int, float]] = defaultdict(dict)

    def timed(stage: str, number: int, work: Callable[..., object], *arguments: object) -> object:
        start = clock()
        result = work(*arguments)
        spent = clock() - start
        best[stage][number] = min(best[stage].get(number, spent), spent)
        return result

    for _ in range(repeat):
        for number, (path, text) in enumerate(texts):
            timed("mwparserfromhell.parse", number, mwparserfromhell.parse, text)
            with collector_paused():  # as lint_source runs the stages
                article = timed("Article (parse, line index)", number, Article, text, path)
                assert isinstance(article, Article)
                for stage, work in MODEL_STAGES:
                    timed(stage, number, work, article)
                for rule in rules:
                    if rule.applies_to(article):
                        timed(f"{rule.code} {rule.name}", number, _check, rule, article)
                del article
    return {stage: sum(times.values()) for stage, times in best.items()}


def _check(rule: Rule, article: Article) -> list[object]:
    return list(rule.check(article))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--repeat", type=int, default=3, help="repetitions (best is kept)")
    parser.add_argument("--select", help="lint with these rules only, e.g. WL101,WL102")
    args = parser.parse_args()

    texts = load(args.corpus)
    rules = chosen_rules(args.select)
    megabytes = sum(len(text.encode("utf-8")) for _, text in texts) / 1e6

    parse, lint = best_times(texts, rules, args.repeat)
    findings = sum(len(lint_source(text, path, rules)) for path, text in texts)
    stages = stage_times(texts, rules, args.repeat)

    ratio = lint / parse
    print(f"{len(texts)} articles, {megabytes:.2f} MB, {len(rules)} rules, "
          f"{findings} findings; CPU seconds, best of {args.repeat}")  # fmt: skip
    print(f"mwparserfromhell.parse  {parse:7.3f} s  {len(texts) / parse:7.1f} articles/s  "
          f"{megabytes / parse:6.2f} MB/s")  # fmt: skip
    print(f"wikilint (rules above)  {lint:7.3f} s  {len(texts) / lint:7.1f} articles/s  "
          f"{megabytes / lint:6.2f} MB/s")  # fmt: skip
    verdict = "meets" if ratio <= TARGET_RATIO else "misses"
    print(f"ratio to parsing alone  {ratio:7.2f}   ({verdict} the target of {TARGET_RATIO})")
    base = stages.pop("mwparserfromhell.parse")
    model = sum(stages[stage] for stage, _ in MODEL_STAGES) + stages["Article (parse, line index)"]
    print(f"\nstage breakdown (share of mwparserfromhell.parse, {base:.3f} s in this pass):")
    rows = [("model: Article and the stages below it", model)]
    rows += sorted(stages.items(), key=lambda item: -item[1])
    for stage, seconds in rows:
        if seconds >= 0.001 * base:
            print(f"  {stage:<48} {seconds:7.3f} s {100 * seconds / base:6.1f} %")


if __name__ == "__main__":
    main()
