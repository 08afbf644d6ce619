"""``check --jobs N`` on files and folders: worker processes, same report as one process."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from adversarial import adversarial

import wikilint.batch.pool
from wikilint.batch.pool import run_files
from wikilint.cli.check import POOL_MIN_FILES

FIXTURES = Path(__file__).parents[1] / "fixtures"
#: Four real articles that --fix changes.
FIXABLE = ["Julia Kristeva.wiki", "Pear.wiki", "Pi Day.wiki", "Toronto Star.wiki"]
DOUBLED = "The cat sat on the the mat.\n"
SPACED = "Paris is  the capital  of France.\n"


@pytest.fixture
def pooled(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Records the ``jobs`` of every pool the run starts."""
    calls: list[int] = []

    def spy(tasks, *, jobs, **settings):
        calls.append(jobs)
        return run_files(tasks, jobs=jobs, **settings)

    monkeypatch.setattr(wikilint.batch.pool, "run_files", spy)  # imported by each run
    return calls


def test_two_jobs_give_the_same_json_as_one(run, pooled) -> None:
    folder = str(FIXTURES)
    one = run("check", "--format", "json", "--jobs", "1", folder)
    two = run("check", "--format", "json", "--no-cache", "--jobs", "2", folder)
    assert pooled == [2]  # without --no-cache, every result would come from the cache
    assert one.exit_code == two.exit_code == 1
    assert two.stdout == one.stdout
    findings = json.loads(two.stdout)
    assert len({finding["path"] for finding in findings}) >= 10
    paths = [finding["path"] for finding in findings]
    assert paths == sorted(paths, key=lambda path: (Path(path).parent, path))


def test_no_time_budget_with_two_jobs_waits_for_every_worker(run, tmp_path: Path, pooled) -> None:
    """``--timeout 0`` (no budget) under a pool: the wait for the workers had an infinite
    timeout, which ``multiprocessing.connection.wait`` refuses (OverflowError, exit 2)."""
    for name in "abc":
        (tmp_path / f"{name}.wiki").write_text(DOUBLED)
    result = run("check", "-j", "2", "--timeout", "0", "--no-cache", "--format", "concise", ".")
    assert pooled == [2]
    assert (result.exit_code, result.stderr) == (1, "")
    assert result.stdout.splitlines() == [
        f'{name}.wiki:1:20 WL103 doubled-word "the" is written twice in a row' for name in "abc"
    ]


def test_unordered_reports_the_same_findings(run) -> None:
    folder = str(FIXTURES / "en")
    ordered = json.loads(run("check", "--format", "json", "-j", "1", folder).stdout)
    unordered = json.loads(
        run("check", "--format", "json", "-j", "2", "--unordered", folder).stdout
    )
    key = json.dumps
    assert sorted(unordered, key=key) == sorted(ordered, key=key)


def test_per_file_ignores_and_config_hold_in_workers(run, tmp_path: Path) -> None:
    (tmp_path / ".wikilint.toml").write_text('[rules.doubled-word]\nseverity = "error"\n')
    (tmp_path / "a.wiki").write_text(DOUBLED + SPACED)
    (tmp_path / "b.wiki").write_text(DOUBLED + SPACED)
    result = run(
        "check", "--format", "concise", "-j", "2", "--per-file-ignores", "b.wiki:WL602", "."
    )
    assert result.stdout.splitlines() == [
        'a.wiki:1:20 WL103 doubled-word "the" is written twice in a row',
        "a.wiki:2:9 WL602 doubled-space doubled space",
        "a.wiki:2:22 WL602 doubled-space doubled space",
        'b.wiki:1:20 WL103 doubled-word "the" is written twice in a row',
    ]
    rows = json.loads(run("check", "--format", "json", "-j", "2", "a.wiki", "b.wiki").stdout)
    assert {row["severity"] for row in rows if row["code"] == "WL103"} == {"error"}


def test_fix_with_two_jobs_writes_what_one_job_writes(run, tmp_path: Path, pooled) -> None:
    for name in ("one", "two"):
        _copy_fixable(tmp_path / name)
    serial = run("check", "--fix", "--format", "concise", "-j", "1", "one")
    pooled_run = run("check", "--fix", "--format", "concise", "-j", "2", "two")
    assert pooled == [2]
    assert pooled_run.stdout.replace("two/", "one/") == serial.stdout
    changed = 0
    for fixed in sorted((tmp_path / "two").iterdir()):
        expected = (tmp_path / "one" / fixed.name).read_bytes()
        assert fixed.read_bytes() == expected
        changed += expected != (FIXTURES / "en" / fixed.name).read_bytes()
    assert changed == len(FIXABLE)


def _copy_fixable(folder: Path) -> None:
    folder.mkdir()
    for name in FIXABLE:
        shutil.copy(FIXTURES / "en" / name, folder / name)


def test_diff_with_two_jobs_is_the_serial_diff_and_writes_nothing(run, tmp_path: Path) -> None:
    _copy_fixable(tmp_path / "en")
    serial = run("check", "--diff", "-j", "1", "en")
    pooled_run = run("check", "--diff", "-j", "2", "en")
    assert serial.exit_code == pooled_run.exit_code == 1
    assert pooled_run.stdout == serial.stdout
    assert pooled_run.stdout.count("+++ b/en/") == len(FIXABLE)
    # The findings are those of the files on disk, as a run without --diff reports them.
    assert pooled_run.stderr == serial.stderr == run("check", "-j", "1", "en").stdout
    for copy in (tmp_path / "en").iterdir():
        assert copy.read_bytes() == (FIXTURES / "en" / copy.name).read_bytes()


