"""The progress bar: drawn on a terminal only, counting articles and findings, with an ETA."""

from __future__ import annotations

import io
import re
import sys

import pytest
from rich.console import Console

import wikilint.cli.progress
from wikilint.cli.progress import RunProgress
from wikilint.linter.finding import Finding, Location, Severity
from wikilint.linter.results import FileResult, Summary

ERASE_LINE = "\x1b[2K"


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def finding(path: str) -> Finding:
    return Finding("WL103", "doubled-word", Severity.WARNING, "x", Location(0, 1, 1, 1, 1, 2), path)


def result(path: str, findings: int) -> FileResult:
    return FileResult(path, "x", tuple(finding(path) for _ in range(findings)))


@pytest.fixture
def screen(monkeypatch: pytest.MonkeyPatch) -> io.StringIO:
    monkeypatch.setattr(wikilint.cli.progress, "REFRESH", 1e9)  # draw on every step
    return io.StringIO()


def bar(screen: io.StringIO) -> RunProgress:
    console = Console(file=screen, force_terminal=True, force_interactive=True, width=120)
    return RunProgress(console)


def last_frame(screen: io.StringIO) -> str:
    plain = re.sub(r"\x1b\[[0-9;]*m", "", screen.getvalue())
    frames = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]|\r", "\n", plain).split("\n")
    return [frame for frame in frames if frame.strip()][-1]


def test_the_bar_counts_files_findings_and_shows_the_share_done(screen) -> None:
    progress = bar(screen)
    progress.begin("4 files", 4)
    progress.advance(result("a.wiki", 2))
    frame = r"4 files [━╸╺]+ +25% 1 article  [\d.]+/s  2 findings -:--:--"
    assert re.fullmatch(frame, last_frame(screen))  # no ETA from one sample
    progress.advance(result("b.wiki", 1))
    frame = r"4 files [━╸╺]+ +50% 2 articles  [\d.]+/s  3 findings \d:\d\d:\d\d"
    assert re.fullmatch(frame, last_frame(screen))
    assert (progress.articles, progress.findings) == (2, 3)


def test_a_dump_bar_follows_the_reader_offset_not_the_page_count(screen) -> None:
    progress = bar(screen)
    progress.begin("wiki.xml.bz2", 1000, by_bytes=True)
    progress.reached(750)
    progress.advance(result("Page", 0))
    frame = last_frame(screen)
    assert frame.startswith("wiki.xml.bz2 ")
    assert " 75% 1 article  " in frame
    assert "0 findings" in frame


def test_the_bar_is_transient_and_steps_aside_for_the_report(screen) -> None:
    progress = bar(screen)
    progress.begin("2 files", 2)
    drawn = len(screen.getvalue())
    with progress.aside():
        assert screen.getvalue()[drawn:].endswith(ERASE_LINE)
        erased = len(screen.getvalue())
    assert len(screen.getvalue()) == erased  # not redrawn until the next step
    progress.advance(result("a.wiki", 0))
    assert "1 article" in screen.getvalue()[erased:]
    progress.close()
    assert screen.getvalue().endswith(ERASE_LINE)


def test_without_a_console_nothing_is_drawn_but_counts_are_kept() -> None:
    progress = RunProgress()
    progress.begin("2 files", 2)
    progress.advance(result("a.wiki", 3))
    with progress.aside():
        pass
    progress.close()
    assert not progress.shown
    assert (progress.articles, progress.findings) == (1, 3)


@pytest.mark.parametrize(
    ("stdout_tty", "stderr_tty", "machine", "shown"),
    [
        (True, True, False, True),
        (True, True, True, False),
        (False, True, False, False),
        (True, False, False, False),
    ],
)
def test_the_bar_shows_only_on_terminals_for_people(
    monkeypatch: pytest.MonkeyPatch, stdout_tty, stderr_tty, machine, shown
) -> None:
    monkeypatch.setattr(sys, "stdout", Terminal() if stdout_tty else io.StringIO())
    monkeypatch.setattr(sys, "stderr", Terminal() if stderr_tty else io.StringIO())
    assert RunProgress.for_terminal(machine).shown is shown


def test_summary_keeps_the_articles_with_most_findings_earliest_first_on_ties() -> None:
    summary = Summary()
    for path, count in [("a", 1), ("b", 4), ("c", 0), ("d", 2), ("e", 4), ("f", 1), ("g", 3)]:
        summary.add(result(path, count))
    summary.add(FileResult("h", error="unreadable"))
    assert summary.most_findings() == [("b", 4), ("e", 4), ("g", 3), ("d", 2), ("a", 1)]
    assert summary.files == 8
