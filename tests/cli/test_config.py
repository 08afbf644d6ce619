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


def assert_config_error(run, config: Path, text: str, problem: str) -> None:
    """``check`` beside *config* holding *text* fails with one line: the file, then *problem*."""
    write(config, text)
    write(config.parent / "a.wiki", DOUBLE)
    result = run("check", "a.wiki")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == f"wikilint: error: {config.resolve()}: {problem}\n"


def codes(result) -> list[str]:
    return [line.split()[1] for line in result.stdout.splitlines()]


def test_pyproject_table_is_read_and_the_nearest_file_wins(run, tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool.wikilint]\nignore = ["doubled-word"]\n')
    write(tmp_path / "a.wiki", DOUBLE)
    write(tmp_path / "sub" / ".wikilint.toml", 'select = ["WL103"]\n')
    write(tmp_path / "sub" / "b.wiki", DOUBLE)
    result = run("check", "--format", "concise", "a.wiki", "sub/b.wiki")
    assert [line.split(":")[0] for line in result.stdout.splitlines()] == ["sub/b.wiki"]


def test_a_pyproject_is_parsed_once_for_every_folder_below_it(run, tmp_path, monkeypatch) -> None:
    # Review item: it was parsed to find the configuration file (once per folder searched
    # from), then again to load it.
    import wikilint.config.files

    write(tmp_path / "pyproject.toml", '[tool.wikilint]\nignore = ["doubled-word"]\n')
    for name in ("a.wiki", "x/b.wiki", "y/c.wiki"):
        write(tmp_path / name, DOUBLE + "A -- B.\n")
    parsed: list[str] = []
    read_toml = wikilint.config.files.read_toml

    def counted(path: Path):
        parsed.append(path.name)
        return read_toml(path)

    monkeypatch.setattr(wikilint.config.files, "read_toml", counted)
    result = run("check", "--format", "concise", "a.wiki", "x/b.wiki", "y/c.wiki")
    assert codes(result) == ["WL601"] * 3
    assert parsed == ["pyproject.toml"]
    write(tmp_path / "pyproject.toml", '[tool.wikilint]\nignore = ["WL601"]\n')
    wikilint.config.files.find_config_file.cache_clear()  # what the language server does
    wikilint.config.files.load_config.cache_clear()
    assert codes(run("check", "--format", "concise", "a.wiki")) == ["WL103"]
    assert parsed == ["pyproject.toml"] * 2  # a new version of the file is parsed again


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


@pytest.mark.parametrize(
    ("pyproject", "problem"),
    [
        (
            '[tool.wikilint]\nignore = ["doubled-word"\n',
            "invalid TOML (Unclosed array (at end of document))",
        ),
        ('[project]\nname = "x\n', "invalid TOML (Illegal character '\\n' (at line 2, column 10))"),
        ("[tool.wikilint]\nignor = []\n", "tool.wikilint.ignor: unknown key"),
        ("[tool]\nwikilint = 3\n", "tool.wikilint: expected a table, got 3"),
        ('tool = "wikilint"\n', "tool: expected a table, got 'wikilint'"),
    ],
)
def test_an_invalid_pyproject_on_the_search_path_is_an_error_not_passed_over(
    run, tmp_path: Path, pyproject: str, problem: str
) -> None:
    assert_config_error(run, tmp_path / "pyproject.toml", pyproject, problem)


@pytest.mark.parametrize(
    ("table", "problem"),
    [
        (
            "[rules.long-paragraph]\nmax-words = -5",
            "max-words: expected int from 1 to 1_000_000, got -5",
        ),
        ("[rules.long-paragraph]\nmax-words = nan", "max-words: expected int, got nan"),
        ("[rules.long-paragraph]\nmax-words = inf", "max-words: expected int, got inf"),
        (
            "[rules.long-paragraph]\nmax-words = 1" + "0" * 60,
            "max-words: expected int from 1 to 1_000_000, got 1" + "0" * 36 + "...",
        ),
        (
            "[rules.duplicate-paragraph]\nthreshold = nan",
            "threshold: expected a finite float, got nan",
        ),
        (
            "[rules.duplicate-paragraph]\nthreshold = inf",
            "threshold: expected a finite float, got inf",
        ),
        (
            "[rules.duplicate-paragraph]\nthreshold = 1" + "0" * 400,
            "threshold: expected float, got 1" + "0" * 36 + "...",
        ),
        ("[rules.doubled-word]\nmax-words = 0", "max-words: expected int from 1 to 100, got 0"),
        ("[rules.unsourced-claim]\nmin-cues = 10", "min-cues: expected int from 0 to 9, got 10"),
        (
            "[rules.unsourced-claim]\nthreshold = 1.5",
            "threshold: expected float from 0.0 to 1.0, got 1.5",
        ),
    ],
)
def test_rule_options_out_of_range_are_usage_errors(
    run, tmp_path: Path, table: str, problem: str
) -> None:
    rule = table.split("]")[0].removeprefix("[")
    assert_config_error(run, tmp_path / ".wikilint.toml", table + "\n", f"{rule}.{problem}")


LONG_KEY = "invalid TOML (a dotted key of more than 32 parts)"


