"""The result cache: ``wikilint check`` over unchanged files, first run against second.

Usage: python bench/cache.py CORPUS_DIR [--files N] [--repeat N]

Copies the first N (default 200) ``*.wiki`` articles under CORPUS_DIR into a temporary
folder and runs ``wikilint check`` on it, with every core (the default) and with
``--jobs 1``: a first run with an empty cache, then second runs (best of --repeat) that
find every result cached. Times are CPU seconds of the wikilint process (the machine may
be shared) with wall seconds beside them; the ratio is of CPU times with ``--jobs 1`` and
of wall times with every core (the workers' CPU time does not reach this process's
accounting). Start-up, a second run over one empty file (its result cached too), is
measured the same way, so that the ratio can be given without it too; so is the bare
interpreter, ``python -c pass``, for scale.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGET_RATIO = 20


def timed(arguments: list[str], folder: Path, cache: Path) -> tuple[float, float]:
    """CPU and wall seconds of one ``wikilint`` run (output discarded)."""
    return timed_python(["-m", "wikilint", *arguments], folder, cache)


def timed_python(arguments: list[str], folder: Path, cache: Path) -> tuple[float, float]:
    """CPU and wall seconds of one run of this interpreter (output discarded)."""
    environment = {**os.environ, "WIKILINT_CACHE_DIR": str(cache)}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, *arguments],
        cwd=folder,
        env=environment,
        stdout=subprocess.DEVNULL,
        check=False,
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return cpu, wall


def best(arguments: list[str], folder: Path, cache: Path, repeat: int) -> tuple[float, float]:
    return min(timed(arguments, folder, cache) for _ in range(repeat))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--files", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    options = parser.parse_args()
    articles = sorted(options.corpus.rglob("*.wiki"))[: options.files]
    if not articles:
        raise SystemExit(f"no .wiki articles under {options.corpus}")
    with tempfile.TemporaryDirectory(prefix="wikilint-cache-bench-") as temporary:
        root = Path(temporary)
        folder = root / "articles"
        folder.mkdir()
        for number, article in enumerate(articles):
            shutil.copyfile(article, folder / f"{number:04}.wiki")
        (root / "empty.wiki").write_text("", encoding="utf-8")
        size = sum(path.stat().st_size for path in folder.iterdir()) / 1e6
        print(f"{len(articles)} articles, {size:.1f} MB; CPU s (wall s), second runs best of "
              f"{options.repeat}")  # fmt: skip
        bare = min(timed_python(["-c", "pass"], root, root) for _ in range(options.repeat))
        print(f"python -c pass:             {bare[0]:.2f} ({bare[1]:.2f})")
        timed(["check", "empty.wiki"], root, root / "start-up")  # caches its result
        start_up = best(["check", "empty.wiki"], root, root / "start-up", options.repeat)
        print(f"start-up (one cached file): {start_up[0]:.2f} ({start_up[1]:.2f})")
        for label, jobs in (("every core", []), ("--jobs 1", ["--jobs", "1"])):
            cache = root / f"cache{len(jobs)}"
            arguments = ["check", *jobs, "articles"]
            first = timed(arguments, root, cache)
            second = best(arguments, root, cache, options.repeat)
            kind = 0 if jobs else 1  # CPU times in one process, wall times with workers
            ratio = first[kind] / second[kind]
            inside = (first[kind] - start_up[kind]) / max(second[kind] - start_up[kind], 1e-3)
            print(
                f"{label:>10}: first {first[0]:.2f} ({first[1]:.2f}), second {second[0]:.2f} "
                f"({second[1]:.2f}): {ratio:.1f}x (target {TARGET_RATIO}x); without "
                f"start-up {inside:.0f}x"
            )


if __name__ == "__main__":
    main()
