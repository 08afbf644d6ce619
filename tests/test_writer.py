"""write_fix against another wikilint run writing the same file at the same time."""

from __future__ import annotations

import fcntl
import os
import threading
import time
from pathlib import Path

import pytest

from wikilint.inputs.writer import FileChanged, WriteError, report_file, write_fix


def test_a_run_waits_for_another_renaming_the_file_then_refuses(tmp_path: Path) -> None:
    path = tmp_path / "a.wiki"
    path.write_bytes(b"A -- B.\n")
    errors: list[Exception] = []

    def fix() -> None:
        try:
            write_fix(str(path), b"A -- B.\n", b"A\xe2\x80\x94B.\n")
        except FileChanged as error:
            errors.append(error)

    with open(path, "rb") as held:  # the other run, between its comparison and its rename
        fcntl.flock(held.fileno(), fcntl.LOCK_EX)
        thread = threading.Thread(target=fix)
        thread.start()
        time.sleep(0.2)  # this run has compared nothing yet: it waits for the lock
        (tmp_path / "other").write_bytes(b"A -- B, fixed otherwise.\n")
        os.replace(tmp_path / "other", path)
    thread.join()
    assert [str(error) for error in errors] == [f"{path}: changed while being fixed; not written"]
    assert path.read_bytes() == b"A -- B, fixed otherwise.\n"
    assert [p.name for p in tmp_path.iterdir()] == ["a.wiki"]


def test_an_unchanged_file_is_replaced(tmp_path: Path) -> None:
    path = tmp_path / "a.wiki"
    path.write_bytes(b"A -- B.\n")
    write_fix(str(path), b"A -- B.\n", b"A\xe2\x80\x94B.\n")
    assert path.read_bytes() == b"A\xe2\x80\x94B.\n"
    with pytest.raises(FileChanged):
        write_fix(str(path), b"A -- B.\n", b"A\xe2\x80\x94B.\n")


def test_a_new_file_takes_the_umask_of_the_moment_it_is_written(tmp_path: Path) -> None:
    umask = os.umask(0o077)
    try:
        with report_file(tmp_path / "report.txt") as stream:
            stream.write("text\n")
    finally:
        os.umask(umask)
    assert (tmp_path / "report.txt").stat().st_mode & 0o777 == 0o600


def test_a_hard_linked_report_is_left_whole_and_refused(tmp_path: Path) -> None:
    report, other = tmp_path / "report.txt", tmp_path / "other-name.txt"
    report.write_text("old\n", encoding="utf-8")
    os.link(report, other)
    with pytest.raises(WriteError, match="has 2 hard links"), report_file(report) as stream:
        stream.write("new\n")
    assert other.read_text(encoding="utf-8") == report.read_text(encoding="utf-8") == "old\n"
    assert os.stat(report).st_ino == os.stat(other).st_ino
