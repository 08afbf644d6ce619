"""``check --fix``, ``--unsafe-fixes`` and ``--diff`` from the command line."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import ACL_USER_1000_RW, set_xattrs_or_skip, xattrs

from wikilint.batch import guard
from wikilint.batch.guard import fix_guarded

TEXT = "The cat sat on the the mat -- quietly.\n"
FIXED = "The cat sat on the the mat—quietly.\n"


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


def test_diff_exits_0_when_nothing_would_change_though_findings_remain(run, tmp_path) -> None:
    (tmp_path / "a.wiki").write_text(TEXT, encoding="utf-8")
    result = run("check", "--diff", "--select", "WL103", "a.wiki")
    assert (result.exit_code, result.stdout) == (0, "")
    assert "a.wiki:1:20 WL103 doubled-word" in result.stderr
    unsafe = run("check", "--diff", "--unsafe-fixes", "--select", "WL103", "a.wiki")
    assert unsafe.exit_code == 1
    assert "+The cat sat on the mat -- quietly." in unsafe.stdout.splitlines()


def test_diff_exits_2_on_an_unreadable_input(run, tmp_path: Path) -> None:
    (tmp_path / "a.wiki").write_text(TEXT, encoding="utf-8")
    (tmp_path / "b.wiki").write_bytes(b"bad \xff byte\n")
    result = run("check", "--diff", "--select", "WL6", "a.wiki", "b.wiki")
    assert result.exit_code == 2
    assert "+The cat sat on the the mat—quietly." in result.stdout.splitlines()


def test_fixing_standard_input_prints_the_fixed_text(run) -> None:
    result = run("check", "--fix", "--select", "WL6", "-", input="A -- B.\n")
    assert result.stdout == "A—B.\n"


@pytest.mark.parametrize(
    ("flags", "stdin", "code", "report"),
    [
        (("--select", "WL6"), "Nothing to fix.\n", 0, ""),
        (("--select", "WL103"), TEXT, 1, '<stdin>:1:20 WL103 doubled-word "the" is written'),
        (
            ("--timeout", "0.3", "--select", "WL6"),
            "{{a|" * 8000 + "A -- B.\n",
            2,
            "<stdin>:1:1 WL002 parse-timeout not linted: parsing and checking took longer",
        ),
    ],
    ids=["clean", "unsafe-fix-only", "timeout"],
)
def test_fixing_standard_input_prints_the_text_when_nothing_was_fixed(
    run, flags: tuple[str, ...], stdin: str, code: int, report: str
) -> None:
    # Issue 12 review: as an editor filter (`:%!wikilint check --fix -`) an empty output
    # emptied the buffer; like ruff and black, the text comes back unchanged.
    result = run("check", "--fix", "--format", "concise", *flags, "-", input=stdin)
    assert (result.exit_code, result.stdout) == (code, stdin)
    assert result.stderr.startswith(report)


def test_json_findings_carry_their_fix(run, tmp_path: Path) -> None:
    (tmp_path / "a.wiki").write_text(TEXT, encoding="utf-8")
    findings = json.loads(run("check", "--format", "json", "--select", "WL103", "a.wiki").stdout)
    assert findings[0]["fix"] == {
        "applicability": "unsafe",
        "message": findings[0]["fix"]["message"],
        "edits": [{"offset": 18, "end_offset": 22, "content": ""}],
    }


def test_diff_reports_positions_in_the_file_on_disk(run, tmp_path: Path) -> None:
    # The dash fix before the doubled word shortens the line: in the fixed text, which is
    # never written, the second "the" is at column 20.
    (tmp_path / "a.wiki").write_text("The cat sat on -- the the mat.\n", encoding="utf-8")
    result = run("check", "--diff", "--format", "concise", "--select", "WL103,WL6", "a.wiki")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "a.wiki:1:16 WL601 double-hyphen-dash “--” used as a dash: write “—”",
        'a.wiki:1:23 WL103 doubled-word "the" is written twice in a row',
    ]
    assert result.stdout.splitlines()[-1] == "+The cat sat on—the the mat."


def test_diff_summary_says_what_would_be_fixed(run, tmp_path: Path) -> None:
    (tmp_path / "a.wiki").write_text(TEXT, encoding="utf-8")
    result = run("check", "--diff", "--format", "full", "--select", "WL103,WL6", "a.wiki")
    assert result.stderr.splitlines()[-3:] == [
        "Found 2 problems (0 errors, 2 warnings, 0 info) in 1 file.",
        "Would fix 1 finding.",
        "1 more fixable with --fix --unsafe-fixes.",
    ]


def test_inserted_lines_take_the_files_crlf_line_breaks(run, tmp_path: Path) -> None:
    path = tmp_path / "a.wiki"
    path.write_bytes(b"Text<ref>a</ref> more.\r\n")
    result = run("check", "--fix", "--unsafe-fixes", "a.wiki")
    assert result.exit_code == 0
    assert path.read_bytes() == b"Text<ref>a</ref> more.\r\n\r\n== References ==\r\n{{reflist}}\r\n"


def test_a_file_that_cannot_be_written_is_reported_and_the_run_goes_on(
    run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("a.wiki", "b.wiki"):
        (tmp_path / name).write_text(TEXT, encoding="utf-8")
    replace = os.replace

    def no_space_for_a(source: str, target: str) -> None:
        if str(target).endswith("a.wiki"):
            raise OSError(28, "No space left on device")
        replace(source, target)

    monkeypatch.setattr(os, "replace", no_space_for_a)
    result = run("check", "--fix", "--format", "concise", "--select", "WL103,WL6", ".")
    assert result.exit_code == 2
    assert result.stderr == "wikilint: error: a.wiki: not fixed: No space left on device\n"
    assert result.stdout.splitlines() == [  # a.wiki as it still is, b.wiki as fixed
        'a.wiki:1:20 WL103 doubled-word "the" is written twice in a row',
        "a.wiki:1:28 WL601 double-hyphen-dash “--” used as a dash: write “—”",
        'b.wiki:1:20 WL103 doubled-word "the" is written twice in a row',
    ]
    assert (tmp_path / "a.wiki").read_text(encoding="utf-8") == TEXT
    assert (tmp_path / "b.wiki").read_text(encoding="utf-8") == FIXED
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.wiki", "b.wiki"]  # no temporary


def test_a_read_only_file_is_not_fixed_even_by_root(run, tmp_path: Path) -> None:
    for name in ("a.wiki", "b.wiki"):
        (tmp_path / name).write_text(TEXT, encoding="utf-8")
    (tmp_path / "a.wiki").chmod(0o444)
    result = run("check", "--fix", "--select", "WL6", "a.wiki", "b.wiki")
    assert result.exit_code == 2
    assert result.stderr == "wikilint: error: a.wiki: not fixed: file is read-only\n"
    assert (tmp_path / "a.wiki").read_text(encoding="utf-8") == TEXT
    assert stat.S_IMODE((tmp_path / "a.wiki").stat().st_mode) == 0o444
    assert (tmp_path / "b.wiki").read_text(encoding="utf-8") == FIXED


@pytest.mark.skipif(os.geteuid() != 0, reason="only root can give a file to another user")
def test_a_fixed_file_keeps_its_owner_group_and_mode(run, tmp_path: Path) -> None:
    path = tmp_path / "a.wiki"
    path.write_text(TEXT, encoding="utf-8")
    os.chown(path, 1000, 1000)
    path.chmod(0o640)
    run("check", "--fix", "--select", "WL6", "a.wiki")
    assert path.read_text(encoding="utf-8") == FIXED
    status = path.stat()
    assert (status.st_uid, status.st_gid, stat.S_IMODE(status.st_mode)) == (1000, 1000, 0o640)


def test_a_fixed_file_keeps_its_extended_attributes_and_acl(run, tmp_path: Path) -> None:
    # Review item: the atomic rename kept owner and mode but dropped xattrs, and with them
    # the POSIX ACL that Linux stores as one.
    path = tmp_path / "a.wiki"
    path.write_text(TEXT, encoding="utf-8")
    attributes = {"user.origin": b"import", "system.posix_acl_access": ACL_USER_1000_RW}
    set_xattrs_or_skip(path, attributes)
    mode = stat.S_IMODE(path.stat().st_mode)
    result = run("check", "--fix", "--select", "WL6", "a.wiki")
    assert (result.exit_code, result.stderr) == (0, "")
    assert path.read_text(encoding="utf-8") == FIXED
    assert xattrs(path) == attributes
    assert stat.S_IMODE(path.stat().st_mode) == mode == 0o660  # the ACL's mask: group rw


@pytest.mark.skipif(
    os.geteuid() != 0 or shutil.which("setpriv") is None,
    reason="needs root and setpriv: root sets a security.* xattr, then fixes without the privilege",
)
def test_a_file_whose_xattr_cannot_be_kept_is_not_fixed(tmp_path: Path) -> None:
    # Setting a security.* attribute takes CAP_SYS_ADMIN: a run without it would drop the
    # attribute, so the file is left as it was, with one line and exit code 2.
    path = tmp_path / "a.wiki"
    path.write_text(TEXT, encoding="utf-8")
    set_xattrs_or_skip(path, {"security.wikilint-test": b"label"})
    unprivileged = ["setpriv", "--bounding-set", "-sys_admin", "--inh-caps", "-sys_admin"]
    command = [sys.executable, "-m", "wikilint", "check", "--isolated", "--no-cache", "--fix"]
    result = subprocess.run(
        [*unprivileged, *command, "--select", "WL6", "a.wiki"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert (result.returncode, result.stderr) == (
        2,
        "wikilint: error: a.wiki: not fixed: cannot keep its extended attribute "
        "security.wikilint-test (Operation not permitted)\n",
    )
    assert path.read_text(encoding="utf-8") == TEXT
    assert xattrs(path) == {"security.wikilint-test": b"label"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.wiki"]


def test_a_symbolic_link_stays_a_link_and_its_target_is_fixed(run, tmp_path: Path) -> None:
    (tmp_path / "articles").mkdir()
    target = tmp_path / "articles" / "a.wiki"
    target.write_text(TEXT, encoding="utf-8")
    (tmp_path / "link.wiki").symlink_to("articles/a.wiki")
    result = run("check", "--fix", "--select", "WL6", "link.wiki")
    assert result.exit_code == 0
    assert os.readlink(tmp_path / "link.wiki") == "articles/a.wiki"
    assert target.read_text(encoding="utf-8") == FIXED
    assert sorted(p.name for p in target.parent.iterdir()) == ["a.wiki"]


def test_a_file_with_hard_links_is_not_fixed(run, tmp_path: Path) -> None:
    path = tmp_path / "a.wiki"
    path.write_text(TEXT, encoding="utf-8")
    os.link(path, tmp_path / "b.wiki")
    result = run("check", "--fix", "--select", "WL6", "a.wiki")
    assert result.exit_code == 2
    assert result.stderr == "wikilint: error: a.wiki: not fixed: file has 2 hard links\n"
    assert path.read_text(encoding="utf-8") == TEXT
    assert path.stat().st_nlink == 2


def test_a_file_changed_while_being_fixed_is_not_overwritten(
    run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "a.wiki"
    path.write_text(TEXT, encoding="utf-8")
    other = "Another run fixed this—first.\n"

    def fix_while_another_run_writes(*args, **kwargs):
        fixed = fix_guarded(*args, **kwargs)
        path.write_text(other, encoding="utf-8")
        return fixed

    monkeypatch.setattr(guard, "fix_guarded", fix_while_another_run_writes)
    result = run("check", "--fix", "--select", "WL6", "a.wiki")
    assert result.exit_code == 2
    assert result.stderr == "wikilint: error: a.wiki: changed while being fixed; not written\n"
    assert result.stdout == ""
    assert path.read_text(encoding="utf-8") == other
    assert [p.name for p in tmp_path.iterdir()] == ["a.wiki"]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_file_named_twice_is_fixed_and_reported_once(run, tmp_path: Path, jobs: str) -> None:
    # Issue 12 review: findings were reported three times with --jobs 1, and with --jobs 2
    # the copies raced: "changed while being fixed; not written", exit 2.
    (tmp_path / "b.wiki").write_text(TEXT, encoding="utf-8")
    flags = ("check", "--no-cache", "--fix", "--format", "concise", "--select", "WL103,WL6")
    result = run(*flags, "--jobs", jobs, "b.wiki", "b.wiki", "./b.wiki")
    assert (result.exit_code, result.stderr) == (1, "")
    assert result.stdout == 'b.wiki:1:20 WL103 doubled-word "the" is written twice in a row\n'
    assert (tmp_path / "b.wiki").read_text(encoding="utf-8") == FIXED