@pytest.mark.parametrize(
    ("toml", "problem"),
    [
        ("x = " + "[" * 5000 + "1" + "]" * 5000, "invalid TOML (nesting too deep)"),
        ("x = " + "{a = " * 5000 + "1" + "}" * 5000, "invalid TOML (nesting too deep)"),
        # tomllib is quadratic in a dotted key's parts: this one would take some 40 GB
        ("select." + ".".join(["a"] * 100_000) + " = 1", LONG_KEY),
        ("[rules . " + " . ".join(['"a"'] * 33) + "]", LONG_KEY),
        ("[rules." + ".".join(["a"] * 31) + "]", "rules.a: unknown rule"),  # 32 parts: read
    ],
)
def test_deeply_nested_toml_is_a_one_line_error(
    run, tmp_path: Path, toml: str, problem: str
) -> None:
    assert_config_error(run, tmp_path / ".wikilint.toml", toml + "\n", problem)


def test_an_oversized_configuration_file_is_refused_unread(run, tmp_path: Path) -> None:
    path = write(tmp_path / "big.toml", "# " + "x" * 1024 * 1024 + "\n")
    result = run("check", "--config", str(path), "a.wiki")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == f"wikilint: error: {path}: larger than 1024 KB\n"


def test_a_long_bad_per_file_ignores_flag_is_quoted_cut_short(run, tmp_path: Path) -> None:
    write(tmp_path / "a.wiki", DOUBLE)
    result = run("check", "--per-file-ignores", "x" * 5000, "a.wiki")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        f"wikilint: error: --per-file-ignores: expected GLOB:RULE[,RULE], got '{'x' * 36}...\n"
    )


KNOWN = (
    "af, ar, be, bn, ca, cs, da, de, el, en, es, fi, fo, fr, gu, he, hi, hy, id, it, ja, ka, "
    "kn, ko, mk, ml, mr, nb, nl, nn, no, pa, pl, pt, ro, ru, sr, sv, ta, te, th, tr, uk, vi, zh"
)


def test_an_unknown_language_code_is_an_error_listing_the_known_ones(run, tmp_path: Path) -> None:
    write(tmp_path / "a.wiki", DOUBLE)
    result = run("check", "--language", "eng", "a.wiki")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        f"wikilint: error: --language: unknown language code 'eng' (known: {KNOWN})\n"
    )
    path = write(tmp_path / ".wikilint.toml", 'language = "EN"\n')
    result = run("check", "a.wiki")
    assert result.exit_code == 2
    assert result.stderr == (
        f"wikilint: error: {path.resolve()}: language: "
        f"unknown language code 'EN' (known: {KNOWN})\n"
    )
    assert run("check", "--isolated", "--language", "en", "a.wiki").exit_code == 1


def test_rules_and_explain_show_the_packs_of_the_configuration_and_the_flag(
    run, tmp_path: Path
) -> None:
    write(tmp_path / "style" / "house.toml", HOUSE_PACK)
    write(tmp_path / ".wikilint.toml", 'rule-packs = ["style"]\n')
    listing = run("rules").stdout
    header = listing.splitlines()[0]
    width = header.index("severity") - header.index("name") - 1  # the longest rule name
    row = f"HS101   {'no-utilize':<{width}} warning  on      safe   Plain words.\n"
    assert row in listing
    assert "| [HS101](#hs101-no-utilize) | `no-utilize` |" in run("rules", "--markdown").stdout
    explained = run("explain", "no-utilize")
    assert explained.exit_code == 0
    assert explained.stdout.splitlines()[:2] == ["HS101 no-utilize", "Plain words."]
    assert row not in run("rules", "--isolated").stdout
    assert row in run("rules", "--isolated", "--rule-packs", "style").stdout
    assert run("explain", "--isolated", "HS101").exit_code == 2
    assert run("explain", "--isolated", "--rule-packs", "style/house.toml", "HS101").exit_code == 0
    other = write(tmp_path / "other.toml", 'rule-packs = ["missing"]\n')
    result = run("rules", "--config", str(other))
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        f"wikilint: error: {other}: {tmp_path / 'missing'}: no such pack file or folder\n"
    )


PLACEHOLDERS = "is not one of {match}, {replacement}"


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (
            ("{match}", "{match:>200000000}"),
            f"message placeholder '{{match:>200000000}}' {PLACEHOLDERS}",
        ),
        (("{match}", "{match.nope}"), f"message placeholder '{{match.nope}}' {PLACEHOLDERS}"),
        (
            ("{match}", "{match.__class__.__mro__}"),
            f"message placeholder '{{match.__class__.__mro__}}' {PLACEHOLDERS}",
        ),
        (
            ('swap = { utilize = "use" }', 'swap_file = "/dev/zero"'),
            "swap_file '/dev/zero': outside FOLDER",
        ),
        (
            ('swap = { utilize = "use" }', 'swap_file = "../../../etc/passwd"'),
            "swap_file '../../../etc/passwd': outside FOLDER",
        ),
    ],
)
def test_a_pack_with_a_hostile_message_or_swap_file_is_refused_as_it_loads(
    run, tmp_path: Path, change: tuple[str, str], problem: str
) -> None:
    pack = write(tmp_path / "style" / "house.toml", HOUSE_PACK.replace(*change)).resolve()
    write(tmp_path / "a.wiki", "We utilize the tools.\n")
    result = run("check", "--rule-packs", "style", "a.wiki")
    assert (result.exit_code, result.stdout) == (2, "")
    problem = problem.replace("FOLDER", str(pack.parent))
    assert result.stderr == f"wikilint: error: {pack}: rule HS101: {problem}\n"
