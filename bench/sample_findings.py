"""Print a random sample of one rule's findings on real articles, for a reader to judge.

Usage: python bench/sample_findings.py CORPUS_DIR... --rule CODE [-n 20] [--seed N]

Lints every ``*.wiki`` file under each CORPUS_DIR with the one rule (its default options,
each article's language detected as in a normal run, suppression comments honoured) and
prints N findings drawn at random with the seed: ``path:line:col: message``, the source
lines around the finding with the finding marked, and whether it carries a fix. A fresh
seed gives a fresh sample; the header says how many findings there were in all.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

from wikilint.linter.engine import lint_source
from wikilint.linter.finding import Finding
from wikilint.linter.registry import discover

#: Characters of a long line shown on each side of the finding.
WIDTH = 100


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, nargs="+", help="folders of *.wiki files")
    parser.add_argument("--rule", required=True, help="a rule code or name")
    parser.add_argument("-n", type=int, default=20, help="findings to sample (default 20)")
    parser.add_argument("--seed", type=int, default=0, help="seed of the random sample")
    parser.add_argument("--context", type=int, default=1, help="lines shown around each")
    args = parser.parse_args(argv)

    rule = discover().get(args.rule)
    if rule is None:
        print(f"sample_findings: no rule {args.rule!r}", file=sys.stderr)
        return 2
    paths = sorted(path for folder in args.corpus for path in folder.rglob("*.wiki"))
    if not paths:
        print("sample_findings: no *.wiki files under the folders given", file=sys.stderr)
        return 2

    found: list[tuple[str, Finding]] = []
    for path in paths:
        source = path.read_text(encoding="utf-8-sig")
        findings = lint_source(source, str(path), [rule()])
        found.extend((source, finding) for finding in findings if finding.code == rule.code)
    chosen = random.Random(args.seed).sample(found, min(args.n, len(found)))
    print(
        f"# {rule.code} {rule.name}: {len(chosen)} of {len(found)} findings "
        f"in {len(paths)} articles (seed {args.seed})\n"
    )
    for number, (source, finding) in enumerate(chosen, 1):
        print(f"[{number}] {describe(source, finding, args.context)}")
    return 0


def describe(source: str, finding: Finding, context: int) -> str:
    """``path:line:col: message``, the lines around the finding with its span marked, and
    the line of each related location (the earlier paragraph a duplicate repeats)."""
    where = finding.location
    fix = f" [fix: {finding.fix.applicability.value}]" if finding.fix else ""
    lines = re.split(r"\r\n|\r|\n", source)  # as wikilint counts lines
    shown = [f"{finding.path}:{where.line}:{where.column}: {finding.message}{fix}"]
    for number in range(max(1, where.line - context), min(len(lines), where.line + context) + 1):
        line = lines[number - 1]
        left = max(0, where.column - 1 - WIDTH) if number == where.line else 0
        shown.append(f"  {number:>5}| {line[left : left + 2 * WIDTH]}")
        if number == where.line:
            end = where.end_column - 1 if where.end_line == where.line else len(line)
            width = max(1, min(end, left + 2 * WIDTH) - (where.column - 1))
            shown.append("       | " + " " * (where.column - 1 - left) + "^" * width)
    for related in finding.related:
        line = lines[related.location.line - 1][: 2 * WIDTH]
        shown.append(
            f"  related {related.location.line}:{related.location.column} {related.message}"
        )
        shown.append(f"  {related.location.line:>5}| {line}")
    return "\n".join(shown) + "\n"


if __name__ == "__main__":
    sys.exit(main())
