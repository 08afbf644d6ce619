"""The worker pool: same results as a serial run, in order, with the budget enforced."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from adversarial import adversarial
from helpers import fixture_articles, read

from wikilint.batch.pool import SettingsRules, default_jobs, lint_page, run
from wikilint.config.files import Config
from wikilint.document.article import Article
from wikilint.inputs.dumps import Page, streams, write_dump
from wikilint.linter.finding import Finding
from wikilint.linter.rule import Rule, RuleDocs
from wikilint.rules import BUILTIN_RULES

RULES = [rule() for rule in BUILTIN_RULES if rule.enabled_by_default]
PAGES = [
    Page(path.stem, 0, number, 100 + number, read(path), "en")
    for number, path in enumerate(fixture_articles("en/*.wiki")[:6], 1)
]
EVIL = Page("Evil", 0, 99, 999, adversarial("template-and-link"), "en")


class CrashingRule(Rule):
    """Takes its worker process down on a page that says so."""

    code = "XT001"
    name = "crash-worker"
    summary = "Kills the process."
    docs = RuleDocs("", "", "", "")

    def check(self, article: Article) -> Iterator[Finding]:
        if "CRASH NOW" in article.source:
            os._exit(3)
        return iter(())


def serial(pages: list[Page]) -> list:
    return [lint_page(page, RULES) for page in pages]


def test_results_equal_a_serial_run_in_input_order() -> None:
    assert list(run(PAGES, RULES, jobs=2)) == serial(PAGES)


def test_unordered_gives_the_same_results() -> None:
    results = list(run(PAGES, RULES, jobs=2, ordered=False))
    assert sorted(results, key=lambda result: result.title) == sorted(
        serial(PAGES), key=lambda result: result.title
    )


def test_a_stuck_article_times_out_and_the_run_goes_on() -> None:
    pages = [PAGES[0], EVIL, PAGES[1]]
    results = list(run(pages, RULES, jobs=2, timeout=0.5))
    assert [result.title for result in results] == [page.title for page in pages]
    assert [(f.code, f.path) for f in results[1].findings] == [("WL002", "Evil")]
    assert results[1].revision == 999
    assert [results[0], results[2]] == serial([PAGES[0], PAGES[1]])


def test_a_stream_resumes_after_the_article_that_timed_out(tmp_path: Path) -> None:
    pages = [*PAGES[:2], EVIL, *PAGES[2:4]]
    dump = tmp_path / "wiki-multistream.xml.bz2"
    index = write_dump(pages, dump, multistream=True, per_stream=4)
    results = list(run(streams(dump, index), RULES, jobs=1, timeout=0.5))
    assert [result.title for result in results] == [page.title for page in pages]
    assert [f.code for f in results[2].findings] == ["WL002"]
    assert results[:2] + results[3:] == serial(PAGES[:4])


def test_a_dying_worker_is_reported_and_replaced() -> None:
    doomed = Page("Doomed", 0, 1, 1, "CRASH NOW", "en")
    rules = [*RULES, CrashingRule()]
    results = list(run([PAGES[0], doomed, PAGES[1]], rules, jobs=1))
    assert [result.title for result in results] == [PAGES[0].title, "Doomed", PAGES[1].title]
    [crash] = results[1].findings
    assert (crash.code, crash.path) == ("WL000", "Doomed")
    assert "exit code 3" in crash.message
    assert results[2] == lint_page(PAGES[1], rules)


def test_a_settings_recipe_builds_the_configured_rules_in_each_worker() -> None:
    recipe = SettingsRules(Config(select=("WL103",)), None, True, "dump.xml")
    [result] = run([Page("T", 0, 1, 1, "It was the the best.", "en")], recipe, jobs=1)
    assert [(f.code, f.location.column) for f in result.findings] == [("WL103", 12)]


def test_default_jobs_is_every_core_we_may_use() -> None:
    assert 1 <= default_jobs() <= (os.cpu_count() or 1)
