"""Configuration files, precedence, validation and ``wikilint config``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

DOUBLE = "The cat sat on the the mat.\n"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def codes(result) -> list[str]:
    return [line.split()[1] for line in result.stdout.splitlines()]


def test_pyproject_table_is_read_and_the_nearest_file_wins(run, tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool.wikilint]\nignore = ["doubled-word"]\n')
    write(tmp_path / "a.wiki", DOUBLE)
    write(tmp_path / "sub" / ".wikilint.toml", 'select = ["WL103"]\n')
    write(tmp_path / "sub" / "b.wiki", DOUBLE)
    result = run("check", "--format", "concise", "a.wiki", "sub/b.wiki")
    assert [line.split(":")[0] for line in result.stdout.splitlines()] == ["sub/b.wiki"]


def test_dot_wikilint_toml_wins_over_pyproject_in_the_same_folder(run, tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool.wikilint]\nselect = ["WL101"]\n')
    write(tmp_path / ".wikilint.toml", 'select = ["WL103"]\n')
    write(tmp_path / "a.wiki", DOUBLE)
    assert codes(run("check", "--format", "concise", "a.wiki")) == ["WL103"]


def test_a_pyproject_without_the_table_is_passed_over(run, tmp_path: Path) -> None:
    write(tmp_path / ".wikilint.toml", 'ignore = ["WL103"]\n')
    write(tmp_path / "sub" / "pyproject.toml", '[project]\nname = "x"\n')
    write(tmp_path / "sub" / "a.wiki", DOUBLE)
    assert run("check", "sub/a.wiki").exit_code == 0


def test_command_line_overrides_the_file_and_isolated_ignores_it(run, tmp_path: Path) -> None:
    write(tmp_path / ".wikilint.toml", 'ignore = ["WL103"]\nfail-on = "error"\n')
    write(tmp_path / "a.wiki", DOUBLE)
    assert run("check", "a.wiki").exit_code == 0
    assert run("check", "--isolated", "a.wiki").exit_code == 1
    other = write(tmp_path / "elsewhere" / "strict.toml", 'select = ["WL103"]\n')
    assert run("check", "--config", str(other), "a.wiki").exit_code == 1
    assert run("check", "--fail-on", "warning", "--select", "WL103", "a.wiki").exit_code == 1


def test_rule_severity_and_options(run, tmp_path: Path) -> None:
    write(
        tmp_path / ".wikilint.toml",
        'select = ["doubled-word"]\n[rules.doubled-word]\nseverity = "error"\nallow = ["the"]\n',
    )
    write(tmp_path / "a.wiki", DOUBLE + "It is is so.\n")
    [finding] = json.loads(run("check", "--format", "json", "a.wiki").stdout)
    assert (finding["line"], finding["severity"]) == (2, "error")


def test_per_file_ignores_and_exclude(run, tmp_path: Path) -> None:
    write(
        tmp_path / ".wikilint.toml",
        'select = ["WL103"]\nexclude = ["archive/*"]\n[per-file-ignores]\n"drafts/*" = ["WL103"]\n',
    )
    for folder in ("drafts", "archive", "articles"):
        write(tmp_path / folder / "a.wiki", DOUBLE)
    result = run("check", "--format", "concise", ".")
    assert [line.split(":")[0] for line in result.stdout.splitlines()] == ["articles/a.wiki"]
    cli_ignore = run("check", "--per-file-ignores", "articles/*:doubled-word", ".")
    assert cli_ignore.exit_code == 0


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ("selct = []\n", ".wikilint.toml: selct: unknown key"),
        ('select = "WL1"\n', ".wikilint.toml: select: expected a list of strings, got 'WL1'"),
        ('select = ["WL9"]\n', ".wikilint.toml: select: unknown rule, code or prefix 'WL9'"),
        ('fail-on = "fatal"\n', "fail-on: expected one of info, warning, error, got 'fatal'"),
        ("[rules.no-such-rule]\n", ".wikilint.toml: rules.no-such-rule: unknown rule"),
        ("[rules.doubled-word]\nmax_word = 3\n", "rules.doubled-word.max_word: unknown option"),
        ('[rules.doubled-word]\nmax-words = "4"\n', "rules.doubled-word.max-words: expected int"),
        ('[rules.duplicate-paragraph]\nthreshold = "high"\n', "expected float, got 'high'"),
        ("select = [\n", ".wikilint.toml: invalid TOML"),
    ],
)
def test_invalid_configuration_is_one_line_naming_file_and_key(
    run, tmp_path: Path, config: str, message: str
) -> None:
    write(tmp_path / ".wikilint.toml", config)
    write(tmp_path / "a.wiki", DOUBLE)
    result = run("check", "a.wiki")
    assert result.exit_code == 2
    assert result.stderr.startswith("wikilint: error: ") and result.stderr.count("\n") == 1
    assert message in result.stderr


def test_config_command_prints_the_settings_in_force(run, tmp_path: Path) -> None:
    write(
        tmp_path / ".wikilint.toml",
        'select = ["WL1"]\n[rules.duplicate-paragraph]\nthreshold = 80\n',
    )
    settings = json.loads(run("config", ".").stdout)
    assert settings["config-file"].endswith(".wikilint.toml")
    assert settings["select"] == ["WL101", "WL102", "WL103", "WL104"]
    assert settings["rules"]["duplicate-paragraph"]["threshold"] == 80.0
    shown = json.loads(run("check", "--show-settings", "--select", "WL103", "x.wiki").stdout)
    assert shown["select"] == ["WL103"]


HOUSE_PACK = """[pack]
name = "house-style"

[[rules]]
code = "HS101"
name = "no-utilize"
kind = "substitution"
message = "write {replacement} instead of “{match}”"
summary = "Plain words."
why = "Plain words read better."
bad = "We utilize it."
good = "We use it."
swap = { utilize = "use" }
fix = "safe"
"""


def test_rule_packs_from_the_configuration_run_and_fix(run, tmp_path: Path) -> None:
    write(tmp_path / "style" / "house.toml", HOUSE_PACK)
    write(tmp_path / ".wikilint.toml", 'rule-packs = ["style"]\nselect = ["HS"]\n')
    write(tmp_path / "a.wiki", "We utilize the tools.\n")
    result = run("check", "--format", "concise", "a.wiki")
    assert result.stdout == "a.wiki:1:4 HS101 no-utilize write “use” instead of “utilize”\n"
    run("check", "--fix", "a.wiki")
    assert (tmp_path / "a.wiki").read_text(encoding="utf-8") == "We use the tools.\n"


def test_an_invalid_rule_pack_is_a_one_line_error(run, tmp_path: Path) -> None:
    write(tmp_path / "style" / "broken.toml", HOUSE_PACK.replace("substitution", "magic"))
    write(tmp_path / "a.wiki", "Text.\n")
    result = run("check", "--rule-packs", "style", "a.wiki")
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "broken.toml" in result.stderr
