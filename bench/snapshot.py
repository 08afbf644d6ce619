"""Record every finding of every rule on a corpus, or compare with a recorded snapshot.

Usage:
    python bench/snapshot.py PATH... --write FILE      # record
    python bench/snapshot.py PATH... --compare FILE    # exit 1 and list what changed

Runs ``wikilint check --isolated --no-cache --select ALL --format jsonl`` in one process
(``-j 1``: the order is the order of the paths) with no time budget (``--timeout 0``: on a
loaded machine a large article would otherwise end in WL002, and the snapshot would record
the load) and keeps its output byte for byte. A
refactoring that must not change behaviour (moving modules, data into files) is checked
by recording before and comparing after; the comparison lists findings that went and
came, by file, line, column and code.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

_CHECK = [
    "check",
    *("--isolated", "--no-cache", "--select", "ALL", "--format", "jsonl"),
    *("-j", "1", "--timeout", "0"),
]


def findings(paths: list[str]) -> str:
    """The JSON lines ``wikilint check`` prints for *paths*, every rule selected."""
    run = subprocess.run(
        [sys.executable, "-m", "wikilint", *_CHECK, *paths],
        capture_output=True,
        text=True,
        check=False,
    )
    if run.returncode not in (0, 1):
        sys.exit(f"snapshot: wikilint exited {run.returncode}: {run.stderr.strip()}")
    return run.stdout


def _key(line: str) -> str:
    finding = json.loads(line)
    location = finding.get("location", {})
    return (
        f"{finding.get('path')}:{location.get('line')}:{location.get('column')} "
        f"{finding.get('code')} {finding.get('message')}"
    )


def compare(recorded: str, current: str) -> list[str]:
    """The findings only in *recorded* (``-``) and only in *current* (``+``)."""
    before = Counter(_key(line) for line in recorded.splitlines() if line)
    after = Counter(_key(line) for line in current.splitlines() if line)
    gone = [f"- {key}" for key in sorted((before - after).elements())]
    came = [f"+ {key}" for key in sorted((after - before).elements())]
    return gone + came


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+")
    action = parser.add_mutually_exclusive_group(required=True)
    action.add_argument("--write", type=Path, metavar="FILE")
    action.add_argument("--compare", type=Path, metavar="FILE")
    options = parser.parse_args()
    current = findings(options.paths)
    if options.write:
        options.write.write_text(current, encoding="utf-8")
        print(f"{len(current.splitlines())} findings recorded in {options.write}")
        return
    recorded = options.compare.read_text(encoding="utf-8")
    if recorded == current:
        print(f"identical: {len(current.splitlines())} findings, byte for byte")
        return
    differences = compare(recorded, current)
    print("\n".join(differences) or "same findings, in another order or form")
    sys.exit(1)


if __name__ == "__main__":
    main()
