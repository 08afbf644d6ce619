"""Start-up: each command imports only what it needs (issue 11, part 1).

Each case runs in a fresh interpreter and reads back the names in ``sys.modules``.
"""

from __future__ import annotations

import json
import subprocess
import sys

from helpers import SEED, fresh_python

#: Slow to import, and needed only by some commands: rich for the ``full`` format, the
#: progress bar and ``explain``; the parser, rapidfuzz and the rules and packs for linting;
#: requests for ``--site``; defusedxml for dumps; pathspec for folder walks.
HEAVY = (
    "rich",
    "mwparserfromhell",
    "rapidfuzz",
    "requests",
    "defusedxml",
    "pathspec",
    "multiprocessing",
    "wikilint.rules",
    "wikilint.packs.loader",
    "wikilint.packs.rule",
)
#: Prints the imported modules as JSON on stderr when the interpreter exits.
_REPORT_MODULES = (
    "import atexit, json, sys; "
    "atexit.register(lambda: print(json.dumps(sorted(sys.modules)), file=sys.stderr)); "
)


def modules_after(code: str) -> set[str]:
    return set(json.loads(fresh_python(_REPORT_MODULES + code).stderr.splitlines()[-1]))


def cli_modules(*args: str) -> set[str]:
    """The modules ``wikilint ARGS`` imported, its output going to a pipe."""
    return modules_after(
        f"from wikilint.cli.main import main; sys.argv = ['wikilint', *{list(args)!r}]; main()"
    )


def heavy(modules: set[str]) -> list[str]:
    return sorted(
        name
        for name in modules
        if any(name == root or name.startswith(f"{root}.") for root in HEAVY)
    )


def test_importing_the_cli_imports_nothing_heavy() -> None:
    modules = modules_after("import wikilint.cli.main")
    assert "wikilint.cli.main" in modules and "click" in modules
    assert heavy(modules) == []


def test_version_imports_nothing_heavy() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "wikilint", "--version"], capture_output=True, text=True
    )
    assert result.returncode == 0
    assert result.stdout.startswith("wikilint, version ")
    modules = cli_modules("--version")
    assert "wikilint.cli.main" in modules
    assert heavy(modules) == []


def test_help_imports_nothing_heavy() -> None:
    assert heavy(cli_modules("check", "--help")) == []


def test_the_public_names_load_on_first_use() -> None:
    modules = modules_after("import wikilint")
    assert sorted(name for name in modules if name.startswith("wikilint.")) == ["wikilint.lazy"]
    code = "from wikilint import Article, Rule; print(Rule.__module__, Article.__module__)"
    assert fresh_python(code).stdout == "wikilint.linter.rule wikilint.document.article\n"


def test_importing_packs_loads_no_pack() -> None:
    modules = modules_after("import wikilint.packs")
    assert "wikilint.packs" in modules
    assert heavy(modules) == []


def test_packs_load_on_first_use() -> None:
    code = (
        "import wikilint.packs as packs; "
        "print(sorted(rule.code for rule in packs.BUILTIN_PACK_RULES)[:2], "
        "packs.PackError.__module__)"
    )
    assert fresh_python(code).stdout == "['WL801', 'WL802'] wikilint.packs.schema\n"


def test_check_of_one_file_loads_only_the_linting_machinery() -> None:
    modules = cli_modules("check", "--format", "concise", str(SEED))
    assert {"mwparserfromhell", "wikilint.rules", "wikilint.packs.rule"} <= modules
    # no terminal: concise output and no progress bar, so no rich; no site, dump or walk
    assert not {"rich", "requests", "defusedxml", "pathspec"} & modules


def test_full_format_imports_rich() -> None:
    assert "rich" in cli_modules("check", "--format", "full", str(SEED))


def test_a_fully_cached_check_imports_neither_the_parser_nor_the_rules(
    tmp_path, monkeypatch
) -> None:
    monkeypatch.chdir(tmp_path)  # the fresh interpreters run here, the cache of the test
    (tmp_path / "a.wiki").write_text("The cat sat on the the mat -- quietly.\n", encoding="utf-8")
    assert "mwparserfromhell" in cli_modules("check", "a.wiki")  # a miss: linted
    cached = cli_modules("check", "a.wiki")
    assert "wikilint.batch.cache" in cached
    assert heavy(cached) == []  # nor rapidfuzz, the rules, the packs, multiprocessing or rich
    assert "wikilint.linter.registry" not in cached  # no entry point was read
