"""``wikilint check``: findings, positions, output streams and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from helpers import SEED

from wikilint.batch import process as runner
from wikilint.batch.walk import MAX_NESTED_GITIGNORES
from wikilint.cli import check
from wikilint.output import FORMATTERS

CLEAN = """'''Paris''' is the capital and most populous city of [[France]].

== History ==
The city grew up on an island in the [[Seine]] and became a royal seat in the Middle Ages.\
<ref>{{cite book |last=Jones |title=Paris: Biography of a City |year=2004}}</ref> Its medieval \
university drew scholars from across Europe.<ref>{{cite book |last=Hussey |title=Paris: The \
Secret History |year=2006}}</ref>

== References ==
{{reflist}}

[[Category:Cities in France]]
"""
DEFECT = "The cat sat on the the mat.\n"


def findings_of(result) -> list[dict]:
    return json.loads(result.stdout)


def test_the_sample_yields_every_mission_defect_with_exact_positions(run) -> None:
    result = run("check", "--format", "json", str(SEED))
    assert result.exit_code == 1
    found = {(f["rule"], f["line"], f["column"]) for f in findings_of(result)}
    assert {
        ("duplicate-paragraph", 4, 1),
        ("doubled-word", 3, 186),
        ("doubled-word", 4, 186),
        ("empty-section", 5, 1),
    } <= found
    assert not any(rule == "unsourced-claim" for rule, _, _ in found)  # off by default
    extended = run("check", "--format", "json", "--extend-select", "WL104", str(SEED))
    assert [f["line"] for f in findings_of(extended) if f["rule"] == "unsourced-claim"] == [1]


def test_the_sample_fails_the_default_gate_on_its_warnings_not_its_info(run) -> None:
    warnings = ("--select", "duplicate-paragraph,doubled-word,empty-section")
    assert run("check", *warnings, str(SEED)).exit_code == 1
    advice = ("--select", "unsourced-claim,long-paragraph")  # info findings only
    found = findings_of(run("check", "--format", "json", *advice, str(SEED)))
    assert found and {finding["severity"] for finding in found} == {"info"}
    assert run("check", *advice, str(SEED)).exit_code == 0
    assert run("check", *advice, "--fail-on", "info", str(SEED)).exit_code == 1


def test_json_findings_have_exactly_the_documented_keys(run) -> None:
    duplicate = next(
        f
        for f in findings_of(run("check", "--format", "json", str(SEED)))
        if f["rule"] == "duplicate-paragraph"
    )
    position_keys = {"line", "column", "end_line", "end_column", "offset", "end_offset"}
    keys = {"path", "code", "rule", "severity", "message", "related"} | position_keys
    assert keys <= set(duplicate)
    assert duplicate["path"] == str(SEED)
    assert duplicate["severity"] in {"error", "warning", "info"}
    [related] = duplicate["related"]
    assert set(related) == position_keys | {"message"}
    assert (related["line"], related["column"]) == (3, 1)
    source = SEED.read_text(encoding="utf-8")
    assert source[related["offset"] : related["end_offset"]].startswith("Stalin's goals")


def test_a_clean_article_exits_zero(run, tmp_path: Path) -> None:
    (tmp_path / "clean.wiki").write_text(CLEAN, encoding="utf-8")
    result = run("check", "clean.wiki")
    assert (result.exit_code, result.stdout) == (0, "")


@pytest.mark.parametrize("output_format", sorted(FORMATTERS))
def test_exit_codes_are_the_same_in_every_format(run, tmp_path: Path, output_format) -> None:
    (tmp_path / "clean.wiki").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "defect.wiki").write_text(DEFECT, encoding="utf-8")
    assert run("check", "--format", output_format, "clean.wiki").exit_code == 0
    assert run("check", "--format", output_format, "defect.wiki").exit_code == 1
    assert run("check", "--format", output_format, "missing.wiki").exit_code == 2


def test_unreadable_inputs_are_one_line_errors_and_others_are_still_checked(
    run, tmp_path: Path
) -> None:
    (tmp_path / "defect.wiki").write_text(DEFECT, encoding="utf-8")
    (tmp_path / "latin1.wiki").write_bytes("Café".encode("latin-1"))
    result = run("check", "--format", "json", "missing.wiki", "latin1.wiki", "defect.wiki")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "wikilint: error: missing.wiki: no such file or directory",
        "wikilint: error: latin1.wiki: not valid UTF-8 (byte 0xe9 at offset 3)",
    ]
    assert [(f["path"], f["code"]) for f in findings_of(result)] == [("defect.wiki", "WL103")]


def test_bom_and_crlf_keep_positions_exact(run, tmp_path: Path) -> None:
    path = tmp_path / "crlf.wiki"
    path.write_bytes("\ufeffFirst line.\r\nThe cat sat on the the mat.\r\n".encode())
    [finding] = findings_of(run("check", "--format", "json", "--select", "WL103", str(path)))
    assert (finding["line"], finding["column"], finding["end_column"]) == (2, 20, 23)


def test_paths_with_spaces_and_non_ascii_names(run, tmp_path: Path) -> None:
    folder = tmp_path / "Статьи и заметки"
    folder.mkdir()
    (folder / "Piña colada.wiki").write_text(DEFECT, encoding="utf-8")
    result = run("check", "--format", "concise", "--select", "WL103", str(folder))
    assert result.exit_code == 1
    assert result.stdout.startswith(f"{folder / 'Piña colada.wiki'}:1:20 WL103 doubled-word ")


def test_standard_input(run) -> None:
    result = run("check", "--format", "concise", "-", input=DEFECT)
    assert result.exit_code == 1
    assert result.stdout.startswith("<stdin>:1:20 WL103 doubled-word")


def test_full_format_shows_the_source_and_underlines_the_span(run, tmp_path: Path) -> None:
    (tmp_path / "defect.wiki").write_text(DEFECT, encoding="utf-8")
    lines = run("check", "--format", "full", "defect.wiki").stdout.splitlines()
    assert lines[0] == 'defect.wiki:1:20 WL103 doubled-word "the" is written twice in a row'
    assert lines[2] == "1 | The cat sat on the the mat."
    assert lines[3] == "  |                    ^^^"
    assert "\x1b[" not in "".join(lines)
    assert lines[-2:] == [
        "Found 1 problem (0 errors, 1 warning, 0 info) in 1 file.",
        "1 more fixable with --fix --unsafe-fixes.",
    ]


def test_full_format_crops_long_lines_around_the_span(run, tmp_path: Path) -> None:
    prose = "Words of filler text go here. " * 40 + "The cat sat on the the mat. " + "More. " * 40
    (tmp_path / "long.wiki").write_text(prose + "\n", encoding="utf-8")
    lines = run("check", "--format", "full", "--select", "WL103", "long.wiki").stdout.splitlines()
    excerpt, underline = lines[2], lines[3]
    assert excerpt.startswith("1 | …") and excerpt.endswith("…")
    assert len(excerpt) <= 100
    caret = underline.index("^")
    assert excerpt[caret : caret + 3] == "the"


def test_colour_follows_the_flag_and_no_color(run, tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "defect.wiki").write_text(DEFECT, encoding="utf-8")
    assert "\x1b[" in run("check", "--format", "full", "--color", "defect.wiki").stdout
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b[" not in run("check", "--format", "full", "defect.wiki").stdout


def test_statistics_quiet_and_exit_zero(run, tmp_path: Path) -> None:
    (tmp_path / "defect.wiki").write_text(DEFECT * 2, encoding="utf-8")
    stats = run("check", "--statistics", "defect.wiki")
    assert stats.stdout.split() == ["2", "WL103", "doubled-word", "warning"]
    quiet = run("check", "--format", "full", "--quiet", "defect.wiki").stdout
    assert "Found" not in quiet and "WL103" in quiet
    assert run("check", "--exit-zero", "defect.wiki").exit_code == 0


def test_fail_on_sets_the_lowest_failing_severity(run, tmp_path: Path) -> None:
    (tmp_path / "defect.wiki").write_text(DEFECT, encoding="utf-8")  # a warning
    assert run("check", "--fail-on", "error", "defect.wiki").exit_code == 0
    assert run("check", "--fail-on", "warning", "defect.wiki").exit_code == 1


#: Two info findings (a doubled space, a superlative) and a warning (a doubled word).
MIXED = "The cat  sat on the mat. It is the the cat.\n"  # no claim for unsourced-claim


def test_info_findings_are_reported_but_fail_only_with_fail_on_info(run, tmp_path: Path) -> None:
    (tmp_path / "info.wiki").write_text("The cat  sat on the mat.\n", encoding="utf-8")
    result = run("check", "--format", "full", "info.wiki")
    assert result.exit_code == 0
    assert "info.wiki:1:8 WL602 doubled-space doubled space" in result.stdout
    assert "Found 1 problem (0 errors, 0 warnings, 1 info) in 1 file." in result.stdout
    assert run("check", "--fail-on", "info", "info.wiki").exit_code == 1
    strict = tmp_path / "strict"  # configuration files are looked up once per folder
    strict.mkdir()
    (strict / ".wikilint.toml").write_text('fail-on = "info"\n', encoding="utf-8")
    (strict / "info.wiki").write_text("The cat  sat on the mat.\n", encoding="utf-8")
    assert run("check", "strict/info.wiki").exit_code == 1


def test_min_severity_hides_lower_findings(run, tmp_path: Path) -> None:
    (tmp_path / "mixed.wiki").write_text(MIXED, encoding="utf-8")
    shown = run("check", "--min-severity", "warning", "mixed.wiki")
    assert shown.stdout == 'mixed.wiki:1:36 WL103 doubled-word "the" is written twice in a row\n'
    assert shown.exit_code == 1
    assert run("check", "--min-severity", "error", "mixed.wiki").stdout == ""
    assert run("check", "--min-severity", "error", "mixed.wiki").exit_code == 0
    # Hidden findings do not fail the run, whatever fail-on says.
    hidden = run("check", "--min-severity", "warning", "--fail-on", "info", "--ignore", "WL103",
                 "mixed.wiki")  # fmt: skip
    assert (hidden.stdout, hidden.exit_code) == ("", 0)
    quiet = tmp_path / "quiet"
    quiet.mkdir()
    (quiet / ".wikilint.toml").write_text('min-severity = "warning"\n', encoding="utf-8")
    (quiet / "mixed.wiki").write_text(MIXED, encoding="utf-8")
    assert run("check", "quiet/mixed.wiki").stdout == f"quiet/{shown.stdout}"
    assert run("check", "--min-severity", "info", "quiet/mixed.wiki").stdout == (
        f"quiet/mixed.wiki:1:8 WL602 doubled-space doubled space\nquiet/{shown.stdout}"
    )


def test_min_severity_must_be_a_severity(run, tmp_path: Path) -> None:
    result = run("check", "--min-severity", "fatal", "x.wiki")
    assert result.exit_code == 2
    (tmp_path / ".wikilint.toml").write_text('min-severity = "fatal"\n', encoding="utf-8")
    result = run("check", "x.wiki")
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        f"wikilint: error: {tmp_path / '.wikilint.toml'}: min-severity: expected one of "
        "info, warning, error, got 'fatal'"
    )


def test_output_file_receives_the_report(run, tmp_path: Path) -> None:
    (tmp_path / "defect.wiki").write_text(DEFECT, encoding="utf-8")
    result = run("check", "--format", "json", "--output-file", "report.json", "defect.wiki")
    assert result.exit_code == 1 and result.stdout == ""
    assert json.loads((tmp_path / "report.json").read_text())[0]["code"] == "WL103"


def test_github_format_is_chosen_on_github_actions(run, tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "a, b.wiki").write_text(DEFECT, encoding="utf-8")
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    line = run("check", "a, b.wiki").stdout.strip()
    assert line.startswith("::warning file=a%2C b.wiki,line=1,col=20,endLine=1,endColumn=23,")
    assert line.endswith('::WL103 "the" is written twice in a row')


def test_usage_errors_exit_two(run) -> None:
    assert run("check").exit_code == 2
    assert run("check", "--format", "xml", "x.wiki").exit_code == 2
    result = run("explain", "no-such-rule")
    assert result.exit_code == 2
    assert (
        result.stderr
        == "wikilint: error: unknown rule 'no-such-rule'; `wikilint rules` lists them\n"
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["check", "--fxi", "a.wiki"], "no such option '--fxi' (did you mean one of: "
         "'--config', '--fix'?)"),
        (["check"], "missing argument 'PATHS...'"),
        (["check", "--format", "xml", "a.wiki"], "invalid value for '--format': 'xml' is not "
         "one of 'concise', 'full', 'github', 'gitlab', 'json', 'jsonl', 'junit', 'sarif'"),
        (["chek", "a.wiki"], "no such command 'chek' (did you mean 'check'?)"),
    ],
)  # fmt: skip
def test_a_usage_error_is_one_line(args: list[str], message: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "wikilint", *args], capture_output=True, text=True, check=False
    )
    assert (done.returncode, done.stdout, done.stderr) == (2, "", f"wikilint: error: {message}\n")


def test_python_dash_m_and_an_unexpected_crash_without_traceback(tmp_path: Path) -> None:
    (tmp_path / "defect.wiki").write_text(DEFECT, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "wikilint", "check", "--format", "concise", "defect.wiki"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1 and "WL103" in done.stdout
    crash = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, wikilint.cli.check, wikilint.cli.main\n"
            "def boom(*a, **k): raise RuntimeError('disk on fire')\n"
            "wikilint.cli.check.process_path = boom\n"
            "sys.argv = ['wikilint', 'check', '--no-cache', 'defect.wiki']\n"
            "wikilint.cli.main.main()",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert crash.returncode == 2
    assert crash.stderr == "wikilint: internal error: RuntimeError: disk on fire\n"


def test_rules_and_explain(run) -> None:
    listing = run("rules").stdout.splitlines()
    assert listing[0].split() == ["code", "name", "severity", "default", "fix", "summary"]
    assert any(
        line.split()[:5] == ["WL601", "double-hyphen-dash", "warning", "on", "safe"]
        for line in listing
    )
    assert any(line.split()[:2] == ["WL101", "duplicate-paragraph"] for line in listing)
    explained = run("explain", "WL103").stdout
    assert "WL103 doubled-word" in explained and "Bad (flagged)" in explained
    gate = "A warning finding fails the run (exit code 1) by default."
    assert explained.splitlines()[3] == gate
    assert run("explain", "WL602").stdout.splitlines()[3] == (
        "An info finding is reported but fails the run only with `--fail-on info`."
    )


def test_explain_shows_option_docs_fix_safety_and_precision(run) -> None:
    output = run("explain", "WL103").stdout
    lines = output.splitlines()
    header = next(line for line in lines if line.lstrip().startswith("option"))
    assert header.split()[-1] == "description"
    row = next(line for line in lines if line.lstrip().startswith("max-words"))
    assert row.split("│")[-1].strip().startswith("Longest phrase")
    words = " ".join(output[output.index("Fix safety") :].split())  # rich wraps at the width
    assert words.startswith("Fix safety Unsafe: the fix removes the second copy")
    assert words.endswith(
        "Precision: 6/6 findings read as correct on the shared corpus (en, en-extra, intl), "
        "2026-12-01"
    )
    assert "Fix safety" not in run("explain", "WL102").stdout


@pytest.mark.parametrize("key", ["WL002", "parse-timeout", "wl002"])
def test_explain_documents_the_engine_findings(run, key: str) -> None:
    result = run("explain", key)
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[:4] == [
        "WL002 parse-timeout",
        "The article took longer than its time budget and was not linted.",
        "severity: error · enabled by default: always · fix: none · languages: all",
        "An error finding fails the run (exit code 1) by default.",
    ]
    assert "`--timeout` seconds (2 by default)" in result.stdout
    assert "Bad (flagged)" not in result.stdout


def test_rules_lists_the_engine_findings(run) -> None:
    listing = [line.split()[:5] for line in run("rules").stdout.splitlines()[1:4]]
    assert listing == [
        ["WL000", "internal-error", "error", "always", "-"],
        ["WL002", "parse-timeout", "error", "always", "-"],
        ["WL003", "unused-suppression", "warning", "off", "-"],
    ]
    assert "WL000 internal-error" in run("explain", "internal-error").stdout


@pytest.mark.parametrize("kind", ["files", "dump"])
def test_a_reader_that_stops_early_gets_no_error_message(tmp_path: Path, kind: str) -> None:
    from wikilint.inputs.dumps import Page, write_dump

    text = "The cat sat on the the mat.\n" * 400  # far more output than a pipe buffers
    if kind == "dump":
        pages = [Page(f"Cat {n}", 0, n, n, text, "en") for n in range(1, 6)]
        write_dump(pages, tmp_path / "wiki.xml")
        target = "wiki.xml"
    else:
        for n in range(5):
            (tmp_path / f"cat{n}.wiki").write_text(text, encoding="utf-8")
        target = "."
    command = f"{sys.executable} -m wikilint check --format json {target} 2>err.txt | head -c 10"
    subprocess.run(command, shell=True, cwd=tmp_path, check=False, capture_output=True)
    assert (tmp_path / "err.txt").read_text(encoding="utf-8") == ""


def test_a_folder_without_wikitext_warns_and_passes(run, tmp_path: Path) -> None:
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "readme.md").write_text("# Notes\n", encoding="utf-8")
    result = run("check", "notes")
    assert result.exit_code == 0
    assert result.stderr == (
        "wikilint: warning: no wikitext files found under the given paths (folders yield "
        '*.wiki, *.wikitext, *.mediawiki files; name .txt files directly or add "*.txt" to '
        "extend-include in the configuration)\n"
    )


def test_check_and_fix_of_a_folder_neither_read_nor_write_vendored_or_ignored_files(
    run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 12: ``check --fix DIR`` rewrote ``node_modules/x/LICENSE.txt``."""
    fixable = "A -- B.\n"
    untouchable = [".git/COMMIT.wiki", ".venv/lib/site.wiki", "node_modules/x/LICENSE.txt"]
    untouchable += ["node_modules/x/README.wiki", "generated/page.wiki", "LICENSE.txt"]
    for name in [*untouchable, "wiki/Cat.wiki", "Dog.wiki"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(fixable, encoding="utf-8")
    (tmp_path / ".gitignore").write_text("generated/\n", encoding="utf-8")
    before = {name: (tmp_path / name).stat().st_mtime_ns for name in untouchable}
    read, written = [], []
    for reader in ("wikilint.batch.cache", "wikilint.batch.process"):  # each file read once
        monkeypatch.setattr(f"{reader}.read_source", recording(read, runner.read_source))
    monkeypatch.setattr("wikilint.cli.check.write_fix", recording(written, check.write_fix))

    checked = run("check", "--format", "json", ".")
    assert sorted({finding["path"] for finding in findings_of(checked)}) == [
        "Dog.wiki",
        "wiki/Cat.wiki",
    ]
    fixed = run("check", "--fix", ".")
    assert fixed.exit_code == 0, fixed.output
    assert read == ["Dog.wiki", "wiki/Cat.wiki"] * 2
    assert written == ["Dog.wiki", "wiki/Cat.wiki"]
    assert (tmp_path / "Dog.wiki").read_text(encoding="utf-8") == "A—B.\n"
    for name in untouchable:
        assert (tmp_path / name).read_text(encoding="utf-8") == fixable
        assert (tmp_path / name).stat().st_mtime_ns == before[name]


def recording(calls: list[str], function: Callable[..., Any]) -> Callable[..., Any]:
    """*function*, noting the path it is called with."""

    def record(path: str, *args: Any) -> Any:
        calls.append(path)
        return function(path, *args)

    return record


def test_force_exclude_applies_the_walks_choice_to_named_files(run, tmp_path: Path) -> None:
    for name in ("a.wiki", "notes.txt", "node_modules/x/b.wiki", "archive/c.wiki"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(DEFECT, encoding="utf-8")
    named = ["a.wiki", "notes.txt", "node_modules/x/b.wiki", "archive/c.wiki"]
    as_given = run("check", "--format", "json", "--exclude", "archive", *named)
    assert [finding["path"] for finding in findings_of(as_given)] == named
    forced = run("check", "--format", "json", "--exclude", "archive", "--force-exclude", *named)
    assert [finding["path"] for finding in findings_of(forced)] == ["a.wiki"]
    (tmp_path / "txt.toml").write_text('extend-include = ["*.txt"]\n', encoding="utf-8")
    included = run("check", "--format", "json", "--config", "txt.toml", "--force-exclude", *named)
    assert [finding["path"] for finding in findings_of(included)] == [*named[:2], named[3]]


def test_no_respect_gitignore_walks_ignored_folders(run, tmp_path: Path) -> None:
    (tmp_path / "generated").mkdir()
    (tmp_path / "generated" / "a.wiki").write_text(DEFECT, encoding="utf-8")
    (tmp_path / ".gitignore").write_text("generated/\n", encoding="utf-8")
    assert run("check", ".").exit_code == 0
    walked = run("check", "--format", "json", "--no-respect-gitignore", ".")
    assert [finding["path"] for finding in findings_of(walked)] == ["generated/a.wiki"]
    (tmp_path / "all.toml").write_text("respect-gitignore = false\n", encoding="utf-8")
    assert run("check", "--config", "all.toml", ".").exit_code == 1
    assert run("check", "--config", "all.toml", "--respect-gitignore", ".").exit_code == 0


def test_walk_settings_are_validated(run, tmp_path: Path) -> None:
    (tmp_path / ".wikilint.toml").write_text('force-exclude = "yes"\n', encoding="utf-8")
    result = run("check", ".")
    assert result.exit_code == 2
    assert result.stderr.startswith("wikilint: error: ")
    assert result.stderr.endswith(
        "/.wikilint.toml: force-exclude: expected true or false, got 'yes'\n"
    )


def test_gitignore_files_nested_past_the_bound_are_a_one_line_error(run, tmp_path: Path) -> None:
    folder = tmp_path / "wiki"
    for _ in range(MAX_NESTED_GITIGNORES + 1):
        folder.mkdir(parents=True)
        (folder / ".gitignore").write_text("*.log\n", encoding="utf-8")
        (folder / "a.wiki").write_text(DEFECT, encoding="utf-8")
        folder /= "d"
    result = run("check", "wiki")
    assert result.exit_code == 2
    bound = f"more than {MAX_NESTED_GITIGNORES} nested .gitignore files"
    assert result.stderr == (
        f"wikilint: error: wiki{'/d' * MAX_NESTED_GITIGNORES}: {bound} "
        "(--no-respect-gitignore walks without them)\n"
    )
    assert run("check", "--no-respect-gitignore", "--statistics", "wiki").exit_code == 1


@pytest.mark.parametrize(
    ("flags", "error"),
    [
        (("--timeout", "nan"), "'--timeout': 'nan' is not a finite number of seconds"),
        (("--timeout", "inf"), "'--timeout': inf is not in the range 0<=x<=86400"),
        (("--timeout", "-1"), "'--timeout': -1.0 is not in the range 0<=x<=86400"),
        (("--jobs", "99999"), "'--jobs' / '-j': 99999 is not in the range 1<=x<=1024"),
    ],
)
def test_numbers_on_the_command_line_are_range_checked(
    run, tmp_path: Path, flags: tuple[str, str], error: str
) -> None:
    """Issue 12: ``--timeout nan`` ended in "internal error: ValueError"."""
    (tmp_path / "a.wiki").write_text("The cat sat.\n", encoding="utf-8")
    result = run("check", *flags, "a.wiki")
    assert result.exit_code == 2
    assert result.stderr == f"wikilint: error: invalid value for {error}\n"
