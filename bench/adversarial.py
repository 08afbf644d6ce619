"""Worst-case time per adversarial input: the raw parser, and wikilint under its budget.

    python bench/adversarial.py [SCALE] [TIMEOUT]

The inputs are the generated corpus of ``tests/adversarial.py``: the unclosed-markup
cases, whose repeat counts SCALE (default 1) grows or shrinks, and the shapes of issue 12
(closers the parser ignores; 1 MB of ``[[``, of headings, of named refs). Each is linted,
then fixed, under the TIMEOUT-second budget (default 2) for parse, rules and fix passes.
The raw parser runs in a child killed after 60 s.
"""

from __future__ import annotations

import multiprocessing
import sys
import time
from pathlib import Path

import mwparserfromhell

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from adversarial import CASES, SHAPES, adversarial

from wikilint.batch.guard import build_rules, fix_guarded, lint_guarded
from wikilint.batch.pool import SettingsRules
from wikilint.config.files import Config

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
    # Every default rule, built once here as `wikilint check` builds them.
    rules = build_rules(SettingsRules(Config(), None, True, "adversarial.wiki"))
    inputs = {name: adversarial(name, scale) for name in CASES} | SHAPES
    print(f"{'input':<24} {'KB':>6} {'parser s':>9} {'check s':>8} {'fix s':>6}  result")
    worst = 0.0
    for name, text in inputs.items():
        raw = raw_parse_seconds(text)
        started = time.perf_counter()
        findings = lint_guarded(text, name, rules, timeout=timeout)
        checked = time.perf_counter() - started
        started = time.perf_counter()
        fix_guarded(text, name, rules, timeout=timeout)
        fixed = time.perf_counter() - started
        worst = max(worst, checked, fixed)
        raw_text = f"{raw:9.2f}" if raw is not None else f">{RAW_LIMIT:8.0f}"
        codes = ",".join(sorted({finding.code for finding in findings})[:4]) or "-"
        print(f"{name:<24} {len(text) / 1024:6.1f} {raw_text} {checked:8.2f} {fixed:6.2f}  {codes}")
    print(f"worst case under wikilint's {timeout:g} s budget: {worst:.2f} s")


if __name__ == "__main__":
    main()
