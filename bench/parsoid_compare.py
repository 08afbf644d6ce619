"""wikilint's Linter rules against a real Parsoid: recall and precision per Linter category.

Usage: python bench/parsoid_compare.py CORPUS_DIR... [--url URL] [--select CODES]
       [--markdown FILE] [--examples N]

Lints every ``*.wiki`` file under each CORPUS_DIR with Parsoid (MediaWiki 1.39, linting on;
started here unless ``--url`` names a running one, see ``tests/parsoid_server.py``) and with
the wikilint rules that declare a ``linter_category``, in the article's language
(``intl/<lang>/``, else English). Prints, per category Parsoid or wikilint reports: Parsoid's
lints, wikilint's findings, matched (same span, ``tests/parsoid_diff.py``), recall and
precision (the known differences of ``tests/parsoid_diff.py`` left out: lints and findings
that only a wiki without templates gives or cannot match), each also with them counted,
lints from templates (left out), the known differences, then up to N unmatched examples of
each side, and Parsoid's seconds per article (its ``php -S`` serves one request at a time).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from parsoid_diff import Comparison, compare_files, linter_rules
from parsoid_server import missing, running_parsoid

HEADER = (
    "category",
    "Parsoid",
    "wikilint",
    "matched",
    "recall",
    "recall, known differences counted",
    "precision",
    "precision, known differences counted",
    "in templates",
    "known differences (lints / findings)",
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, nargs="+")
    parser.add_argument("--url", help="a running Parsoid (default: start one)")
    parser.add_argument("--select", default="ALL", help="comma-separated codes or prefixes")
    parser.add_argument("--markdown", type=Path, help="also write the table to FILE")
    parser.add_argument("--examples", type=int, default=10, help="unmatched examples per side")
    args = parser.parse_args(argv)
    if args.url is None and (reason := missing()) is not None:
        parser.error(f"cannot start Parsoid: {reason}")

    rules = linter_rules(args.select.split(","))
    rows: list[tuple[str, ...]] = []
    with _parsoid(args.url) as url:
        for corpus in args.corpus:
            paths = sorted(corpus.rglob("*.wiki"))
            comparison = compare_files(url, paths, rules)
            rows += _rows(corpus, comparison, set(rules))
            _print_examples(comparison, args.examples, set(rules))
            print(
                f"{corpus}: {comparison.articles} articles, Parsoid "
                f"{comparison.seconds_per_article:.2f} s per article; "
                f"{len(comparison.failures)} failed"
            )
            for failure in comparison.failures:
                print(f"  failed: {failure}")
    table = _markdown(rows)
    print(table)
    if args.markdown is not None:
        args.markdown.write_text(f"Measured {date.today().isoformat()}.\n\n{table}")
    return 0


@contextmanager
def _parsoid(url: str | None) -> Iterator[str]:
    if url is not None:
        yield url.rstrip("/")
        return
    with running_parsoid() as started:
        yield started


def _rows(corpus: Path, comparison: Comparison, implemented: set[str]) -> list[tuple[str, ...]]:
    """One row per category, implemented ones first; recall and precision only for those."""
    rows = []
    for category in sorted(comparison.tallies, key=lambda name: (name not in implemented, name)):
        tally = comparison.tallies[category]
        measured = category in implemented
        rows.append(
            (
                f"{category} ({corpus.name})",
                str(tally.parsoid),
                str(tally.wikilint) if measured else "-",
                str(tally.matched) if measured else "-",
                f"{tally.recall:.0%}" if measured else "-",
                f"{tally.raw_recall:.0%}" if measured else "-",
                f"{tally.precision:.0%}" if measured else "-",
                f"{tally.raw_precision:.0%}" if measured else "-",
                str(tally.from_templates),
                f"{tally.known_missed.total()} / {tally.known.total()}" if measured else "-",
            )
        )
    return rows


def _print_examples(comparison: Comparison, limit: int, implemented: set[str]) -> None:
    for category in sorted(implemented & set(comparison.tallies)):
        tally = comparison.tallies[category]
        for label, examples in (("missed", tally.missed), ("extra", tally.extra)):
            for example in examples[:limit]:
                print(f"{category} {label}: {example}")


def _markdown(rows: list[tuple[str, ...]]) -> str:
    lines = [f"| {' | '.join(HEADER)} |", f"|{' --- |' * len(HEADER)}"]
    lines += [f"| {' | '.join(row)} |" for row in rows]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.exit(main())
