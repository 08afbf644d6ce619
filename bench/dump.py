"""Dump throughput: pages/s and MB/s on 1 core and on every core, peak memory, scaling.

    python bench/dump.py CORPUS_PATH [--repeat N]

CORPUS_PATH is the shared corpus (``../shared/corpus``). The benchmark lints
``dumps/enwiki-sample-wikibrain.xml`` as is, then a larger dump made by repeating its
pages N times (default 4), written as ``.xml.bz2`` (decompressed by the reading process)
and as multistream with an index (each worker decompresses its own streams). All default
rules run; MB are of wikitext (UTF-8). The projection for English Wikipedia assumes
about 7 million articles holding 25 GB of wikitext; it scales linearly with that size.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from wikilint.batch.pool import SettingsRules, default_jobs, run
from wikilint.config.files import Config
from wikilint.inputs.dumps import find_index, iter_pages, streams, write_dump

ENWIKI_ARTICLES = 7_000_000
ENWIKI_TEXT_GB = 25.0
PROJECTED_CORES = 64
#: Pages per multistream stream: Wikipedia's dumps use 100, but this dump is small.
STREAM_PAGES = 10


def measure(dump: Path, rules: SettingsRules, jobs: int) -> tuple[int, float, float]:
    """(pages, megabytes, seconds) of one pool run over *dump*."""
    index = find_index(dump)
    items = streams(dump, index) if index is not None else iter_pages(dump)
    started = time.perf_counter()
    pages = 0
    size = 0
    for result in run(items, rules, jobs=jobs):
        pages += 1
        size += len(result.source.encode())
    return pages, size / 1e6, time.perf_counter() - started


def peak_mb() -> float:
    """Peak resident memory of this (the reading) process in MB, on Linux."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--repeat", type=int, default=4)
    args = parser.parse_args()
    sample = args.corpus / "dumps" / "enwiki-sample-wikibrain.xml"
    # Every default rule, packs included: workers rebuild them from this recipe.
    rules = SettingsRules(Config(), None, True, str(sample))
    cores = default_jobs()
    pages = list(iter_pages(sample))
    repeated = [
        replace(page, title=f"{page.title} ({copy})", page_id=copy * 100_000 + (page.page_id or 0))
        for copy in range(args.repeat)
        for page in pages
    ]
    with tempfile.TemporaryDirectory() as folder:
        large_bz2 = Path(folder) / "large.xml.bz2"
        large_multi = Path(folder) / "large-multistream.xml.bz2"
        write_dump(repeated, large_bz2)
        write_dump(repeated, large_multi, multistream=True, per_stream=STREAM_PAGES)
        dumps = {"sample .xml": sample, "large .xml.bz2": large_bz2, "multistream": large_multi}
        print(f"{cores} cores available; {len(rules())} rules; repeat x{args.repeat}")
        print(
            f"{'dump':<16} {'jobs':>4} {'pages':>6} {'MB':>6} {'s':>7} {'pages/s':>8} {'MB/s':>6}"
        )
        rates: dict[tuple[str, int], float] = {}
        for name, dump in dumps.items():
            for jobs in sorted({1, cores}):
                count, megabytes, seconds = measure(dump, rules, jobs)
                rates[name, jobs] = megabytes / seconds
                print(
                    f"{name:<16} {jobs:>4} {count:>6} {megabytes:>6.2f} {seconds:>7.2f} "
                    f"{count / seconds:>8.2f} {megabytes / seconds:>6.3f}"
                )
    print(f"peak memory of the reading process: {peak_mb():.0f} MB")
    per_core = rates["multistream", 1]
    efficiency = rates["multistream", cores] / (cores * per_core)
    print(f"scaling efficiency on {cores} cores (multistream): {efficiency:.0%}")
    projected = ENWIKI_TEXT_GB * 1000 / (per_core * PROJECTED_CORES * min(efficiency, 0.9))
    print(
        f"projected English Wikipedia (~{ENWIKI_ARTICLES / 1e6:.0f}M articles, "
        f"~{ENWIKI_TEXT_GB:.0f} GB of wikitext) on {PROJECTED_CORES} cores at "
        f"{per_core:.3f} MB/s per core and {min(efficiency, 0.9):.0%} efficiency: "
        f"{projected / 3600:.1f} h"
    )


if __name__ == "__main__":
    sys.exit(main())
