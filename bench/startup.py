"""Start-up time: the command line against a bare interpreter, and a warm pre-commit run.

Usage: python bench/startup.py [--repeat N] [--no-pre-commit]

Prints the median wall (and CPU) time of N runs (default 10, after one unmeasured run that warms the
disk cache, writes the bytecode and caches the sample's result) of ``python -c pass``,
``wikilint --version`` and ``wikilint check`` on the sample article, each a fresh process,
and how much longer the two commands take than the bare interpreter (the targets: 0.15 s
and 0.3 s); ``check`` finds its result cached, as a re-run in pre-commit or an editor does,
and ``check --no-cache``, which loads the parser and the rules, is shown beside it. Then, unless
``--no-pre-commit``, the wall time of ``pre-commit run --files one.wiki`` in a scratch git
repository whose configuration names this checkout's last commit as the hook repository,
the hook's environment installed beforehand (the target: 0.5 s).

Bytecode is written as an installed package has it (``PYTHONDONTWRITEBYTECODE`` is
dropped). On a shared machine wall times vary with the load: run it twice and compare.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "seeds" / "000_778acce009f2ce04.txt"
TARGETS = {"wikilint --version": 0.15, "wikilint check": 0.3, "wikilint check --no-cache": None}
PRE_COMMIT_TARGET = 0.5
ENV = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
ONE_ARTICLE = "'''Cats''' are small [[mammal]]s.\n\n[[Category:Cats]]\n"


def median_times(command: list[str], repeat: int) -> tuple[float, float]:
    """The median wall and CPU times of *repeat* runs of *command*, after one unmeasured
    run. CPU time (user and system) varies less with the machine's load than wall time."""
    walls, cpus = [], []
    for run in range(repeat + 1):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        subprocess.run(command, cwd=ROOT, env=ENV, stdout=subprocess.DEVNULL, check=False)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if run:
            walls.append(time.perf_counter() - started)
            cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(walls), statistics.median(cpus)


def wikilint() -> list[str]:
    """The ``wikilint`` console script beside this interpreter, as a user runs it."""
    script = Path(sys.executable).with_name("wikilint")
    return [str(script)] if script.exists() else [sys.executable, "-m", "wikilint"]


def start_up(repeat: int) -> None:
    bare, bare_cpu = median_times([sys.executable, "-c", "pass"], repeat)
    print(f"{'python -c pass':<26} {bare:6.3f} s              CPU {bare_cpu:.3f} s")
    commands = {
        "wikilint --version": [*wikilint(), "--version"],
        "wikilint check": [*wikilint(), "check", str(SAMPLE.relative_to(ROOT))],
        "wikilint check --no-cache": [
            *wikilint(),
            "check",
            "--no-cache",
            str(SAMPLE.relative_to(ROOT)),
        ],
    }
    for name, command in commands.items():
        took, cpu = median_times(command, repeat)
        more, target = took - bare, TARGETS[name]
        line = f"{name:<26} {took:6.3f} s  +{more:.3f} s  CPU {cpu:.3f} s"
        if target is not None:
            line += f"  (target +{target} s: {'ok' if more <= target else 'OVER'})"
        print(line)


def pre_commit(repeat: int) -> None:
    """A warm ``pre-commit run`` on one file, the hook installed from this checkout."""
    revision = subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.strip()
    with tempfile.TemporaryDirectory() as scratch:
        repo = Path(scratch) / "wiki"
        repo.mkdir()
        env = {**ENV, "PRE_COMMIT_HOME": str(Path(scratch) / "home"), "NO_COLOR": "1"}
        git = ["git", "-c", "user.email=bench@example.org", "-c", "user.name=bench"]
        (repo / ".pre-commit-config.yaml").write_text(
            f"repos:\n  - repo: {ROOT}\n    rev: {revision}\n    hooks:\n      - id: wikilint\n",
            encoding="utf-8",
        )
        (repo / "one.wiki").write_text(ONE_ARTICLE, encoding="utf-8")
        for step in (["init", "-q"], ["add", "."], ["commit", "-q", "-m", "one"]):
            subprocess.run([*git, *step], cwd=repo, env=env, check=True, capture_output=True)
        command = [sys.executable, "-m", "pre_commit", "run", "--files", "one.wiki"]
        print(f"installing the hook from {ROOT} at {revision[:12]}...", flush=True)
        installed = subprocess.run(command, cwd=repo, env=env, capture_output=True, text=True)
        if "wikilint" not in installed.stdout or "Passed" not in installed.stdout:
            raise SystemExit(f"the hook did not run:\n{installed.stdout}{installed.stderr}")
        times = []
        for _ in range(repeat):
            started = time.perf_counter()
            subprocess.run(command, cwd=repo, env=env, capture_output=True, check=True)
            times.append(time.perf_counter() - started)
    took = statistics.median(times)
    verdict = "ok" if took <= PRE_COMMIT_TARGET else "OVER"
    print(f"{'pre-commit run (warm)':<26} {took:6.3f} s  (target {PRE_COMMIT_TARGET} s: {verdict})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=10, help="runs per command (median)")
    parser.add_argument("--no-pre-commit", action="store_true", help="skip the hook timing")
    args = parser.parse_args()
    print(f"median wall time of {args.repeat} runs, {os.cpu_count()} cores, "
          f"load {os.getloadavg()[0]:.2f}")  # fmt: skip
    start_up(args.repeat)
    if not args.no_pre_commit:
        if shutil.which("git") is None:
            raise SystemExit("pre-commit needs git on the PATH")
        pre_commit(args.repeat)


if __name__ == "__main__":
    main()
