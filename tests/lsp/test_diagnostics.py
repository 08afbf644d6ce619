"""Diagnostics: the findings of ``wikilint check``, at ranges in the negotiated encoding."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from lsp_session import Starter, until
from lsprotocol import types

from wikilint.linter.registry import discover
from wikilint.output.rules_reference import rule_section

pytestmark = pytest.mark.asyncio

# A clef (U+1D11E) and an emoji (U+1F600) are one code point, two UTF-16 code units and
# four UTF-8 bytes each: the doubled "the" after them is at code points 18-21.
ASTRAL = "Music 𝄞 and 😀 the the end.\n"


def check_json(path: Path) -> list[dict]:
    """What ``wikilint check --format json`` reports on *path*."""
    run = subprocess.run(
        [sys.executable, "-m", "wikilint", "check", "--format", "json", str(path)],
        capture_output=True,
        text=True,
        cwd=path.parent,
    )
    return json.loads(run.stdout)


def span(diagnostic: types.Diagnostic | types.DiagnosticRelatedInformation) -> tuple[int, ...]:
    where = (
        diagnostic.range if isinstance(diagnostic, types.Diagnostic) else diagnostic.location.range
    )
    return where.start.line, where.start.character, where.end.line, where.end.character


async def test_open_publishes_the_findings_of_check(start_server: Starter, tmp_path: Path) -> None:
    text = "== Early life ==\nShe was born in in Paris -- a city.\n\n==History:==\nText  here.\n"
    path = tmp_path / "article.wiki"
    path.write_text(text, encoding="utf-8")
    session = await start_server()
    uri = session.open(path, text)
    diagnostics = await session.diagnostics(uri)
    expected = check_json(path)
    assert expected, "the sample must have findings"
    severities = {"error": 1, "warning": 2, "info": 3}
    assert [(d.code, d.severity, d.message, span(d), d.source) for d in diagnostics] == [
        (
            f["code"],
            severities[f["severity"]],
            f["message"],
            (f["line"] - 1, f["column"] - 1, f["end_line"] - 1, f["end_column"] - 1),
            "wikilint",
        )
        for f in expected
    ]
    related = [
        [(r.message, span(r), r.location.uri) for r in d.related_information or ()]
        for d in diagnostics
    ]
    assert related == [
        [
            (
                r["message"],
                (r["line"] - 1, r["column"] - 1, r["end_line"] - 1, r["end_column"] - 1),
                uri,
            )
            for r in f["related"]
        ]
        for f in expected
    ]


@pytest.mark.parametrize(
    ("offered", "negotiated", "second", "first"),
    [
        (None, "utf-16", (0, 20, 0, 23), (0, 16, 0, 19)),
        (["utf-32"], "utf-32", (0, 18, 0, 21), (0, 14, 0, 17)),
        (["utf-8"], "utf-8", (0, 24, 0, 27), (0, 20, 0, 23)),
    ],
)
async def test_astral_characters_do_not_shift_ranges(
    start_server: Starter,
    tmp_path: Path,
    offered: list[str] | None,
    negotiated: str,
    second: tuple[int, ...],
    first: tuple[int, ...],
) -> None:
    session = await start_server(encodings=offered)
    assert session.initialized.capabilities.position_encoding == negotiated
    uri = session.open(tmp_path / "astral.wiki", ASTRAL)
    diagnostics = [d for d in await session.diagnostics(uri) if d.code == "WL103"]
    assert [span(d) for d in diagnostics] == [second]
    assert [span(r) for r in diagnostics[0].related_information or ()] == [first]
    # The way back: a position inside the second "the", in the same encoding.
    inside = types.Position(line=0, character=second[1] + 1)
    hover = await session.client.text_document_hover_async(
        types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=inside)
    )
    assert hover is not None and hover.range is not None
    assert span(types.Diagnostic(range=hover.range, message="")) == second


async def test_changes_are_debounced_to_the_last(start_server: Starter, tmp_path: Path) -> None:
    session = await start_server()
    uri = session.open(tmp_path / "typing.wiki", "Plain text.\n")
    await session.diagnostics(uri)
    for text in ("Plain the text.\n", "Plain the the text.\n", "Plain text the the end.\n"):
        session.change(uri, text)
    diagnostics = await session.diagnostics(uri)
    assert [(d.code, span(d)) for d in diagnostics] == [("WL103", (0, 15, 0, 18))]
    assert [params.version for params in session.published_for(uri)] == [1, 4]


CONFIG_IGNORES_WL103 = 'ignore = ["WL103"]\n\n[rules.doubled-space]\nseverity = "error"\n'
SPACES_AND_DOUBLES = "Some  text with the the double.\n"


async def test_settings_come_from_the_config_file_check_finds(
    start_server: Starter, tmp_path: Path
) -> None:
    (tmp_path / ".wikilint.toml").write_text(CONFIG_IGNORES_WL103)
    path = tmp_path / "articles" / "page.wiki"
    path.parent.mkdir()
    path.write_text(SPACES_AND_DOUBLES)
    session = await start_server()
    diagnostics = await session.diagnostics(session.open(path, SPACES_AND_DOUBLES))
    assert [(d.code, d.severity) for d in diagnostics] == [
        (f["code"], types.DiagnosticSeverity.Error) for f in check_json(path)
    ]
    assert [d.code for d in diagnostics] == ["WL602"]


async def test_a_config_file_saved_meanwhile_applies_on_save(
    start_server: Starter, tmp_path: Path
) -> None:
    path = tmp_path / "page.wiki"
    session = await start_server()
    uri = session.open(path, SPACES_AND_DOUBLES)
    assert [d.code for d in await session.diagnostics(uri)] == ["WL602", "WL103"]
    (tmp_path / ".wikilint.toml").write_text(CONFIG_IGNORES_WL103)
    session.client.text_document_did_save(
        types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri))
    )
    diagnostics = await session.diagnostics(uri, after=1)
    assert [(d.code, d.severity) for d in diagnostics] == [
        ("WL602", types.DiagnosticSeverity.Error)
    ]


async def test_a_watched_config_change_lints_open_documents_again(
    start_server: Starter, tmp_path: Path
) -> None:
    session = await start_server()
    uri = session.open(tmp_path / "page.wiki", SPACES_AND_DOUBLES)
    assert [d.code for d in await session.diagnostics(uri)] == ["WL602", "WL103"]
    [registration] = session.client.registrations
    assert registration.method == types.WORKSPACE_DID_CHANGE_WATCHED_FILES
    assert [w["globPattern"] for w in registration.register_options["watchers"]] == [
        "**/.wikilint.toml",
        "**/pyproject.toml",
    ]
    config = tmp_path / "pyproject.toml"
    config.write_text('[tool.wikilint]\nignore = ["WL602"]\n')
    session.client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(
            changes=[types.FileEvent(uri=config.as_uri(), type=types.FileChangeType.Created)]
        )
    )
    assert [d.code for d in await session.diagnostics(uri, after=1)] == ["WL103"]
    config.write_text('[tool.wikilint]\nignore = ["WL103"]\n')
    session.client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(
            changes=[types.FileEvent(uri=config.as_uri(), type=types.FileChangeType.Changed)]
        )
    )
    assert [d.code for d in await session.diagnostics(uri, after=2)] == ["WL602"]


async def test_a_broken_config_is_one_diagnostic_until_mended(
    start_server: Starter, tmp_path: Path
) -> None:
    config = tmp_path / ".wikilint.toml"
    config.write_text('select = ["NOPE"]\n')
    session = await start_server()
    uri = session.open(tmp_path / "page.wiki", SPACES_AND_DOUBLES)
    [diagnostic] = await session.diagnostics(uri)
    assert (
        diagnostic.message == f"not linted: {config}: select: unknown rule, code or prefix 'NOPE'"
    )
    assert (diagnostic.severity, span(diagnostic)) == (types.DiagnosticSeverity.Error, (0, 0, 0, 0))
    config.write_text('select = ["WL103"]\n')
    session.change(uri, SPACES_AND_DOUBLES + "\n")
    assert [d.code for d in await session.diagnostics(uri)] == ["WL103"]


async def test_closing_a_document_clears_its_diagnostics(
    start_server: Starter, tmp_path: Path
) -> None:
    session = await start_server()
    uri = session.open(tmp_path / "page.wiki", SPACES_AND_DOUBLES)
    assert await session.diagnostics(uri)
    session.client.text_document_did_close(
        types.DidCloseTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri))
    )
    await until(lambda: len(session.published_for(uri)) == 2)
    assert list(session.published_for(uri)[-1].diagnostics) == []


async def test_hover_shows_the_rule_documentation_and_codes_link_to_it(
    start_server: Starter, tmp_path: Path
) -> None:
    session = await start_server()
    uri = session.open(tmp_path / "page.wiki", SPACES_AND_DOUBLES)
    diagnostics = {d.code: d for d in await session.diagnostics(uri)}
    rule = discover(plugins=False).get("WL103")
    assert diagnostics["WL103"].code_description.href == (
        "https://github.com/wikilint/wikilint/blob/main/docs/rules.md#wl103-doubled-word"
    )

    async def hover_at(character: int) -> types.Hover | None:
        position = types.Position(line=0, character=character)
        document = types.TextDocumentIdentifier(uri=uri)
        return await session.client.text_document_hover_async(
            types.HoverParams(text_document=document, position=position)
        )

    hover = await hover_at(21)
    assert hover is not None and hover.contents.kind == types.MarkupKind.Markdown
    assert hover.contents.value == rule_section(rule)
    assert hover.contents.value.startswith("## WL103 doubled-word\n\n" + rule.summary)
    assert hover.range == diagnostics["WL103"].range
    assert await hover_at(10) is None
