"""A slow document, a crashing rule or a dying worker never takes the server down."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from helpers import install_plugin
from lsp_session import Session, Starter
from lsprotocol import types

pytestmark = pytest.mark.asyncio

# A third-party rule, installed the way pip would, that prints (to the standard output the
# server talks on), crashes on "BOOM" and kills the process that runs it on "EXIT".
PLUGIN = r"""
import os

from wikilint.linter.rule import Rule, RuleDocs


class Crashing(Rule):
    code = "XPL001"
    name = "crashing-rule"
    summary = "Crashes."
    docs = RuleDocs(what="w", why="y", bad="BOOM", good="calm")

    def check(self, article):
        print("Content-Length: 99999\r\n\r\n", end="", flush=True)
        if "EXIT" in article.source:
            os._exit(3)
        if "BOOM" in article.source:
            raise RuntimeError("boom")
        return ()
"""


#: A plugin's rules are off until selected.
SELECT_PLUGIN = ("--extend-select", "XPL001")


def plugin_env(site: Path) -> dict[str, str]:
    """The environment of a server with the crashing plugin installed."""
    site.mkdir()
    install_plugin(site, "wikilint_crash", PLUGIN, "wikilint_crash:Crashing")
    return {**os.environ, "PYTHONPATH": str(site)}


async def hover_at(session: Session, uri: str, line: int, character: int) -> types.Hover | None:
    return await session.client.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            position=types.Position(line=line, character=character),
        )
    )


async def test_a_crashing_rule_is_an_internal_error_diagnostic(
    start_server: Starter, tmp_path: Path
) -> None:
    session = await start_server(*SELECT_PLUGIN, env=plugin_env(tmp_path / "site"))
    uri = session.open(tmp_path / "page.wiki", "BOOM: the the end.\n")
    diagnostics = await session.diagnostics(uri)
    assert [(d.code, d.severity, d.message) for d in diagnostics] == [
        (
            "WL000",
            types.DiagnosticSeverity.Error,
            "rule crashing-rule (XPL001) failed: RuntimeError: boom",
        ),
        ("WL103", types.DiagnosticSeverity.Warning, '"the" is written twice in a row'),
    ]
    engine_docs = (
        "https://github.com/wikilint/wikilint/blob/main/docs/rules.md#findings-of-the-engine-itself"
    )
    assert diagnostics[0].code_description.href == engine_docs
    hover = await hover_at(session, uri, 0, 0)
    assert hover is not None
    assert hover.contents.value == (
        "## WL000 internal-error\n\nrule crashing-rule (XPL001) failed: RuntimeError: boom"
        f"\n\n[Documentation]({engine_docs})"
    )
    session.change(uri, "Calm: the the end.\n")
    assert [d.code for d in await session.diagnostics(uri)] == ["WL103"]


async def test_a_rule_that_kills_its_process_is_an_internal_error_and_the_server_goes_on(
    start_server: Starter, tmp_path: Path
) -> None:
    """The rule runs in the time budget's forked child: that child dies, not the server."""
    session = await start_server(*SELECT_PLUGIN, env=plugin_env(tmp_path / "site"))
    uri = session.open(tmp_path / "page.wiki", "EXIT: the the end.\n")
    [diagnostic] = await session.diagnostics(uri)
    assert diagnostic.code == "WL000"
    assert diagnostic.message == "linting failed: ChildProcessError: the child process died"
    session.change(uri, "Calm: the the end.\n")
    assert [d.code for d in await session.diagnostics(uri)] == ["WL103"]


async def test_a_dead_worker_is_an_internal_error_and_is_replaced(
    start_server: Starter, tmp_path: Path
) -> None:
    """Without a time budget the rules run in the worker itself, which the rule kills."""
    session = await start_server(
        "--timeout", "0", *SELECT_PLUGIN, env=plugin_env(tmp_path / "site")
    )
    uri = session.open(tmp_path / "page.wiki", "EXIT: the the end.\n")
    [diagnostic] = await session.diagnostics(uri)
    assert diagnostic.code == "WL000"
    assert diagnostic.message.startswith("linting failed: BrokenProcessPool: ")
    session.change(uri, "Calm: the the end.\n")
    assert [d.code for d in await session.diagnostics(uri)] == ["WL103"]


async def test_a_document_over_the_time_budget_is_a_diagnostic_not_a_frozen_server(
    start_server: Starter, tmp_path: Path
) -> None:
    session = await start_server("--timeout", "2")
    uri = session.open(tmp_path / "slow.wiki", "{{a|" * 8000)
    # The server answers while the worker is busy with the document.
    assert await hover_at(session, uri, 0, 0) is None
    assert session.published_for(uri) == []
    [diagnostic] = await session.diagnostics(uri)
    assert (diagnostic.code, diagnostic.severity) == ("WL002", types.DiagnosticSeverity.Error)
    assert diagnostic.message == (
        "not linted: parsing and checking took longer than 2 s "
        "(look for long runs of unclosed templates, links, tables or tags)"
    )
    other = session.open(tmp_path / "other.wiki", "Text with the the word.\n")
    assert [d.code for d in await session.diagnostics(other)] == ["WL103"]


async def test_fix_all_with_a_broken_config_leaves_the_text_as_lint_reports_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Issue 12 review: lint answered a broken configuration with its problem, fix_all raised.
    import functools

    from wikilint.config.files import Config
    from wikilint.config.settings import Resolver
    from wikilint.lsp import worker
    from wikilint.lsp.configs import ConfigTracker

    config = tmp_path / ".wikilint.toml"
    config.write_text('select = ["NOPE"]\n')
    tracker = ConfigTracker(functools.partial(Resolver, Config(), None, False))
    monkeypatch.setattr(worker, "_worker", worker._Worker(tracker, None))
    path = str(tmp_path / "page.wiki")
    problem = f"{config}: select: unknown rule, code or prefix 'NOPE'"
    assert worker.lint("A -- B.\n", path) == worker.LintReport(problem=problem)
    assert worker.fix_all("A -- B.\n", path) == "A -- B.\n"
    config.write_text('select = ["WL6"]\n')
    assert worker.fix_all("A -- B.\n", path) == "A—B.\n"
