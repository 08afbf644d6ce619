"""The Dask backend gives the local run's results (needs ``wikilint[dask]``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from adversarial import adversarial
from helpers import fixture_articles, read

from wikilint.dumps import Page, streams, write_dump
from wikilint.parallel import lint_page
from wikilint.rules import BUILTIN_RULES

pytest.importorskip("distributed")
from wikilint import cluster

pytestmark = pytest.mark.dask

RULES = [rule() for rule in BUILTIN_RULES if rule.enabled_by_default]
PAGES = [
    Page(path.stem, 0, number, 100 + number, read(path), "en")
    for number, path in enumerate(fixture_articles("en/*.wiki")[:5], 1)
]


def test_dask_results_equal_the_local_run(tmp_path: Path) -> None:
    evil = Page("Evil", 0, 9, 9, adversarial("unclosed-template"), "en")
    pages = [*PAGES[:2], evil, *PAGES[2:]]
    dump = tmp_path / "wiki-multistream.xml.bz2"
    index = write_dump(pages, dump, multistream=True, per_stream=2)
    expected = [lint_page(page, RULES) for page in PAGES]
    with cluster.connect(workers=3) as client:
        assert len(client.scheduler_info()["workers"]) == 3
        by_page = list(cluster.run(PAGES, RULES, client))
        by_stream = list(cluster.run(streams(dump, index), RULES, client, timeout=0.5))
    assert by_page == expected
    assert [result.title for result in by_stream] == [page.title for page in pages]
    assert [f.code for f in by_stream[2].findings] == ["WL002"]
    assert by_stream[:2] + by_stream[3:] == expected
