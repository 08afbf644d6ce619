"""The Dask backend gives the local run's results (needs ``wikilint[dask]``)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from adversarial import adversarial
from click.testing import CliRunner
from helpers import fixture_articles, read

from wikilint.batch.pool import SettingsRules, lint_page
from wikilint.cli.main import cli
from wikilint.config.files import Config
from wikilint.inputs.dumps import Page, streams, write_dump
from wikilint.rules import BUILTIN_RULES

pytest.importorskip("distributed")
from wikilint.batch import dask_cluster as cluster

pytestmark = pytest.mark.dask

RULES = [rule() for rule in BUILTIN_RULES if rule.enabled_by_default]
PAGES = [
    Page(path.stem, 0, number, 100 + number, read(path), "en")
    for number, path in enumerate(fixture_articles("en/*.wiki")[:5], 1)
]


ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def client() -> Iterator[object]:
    """One local cluster for the module: starting one takes seconds on two cores."""
    with cluster.connect(workers=3) as client:
        yield client


def test_dask_results_equal_the_local_run(client, tmp_path: Path) -> None:
    evil = Page("Evil", 0, 9, 9, adversarial("unclosed-template"), "en")
    pages = [*PAGES[:2], evil, *PAGES[2:]]
    dump = tmp_path / "wiki-multistream.xml.bz2"
    index = write_dump(pages, dump, multistream=True, per_stream=2)
    expected = [lint_page(page, RULES) for page in PAGES]
    assert len(client.scheduler_info()["workers"]) == 3
    by_page = list(cluster.run(PAGES, RULES, client))
    by_stream = list(cluster.run(streams(dump, index), RULES, client, timeout=0.5))
    assert by_page == expected
    assert [result.title for result in by_stream] == [page.title for page in pages]
    assert [f.code for f in by_stream[2].findings] == ["WL002"]
    assert by_stream[:2] + by_stream[3:] == expected


#: The size of the issue's reproducer: an article over 256 KB.
LARGE = 256 * 1024


def test_the_python_example_of_docs_dumps_md_runs_the_default_rules_on_a_large_article(
    client, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 12: a dump with an article over 256 KB failed with a PicklingError of a pack
    rule. Every article is linted in a forked child under the time budget; pack rules
    pickle by pack file wherever they travel."""
    text = "\n\n".join(page.text for page in PAGES)
    large = Page("Large", 0, 7, 107, text * (LARGE // len(text) + 1), "en")
    pages = [PAGES[0], large]
    dump = tmp_path / "wiki-multistream.xml.bz2"
    write_dump(pages, dump, multistream=True, per_stream=1)
    [example] = re.findall(r"```python\n(.*?)```", (ROOT / "docs" / "dumps.md").read_text(), re.S)
    assert 'dump = "/data/enwiki-latest-pages-articles-multistream.xml.bz2"' in example
    example = example.replace("/data/enwiki-latest-pages-articles-multistream.xml.bz2", str(dump))
    exec(example.replace("tcp://HOST:8786", client.scheduler.address), {})
    rules = SettingsRules(Config(), None, False, str(dump))()
    expected = [lint_page(page, rules) for page in pages]
    assert len(large.text) > LARGE and "WL801" in {f.code for f in expected[1].findings}
    assert capsys.readouterr().out == "".join(
        f"{result.title} {len(result.findings)}\n" for result in expected
    )
    result = CliRunner().invoke(
        cli, ["check", str(dump), "--scheduler", client.scheduler.address, "--format", "json"]
    )
    assert result.exit_code == 1, result.stderr
    assert result.stdout.count('"code": "WL801"') == sum(
        f.code == "WL801" for page in expected for f in page.findings
    )
