"""Worst-case time per adversarial input: the raw parser, and wikilint under its budget.

    python bench/adversarial.py [SCALE] [TIMEOUT]

The inputs are the generated corpus of ``tests/adversarial.py``; SCALE (default 1) grows
or shrinks their repeat counts. The raw parser runs in a child killed after 60 s.
"""

from __future__ import annotations

import multiprocessing
import sys
import time
from pathlib import Path

import mwparserfromhell

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from adversarial import CASES, adversarial

from wikilint.budget import is_risky, lint_guarded
from wikilint.config import Config
from wikilint.parallel import SettingsRules

RAW_LIMIT = 60.0


def raw_parse_seconds(text: str) -> float | None:
    """Seconds mwparserfromhell alone takes, or ``None`` past :data:`RAW_LIMIT`."""
    child = multiprocessing.get_context("fork").Process(target=mwparserfromhell.parse, args=(text,))
    started = time.perf_counter()
    child.start()
    child.join(RAW_LIMIT)
    if child.is_alive():
        child.kill()
        child.join()
        return None
    return time.perf_counter() - started


def main() -> None:
    scale = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
    timeout = float(sys.argv[2]) if len(sys.argv) > 2 else 2.0
    rules = SettingsRules(Config(), None, True, "adversarial.wiki")  # every default rule
    print(f"{'input':<24} {'KB':>6} {'risky':>5} {'parser s':>9} {'wikilint s':>10}  result")
    worst = 0.0
    for name in CASES:
        text = adversarial(name, scale)
        raw = raw_parse_seconds(text)
        started = time.perf_counter()
        findings = lint_guarded(text, name, rules, timeout=timeout)
        guarded = time.perf_counter() - started
        worst = max(worst, guarded)
        raw_text = f"{raw:9.2f}" if raw is not None else f">{RAW_LIMIT:8.0f}"
        codes = ",".join(sorted({finding.code for finding in findings})) or "-"
        print(
            f"{name:<24} {len(text) / 1024:6.1f} {is_risky(text)!s:>5} {raw_text} "
            f"{guarded:10.2f}  {codes}"
        )
    print(f"worst case under wikilint's {timeout:g} s budget: {worst:.2f} s")


if __name__ == "__main__":
    main()
