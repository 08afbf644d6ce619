"""``check --output-file``: never an input, written whole after the run."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

from helpers import ACL_USER_1000_RW, set_xattrs_or_skip, xattrs

DEFECT = "The cat sat on the the mat.\n"
REPORT = 'a.wiki:1:20 WL103 doubled-word "the" is written twice in a row\n'


def test_an_input_is_never_the_report_file(run, tmp_path: Path) -> None:
    (tmp_path / "v.wiki").write_text(DEFECT, encoding="utf-8")
    result = run("check", "--isolated", "v.wiki", "--output-file", "v.wiki")
    assert result.exit_code == 2
    assert result.stderr == "wikilint: error: --output-file v.wiki would replace the input v.wiki\n"
    assert (tmp_path / "v.wiki").read_text(encoding="utf-8") == DEFECT


def test_a_file_found_in_a_folder_is_an_input_too(run, tmp_path: Path) -> None:
    (tmp_path / "articles").mkdir()
    report = tmp_path / "articles" / "report.wiki"
    report.write_text(DEFECT, encoding="utf-8")
    (tmp_path / "link.txt").symlink_to(report)
    for output in ("articles/report.wiki", "link.txt"):
        result = run("check", "--fix", "articles", "--output-file", output)
        assert result.exit_code == 2
        assert result.stderr == (
            f"wikilint: error: --output-file {output} would replace the input "
            "articles/report.wiki\n"
        )
        assert report.read_text(encoding="utf-8") == DEFECT
    assert sorted(p.name for p in report.parent.iterdir()) == ["report.wiki"]


def test_a_report_in_a_missing_folder_is_a_usage_error(run, tmp_path: Path) -> None:
    (tmp_path / "a.wiki").write_text(DEFECT, encoding="utf-8")
    result = run("check", "a.wiki", "--output-file", "missing/report.txt")
    assert result.exit_code == 2
    assert result.stderr == (
        "wikilint: error: missing/report.txt: cannot write the report (No such file or directory)\n"
    )


def test_the_report_replaces_the_file_after_the_run_keeping_its_mode(run, tmp_path: Path) -> None:
    (tmp_path / "a.wiki").write_text(DEFECT, encoding="utf-8")
    report = tmp_path / "report.txt"
    report.write_text("an old report, longer than the new one\n" * 3, encoding="utf-8")
    report.chmod(0o600)
    result = run("check", "a.wiki", "--output-file", "report.txt")
    assert (result.exit_code, result.stdout) == (1, "")
    assert report.read_text(encoding="utf-8") == REPORT
    assert stat.S_IMODE(report.stat().st_mode) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.wiki", "report.txt"]


def test_the_report_keeps_its_extended_attributes_and_acl(run, tmp_path: Path) -> None:
    (tmp_path / "a.wiki").write_text(DEFECT, encoding="utf-8")
    report = tmp_path / "report.txt"
    report.write_text("old\n", encoding="utf-8")
    attributes = {"user.origin": b"ci", "system.posix_acl_access": ACL_USER_1000_RW}
    set_xattrs_or_skip(report, attributes)
    assert run("check", "a.wiki", "--output-file", "report.txt").exit_code == 1
    assert report.read_text(encoding="utf-8") == REPORT
    assert xattrs(report) == attributes


def test_a_new_report_gets_the_mode_of_a_new_file(run, tmp_path: Path) -> None:
    (tmp_path / "a.wiki").write_text(DEFECT, encoding="utf-8")
    umask = os.umask(0o027)
    try:
        assert run("check", "a.wiki", "--output-file", "report.txt").exit_code == 1
    finally:
        os.umask(umask)
    assert stat.S_IMODE((tmp_path / "report.txt").stat().st_mode) == 0o640
    assert (tmp_path / "report.txt").read_text(encoding="utf-8") == REPORT


def test_a_failed_run_leaves_the_old_report(run, tmp_path: Path) -> None:
    (tmp_path / "a.wiki").write_text(DEFECT, encoding="utf-8")
    (tmp_path / "report.txt").write_text("old\n", encoding="utf-8")
    result = run("check", "--select", "NOPE", "a.wiki", "--output-file", "report.txt")
    assert result.exit_code == 2
    assert result.stderr == "wikilint: error: --select: unknown rule, code or prefix 'NOPE'\n"
    assert (tmp_path / "report.txt").read_text(encoding="utf-8") == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.wiki", "report.txt"]


def test_fixed_standard_input_goes_to_stdout_and_the_report_to_the_file(run, tmp_path) -> None:
    # Issue 12 review: `check --fix --output-file rep.txt - < a.wiki > fixed.txt` put the
    # fixed article and the report into rep.txt (invalid JSON with --format json).
    flags = ("check", "--isolated", "--select", "WL103,WL6", "--fix", "--format", "json")
    result = run(*flags, "--output-file", "rep.json", "-", input="The the cat -- here.\n")
    assert (result.exit_code, result.stdout) == (1, "The the cat—here.\n")
    report = json.loads((tmp_path / "rep.json").read_text(encoding="utf-8"))
    assert [(item["path"], item["code"]) for item in report] == [("<stdin>", "WL103")]
    assert result.stderr == ""


def test_a_diff_goes_to_stdout_and_the_report_to_the_file(run, tmp_path: Path) -> None:
    (tmp_path / "a.wiki").write_text("The cat -- here.\n", encoding="utf-8")
    flags = ("check", "--isolated", "--select", "WL6", "--format", "concise")
    result = run(*flags, "--diff", "--output-file", "rep2.txt", "a.wiki")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "--- a/a.wiki",
        "+++ b/a.wiki",
        "@@ -1 +1 @@",
        "-The cat -- here.",
        "+The cat—here.",
    ]
    assert (tmp_path / "rep2.txt").read_text(encoding="utf-8") == (
        "a.wiki:1:9 WL601 double-hyphen-dash “--” used as a dash: write “—”\n"
    )
    assert result.stderr == ""


def test_standard_input_redirected_from_the_report_file_is_refused(tmp_path: Path) -> None:
    # Issue 12 review: `check --output-file X - < X` replaced X with the report.
    article = tmp_path / "x.wiki"
    article.write_text(DEFECT, encoding="utf-8")
    command = [sys.executable, "-m", "wikilint", "check", "--isolated", "--output-file", "x.wiki"]
    with article.open("rb") as stdin:
        result = subprocess.run(
            [*command, "-"], stdin=stdin, cwd=tmp_path, capture_output=True, text=True, check=False
        )
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == "wikilint: error: --output-file x.wiki would replace the input -\n"
    assert article.read_text(encoding="utf-8") == DEFECT
