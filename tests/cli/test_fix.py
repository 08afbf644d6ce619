"""``check --fix``, ``--unsafe-fixes`` and ``--diff`` from the command line."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

TEXT = "The cat sat on the the mat -- quietly.\n"


def test_fix_applies_safe_fixes_only_and_reports_the_rest(run, tmp_path: Path) -> None:
    path = tmp_path / "a.wiki"
    path.write_text(TEXT, encoding="utf-8")
    result = run("check", "--fix", "--format", "full", "--select", "WL103,WL6", "a.wiki")
    assert path.read_text(encoding="utf-8") == "The cat sat on the the mat—quietly.\n"
    assert result.exit_code == 1  # the doubled word remains
    assert "Fixed 1 finding." in result.stdout
    assert "1 more fixable with --fix --unsafe-fixes." in result.stdout


def test_unsafe_fixes_remove_the_doubled_word(run, tmp_path: Path) -> None:
    path = tmp_path / "a.wiki"
    path.write_text(TEXT, encoding="utf-8")
    result = run("check", "--fix", "--unsafe-fixes", "--select", "WL103,WL6", "a.wiki")
    assert path.read_text(encoding="utf-8") == "The cat sat on the mat—quietly.\n"
    assert result.exit_code == 0


def test_fix_keeps_bom_and_crlf_line_endings(run, tmp_path: Path) -> None:
    path = tmp_path / "a.wiki"
    path.write_bytes("\ufeffFirst line.\r\nA -- B is here.\r\n".encode())
    run("check", "--fix", "--select", "WL6", "a.wiki")
    assert path.read_bytes() == "\ufeffFirst line.\r\nA—B is here.\r\n".encode()


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-32-be"])
def test_utf16_and_utf32_are_linted_and_fixed_in_their_encoding(
    run, tmp_path: Path, encoding: str
) -> None:
    path = tmp_path / "a.wiki"
    path.write_bytes("\ufeffFirst line.\r\nA -- B is here.\r\n".encode(encoding))
    found = run("check", "--format", "concise", "--select", "WL6", "a.wiki")
    assert (found.exit_code, found.stdout) == (
        1,
        "a.wiki:2:3 WL601 double-hyphen-dash “--” used as a dash: write “—”\n",
    )
    assert run("check", "--fix", "--select", "WL6", "a.wiki").exit_code == 0
    assert path.read_bytes() == "\ufeffFirst line.\r\nA—B is here.\r\n".encode(encoding)


def test_diff_prints_and_never_writes(run, tmp_path: Path) -> None:
    path = tmp_path / "a.wiki"
    path.write_text(TEXT, encoding="utf-8")
    result = run("check", "--diff", "--select", "WL6", "a.wiki")
    assert result.exit_code == 1
    assert path.read_text(encoding="utf-8") == TEXT
    assert result.stdout.splitlines() == [
        "--- a/a.wiki",
        "+++ b/a.wiki",
        "@@ -1 +1 @@",
        "-The cat sat on the the mat -- quietly.",
        "+The cat sat on the the mat—quietly.",
    ]
    clean = tmp_path / "b.wiki"
    clean.write_text("Nothing to fix.\n", encoding="utf-8")
    assert run("check", "--diff", "--select", "WL6", "b.wiki").exit_code == 0


def test_fixing_standard_input_prints_the_fixed_text(run) -> None:
    result = run("check", "--fix", "--select", "WL6", "-", input="A -- B.\n")
    assert result.stdout == "A—B.\n"


def test_json_findings_carry_their_fix(run, tmp_path: Path) -> None:
    (tmp_path / "a.wiki").write_text(TEXT, encoding="utf-8")
    findings = json.loads(run("check", "--format", "json", "--select", "WL103", "a.wiki").stdout)
    assert findings[0]["fix"] == {
        "applicability": "unsafe",
        "message": findings[0]["fix"]["message"],
        "edits": [{"offset": 18, "end_offset": 22, "content": ""}],
    }


def test_an_interrupted_write_leaves_the_original_intact(
    run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "a.wiki"
    path.write_text(TEXT, encoding="utf-8")

    def fail_between_temporary_file_and_rename(source, target):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail_between_temporary_file_and_rename)
    with pytest.raises(OSError, match="No space left"):
        run("check", "--fix", "--select", "WL6", "a.wiki")
    assert path.read_text(encoding="utf-8") == TEXT
    assert [p.name for p in tmp_path.iterdir()] == ["a.wiki"]  # no temporary file left
