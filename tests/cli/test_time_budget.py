"""The time budget seen from the command line: fixes are bounded, overruns are errors."""

from __future__ import annotations

import time
from pathlib import Path

from adversarial import adversarial

DOUBLED = "It was the the best.\n"
OVERRUN = (
    "evil.wiki:1:1 WL002 parse-timeout not linted: parsing and checking took longer than {} s "
    "(look for long runs of unclosed templates, links, tables or tags)"
)


def test_fix_stops_at_the_budget_and_leaves_the_file(run, tmp_path: Path) -> None:
    # Issue 12: on 32 KB of `{{a|`, --fix (the wikilint-fix hook) ran past 100 s.
    evil = tmp_path / "evil.wiki"
    evil.write_text(adversarial("unclosed-template"), encoding="utf-8")
    before = evil.read_bytes()
    started = time.perf_counter()
    result = run("check", "--isolated", "--fix", "--format", "concise", "evil.wiki")
    assert time.perf_counter() - started < 15.0  # cut off at 2 s, with room for a loaded CI
    assert result.exit_code == 2
    assert result.stdout.splitlines()[0] == OVERRUN.format(2)
    assert evil.read_bytes() == before


def test_an_overrun_is_an_error_that_exit_zero_does_not_hide(run, tmp_path: Path) -> None:
    (tmp_path / "evil.wiki").write_text(adversarial("unclosed-template"), encoding="utf-8")
    (tmp_path / "fine.wiki").write_text(DOUBLED, encoding="utf-8")
    for flags in ((), ("--exit-zero",), ("--fail-on", "error"), ("--diff",)):
        result = run("check", "--timeout", "0.3", "--format", "concise", *flags, ".")
        assert result.exit_code == 2, flags
        assert OVERRUN.format(0.3) in result.stdout.splitlines() + result.stderr.splitlines()
    assert run("check", "--exit-zero", "fine.wiki").exit_code == 0


def test_fix_within_the_budget_still_fixes(run, tmp_path: Path) -> None:
    (tmp_path / "a.wiki").write_text(DOUBLED, encoding="utf-8")
    result = run("check", "--fix", "--unsafe-fixes", "--select", "WL103", "a.wiki")
    assert result.exit_code == 0
    assert (tmp_path / "a.wiki").read_bytes() == b"It was the best.\n"


def test_the_pool_bounds_fix_passes_too(run, tmp_path: Path) -> None:
    evil = tmp_path / "evil.wiki"
    evil.write_text(adversarial("unclosed-template"), encoding="utf-8")
    before = evil.read_bytes()
    for name in ("a.wiki", "b.wiki"):
        (tmp_path / name).write_text(DOUBLED, encoding="utf-8")
    flags = ("-j", "2", "--timeout", "0.3", "--fix", "--unsafe-fixes", "--select", "WL103")
    result = run("check", *flags, "--format", "concise", ".")
    assert result.exit_code == 2
    assert result.stdout.splitlines()[0] == OVERRUN.format(0.3)
    assert evil.read_bytes() == before
    for name in ("a.wiki", "b.wiki"):
        assert (tmp_path / name).read_bytes() == b"It was the best.\n"
