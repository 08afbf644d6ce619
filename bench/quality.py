"""Measure every rule on a corpus: how often it fires, and a sample of findings to judge.

Usage: python bench/quality.py CORPUS_PATH [--out FILE] [--sample N] [--select CODES]

Runs every discovered rule (also those off by default) over every ``*.wiki`` file under
CORPUS_PATH, each article's language detected as in a normal run. Prints, per rule,
findings per article and per 10 KB of wikitext, split into English and other articles,
and the time spent. Writes up to N findings per rule (a fixed random sample) with their
source lines to FILE, for a reader to judge; the precision each rule's docs state comes
from reading that file.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from wikilint.document.article import Article
from wikilint.linter.finding import Finding
from wikilint.linter.registry import discover
from wikilint.linter.rule import Rule

CONTEXT = 70


@dataclass
class Tally:
    """Findings and time of one rule over the corpus."""

    findings: list[tuple[Article, Finding]] = field(default_factory=list)
    english: int = 0
    other: int = 0
    seconds: float = 0.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--out", type=Path, default=Path("quality-sample.txt"))
    parser.add_argument("--sample", type=int, default=25, help="findings per rule to write")
    parser.add_argument("--select", default="ALL", help="comma-separated codes or prefixes")
    args = parser.parse_args(argv)

    registry = discover()
    classes = {rule for selector in args.select.split(",") for rule in registry.match(selector)}
    rules = [rule() for rule in sorted(classes, key=lambda rule: rule.code)]
    paths = sorted(args.corpus.rglob("*.wiki"))
    if not paths:
        print(f"no *.wiki files under {args.corpus}", file=sys.stderr)
        return 2

    tallies: dict[str, Tally] = defaultdict(Tally)
    size = 0
    languages: dict[str, int] = defaultdict(int)
    for path in paths:
        source = path.read_text(encoding="utf-8-sig")
        size += len(source.encode())
        article = Article(source, str(path.relative_to(args.corpus)))
        languages[article.language or "?"] += 1
        for rule in rules:
            if rule.applies_to(article):
                _run(rule, article, tallies[rule.code])

    print(
        f"{len(paths)} articles, {size / 1024:.0f} KB; languages detected: "
        + ", ".join(f"{code} {count}" for code, count in sorted(languages.items()))
    )
    _print_table(rules, tallies, len(paths), size)
    _write_sample(args.out, rules, tallies, args.sample)
    print(f"sample written to {args.out}")
    return 0


def _run(rule: Rule, article: Article, tally: Tally) -> None:
    started = time.perf_counter()
    try:
        found = list(rule.check(article))
    except Exception as error:  # report and go on, as the engine does
        print(f"{article.path}: {rule.code} crashed: {error!r}", file=sys.stderr)
        found = []
    tally.seconds += time.perf_counter() - started
    tally.findings.extend((article, finding) for finding in found)
    if article.language == "en":
        tally.english += len(found)
    else:
        tally.other += len(found)


def _print_table(rules: list[Rule], tallies: dict[str, Tally], articles: int, size: int) -> None:
    header = f"{'code':<6} {'name':<28} {'on':<3} {'total':>6} {'/art':>6} {'/10KB':>6} "
    print(header + f"{'en':>5} {'other':>5} {'ms':>7}")
    for rule in rules:
        tally = tallies[rule.code]
        total = len(tally.findings)
        print(
            f"{rule.code:<6} {rule.name[:28]:<28} {'on' if rule.enabled_by_default else 'off':<3} "
            f"{total:>6} {total / articles:>6.2f} {total / (size / 10240):>6.2f} "
            f"{tally.english:>5} {tally.other:>5} {tally.seconds * 1000:>7.0f}"
        )


def _write_sample(out: Path, rules: list[Rule], tallies: dict[str, Tally], count: int) -> None:
    random_ = random.Random(0)
    with out.open("w", encoding="utf-8") as file:
        for rule in rules:
            findings = tallies[rule.code].findings
            chosen = findings if len(findings) <= count else random_.sample(findings, count)
            file.write(f"## {rule.code} {rule.name}: {len(chosen)} of {len(findings)}\n\n")
            for article, finding in sorted(
                chosen, key=lambda pair: (pair[0].path, pair[1].sort_key)
            ):
                file.write(_describe(article, finding))
            file.write("\n")


def _describe(article: Article, finding: Finding) -> str:
    """``path:line:col: message`` and the source line around the finding, marked."""
    location = finding.location
    line = article.source.splitlines()[location.line - 1] if article.source else ""
    start = location.column - 1
    end = location.end_column - 1 if location.end_line == location.line else len(line)
    left = max(0, start - CONTEXT)
    excerpt = line[left : end + CONTEXT]
    marker = " " * (start - left) + "^" * max(1, end - start)
    fix = f" [fix: {finding.fix.applicability.value}]" if finding.fix else ""
    return (
        f"{article.path}:{location.line}:{location.column}: {finding.message}{fix}\n"
        f"    {excerpt}\n    {marker}\n"
    )


if __name__ == "__main__":
    sys.exit(main())
