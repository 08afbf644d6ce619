"""``wikilint server`` on the command line: its errors, and what it costs other commands."""

from __future__ import annotations

import subprocess
import sys

BLOCK_LSP = "import sys; sys.modules['pygls'] = sys.modules['lsprotocol'] = None; "
RUN_CLI = "from wikilint.cli.main import main; sys.argv = ['wikilint', *sys.argv[1:]]; main()"


def run(code: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=60
    )


def test_without_the_lsp_extra_the_server_is_a_one_line_error() -> None:
    result = run(BLOCK_LSP + RUN_CLI, "server")
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (
        "wikilint: error: the language server needs the lsp extra: pip install 'wikilint[lsp]'\n"
    )


def test_a_bad_flag_is_a_one_line_error_before_the_server_starts() -> None:
    result = run("import sys; " + RUN_CLI, "server", "--per-file-ignores", "nocolon")
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (
        "wikilint: error: --per-file-ignores: expected GLOB:RULE[,RULE], got 'nocolon'\n"
    )


def test_the_command_line_does_not_import_the_server() -> None:
    code = (
        "import sys, wikilint.cli.main; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('pygls', 'lsprotocol')))"
    )
    assert run(code).stdout == "[]\n"