def test_unreadable_and_stuck_files_in_workers(run, tmp_path: Path) -> None:
    (tmp_path / "a.wiki").write_text(DOUBLED)
    (tmp_path / "b.wiki").write_bytes(b"caf\xe9\n")
    (tmp_path / "c.wiki").write_text(adversarial("template-and-link"))
    (tmp_path / "d.wiki").write_text(DOUBLED)
    result = run("check", "-j", "2", "--timeout", "0.3", "--format", "concise", ".")
    assert result.exit_code == 2
    assert result.stdout.splitlines() == [
        'a.wiki:1:20 WL103 doubled-word "the" is written twice in a row',
        "c.wiki:1:1 WL002 parse-timeout not linted: parsing and checking took longer than 0.3 s "
        "(look for long runs of unclosed templates, links, tables or tags)",
        'd.wiki:1:20 WL103 doubled-word "the" is written twice in a row',
    ]
    assert result.stderr == ("wikilint: error: b.wiki: not valid UTF-8 (byte 0xe9 at offset 3)\n")


def test_one_file_standard_input_and_jobs_1_stay_in_process(run, tmp_path: Path, pooled) -> None:
    (tmp_path / "a.wiki").write_text(DOUBLED)
    (tmp_path / "b.wiki").write_text(DOUBLED)
    assert run("check", "-j", "2", "a.wiki").exit_code == 1
    assert run("check", "-j", "1", "a.wiki", "b.wiki").exit_code == 1
    assert run("check", "a.wiki", "b.wiki").exit_code == 1  # few files: no pool by default
    result = run("check", "-j", "2", "--format", "concise", "-", input=DOUBLED)
    assert result.stdout == '<stdin>:1:20 WL103 doubled-word "the" is written twice in a row\n'
    assert pooled == []


def test_full_summary_names_the_top_articles_and_the_time(run, tmp_path: Path) -> None:
    (tmp_path / "a.wiki").write_text(DOUBLED)
    (tmp_path / "b.wiki").write_text(DOUBLED + SPACED)
    (tmp_path / "c.wiki").write_text("Clean prose.\n")
    out = run("check", "--format", "full", "--no-color", ".").stdout
    top = out[out.index("most findings") :].splitlines()
    assert [line.split() for line in top[2:4]] == [["b.wiki", "│", "3"], ["a.wiki", "│", "1"]]
    assert "Found 4 problems (0 errors, 2 warnings, 2 info) in 3 files." in out
    assert re.search(r"^Checked 3 articles in \d+\.\d\d s \([\d,.]+ per second\)\.$", out, re.M)
    single = run("check", "--format", "full", "--no-color", "b.wiki").stdout
    assert "most findings" not in single
    assert "Checked" not in single


def test_concise_output_has_no_summary_or_timing(run, tmp_path: Path) -> None:
    (tmp_path / "a.wiki").write_text(DOUBLED)
    (tmp_path / "b.wiki").write_text(DOUBLED)
    out = run("check", "--format", "concise", ".").stdout
    assert out.splitlines() == [
        'a.wiki:1:20 WL103 doubled-word "the" is written twice in a row',
        'b.wiki:1:20 WL103 doubled-word "the" is written twice in a row',
    ]


def _articles(folder: Path, files: int) -> Path:
    """*folder* with *files* copies of the real articles."""
    folder.mkdir()
    articles = sorted((FIXTURES / "en").glob("*.wiki"))
    for number in range(files):
        shutil.copy(articles[number % len(articles)], folder / f"{number:03}.wiki")
    return folder


def _sigint_as_at_a_terminal() -> None:
    """Give the child Ctrl-C's default disposition: a test suite started in the background
    by a shell without job control (``pytest &``) ignores SIGINT, and so would every
    process it starts, Python included."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _interrupted(
    folder: Path, *flags: str, wait: float = 0.0, then_stdin: bool = False
) -> tuple[int, str]:
    """Exit code and stderr of ``wikilint check`` on *folder*, given Ctrl-C (SIGINT to its
    whole process group, as a terminal sends it) *wait* seconds after its first finding.
    With *then_stdin*, standard input is the last input and never comes: the run is still
    reading it when the signal arrives, however fast the folder went."""
    command = [sys.executable, "-m", "wikilint", "check", "--isolated", "--format", "concise"]
    with subprocess.Popen(
        [*command, *flags, str(folder), *(["-"] if then_stdin else [])],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
        start_new_session=True,
        preexec_fn=_sigint_as_at_a_terminal,
    ) as process:
        try:
            assert process.stdout is not None and process.stdout.readline()  # under way
            time.sleep(wait)
            os.killpg(process.pid, signal.SIGINT)
            _, err = process.communicate(timeout=60)
        finally:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGKILL)
    return process.returncode, err.decode()


def test_ctrl_c_under_jobs_exits_130_with_one_line(tmp_path: Path) -> None:
    code, err = _interrupted(_articles(tmp_path / "articles", 8 * 17), "--jobs", "2")
    assert (code, err) == (130, "wikilint: interrupted\n")


def test_ctrl_c_in_process_exits_130_with_one_line(tmp_path: Path) -> None:
    folder = _articles(tmp_path / "articles", POOL_MIN_FILES - 2)  # too few for a pool
    assert _interrupted(folder, then_stdin=True) == (130, "wikilint: interrupted\n")


def test_ctrl_c_while_a_risky_article_parses_in_its_child(tmp_path: Path) -> None:
    (tmp_path / "a.wiki").write_text(DOUBLED)
    (tmp_path / "b.wiki").write_text(adversarial("template-and-link"))  # parses for seconds
    code, err = _interrupted(tmp_path, "--timeout", "60", wait=1.0)
    assert (code, err) == (130, "wikilint: interrupted\n")
