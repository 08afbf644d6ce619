"""Code actions: a finding's fix, disabling its rule on its line, and fix all."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from lsp_session import Session, Starter, apply_edit
from lsprotocol import types

pytestmark = pytest.mark.asyncio

# Safe fixes (doubled space, space before a comma, "--"), an unsafe one (doubled word),
# all after an astral character that UTF-16 counts twice.
TEXT = "𝄞 Some  text , with the the double -- dash.\n"


async def actions_at(
    session: Session, uri: str, diagnostic: types.Diagnostic, only: list[str] | None = None
) -> list[types.CodeAction]:
    params = types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri),
        range=diagnostic.range,
        context=types.CodeActionContext(diagnostics=[diagnostic], only=only),
    )
    return list(await session.client.text_document_code_action_async(params) or ())


async def opened(start_server: Starter, tmp_path: Path, **options: object) -> tuple:
    session = await start_server(**options)
    uri = session.open(tmp_path / "page.wiki", TEXT)
    diagnostics = {d.code: d for d in await session.diagnostics(uri)}
    return session, uri, diagnostics


async def test_a_safe_fix_is_a_preferred_quickfix(start_server: Starter, tmp_path: Path) -> None:
    session, uri, diagnostics = await opened(start_server, tmp_path)
    actions = await actions_at(session, uri, diagnostics["WL602"], only=["quickfix"])
    assert [(a.title, a.kind, a.is_preferred) for a in actions] == [
        ("use one space", "quickfix", True),
        ("Disable WL602 (doubled-space) for this line", "quickfix", None),
    ]
    assert [d.code for d in actions[0].diagnostics or ()] == ["WL602"]
    fixed = apply_edit(TEXT, actions[0].edit, uri, 1)
    assert fixed == "𝄞 Some text , with the the double -- dash.\n"


async def test_an_unsafe_fix_is_marked(start_server: Starter, tmp_path: Path) -> None:
    session, uri, diagnostics = await opened(start_server, tmp_path)
    actions = await actions_at(session, uri, diagnostics["WL103"])
    unsafe = [a for a in actions if a.kind == "quickfix.unsafe"]
    assert [(a.title, a.is_preferred) for a in unsafe] == [
        ('remove the second "the" (unsafe)', False)
    ]
    assert apply_edit(TEXT, unsafe[0].edit, uri, 1) == "𝄞 Some  text , with the double -- dash.\n"


async def test_disable_for_this_line_inserts_the_comment_that_silences_it(
    start_server: Starter, tmp_path: Path
) -> None:
    session, uri, diagnostics = await opened(start_server, tmp_path)
    actions = await actions_at(session, uri, diagnostics["WL103"])
    [disable] = [a for a in actions if a.title.startswith("Disable")]
    assert disable.title == "Disable WL103 (doubled-word) for this line"
    text = apply_edit(TEXT, disable.edit, uri, 1)
    assert text == TEXT.rstrip("\n") + " <!-- wikilint-disable-line WL103 -->\n"
    session.change(uri, text)
    assert [d.code for d in await session.diagnostics(uri)] == ["WL602", "WL603", "WL601"]


def check_fix(path: Path) -> str:
    """The text ``wikilint check --fix`` writes for *path* (run on a copy)."""
    copy = path.with_name("copy.wiki")
    shutil.copy(path, copy)
    command = [sys.executable, "-m", "wikilint", "check", "--fix", str(copy)]
    subprocess.run(command, capture_output=True, check=False)
    return copy.read_text(encoding="utf-8")


@pytest.mark.parametrize("resolve", [True, False])
async def test_fix_all_applies_what_check_fix_applies(
    start_server: Starter, tmp_path: Path, resolve: bool
) -> None:
    session, uri, diagnostics = await opened(start_server, tmp_path, resolve=resolve)
    source = await actions_at(session, uri, diagnostics["WL103"], only=["source"])
    [fix_all] = await actions_at(session, uri, diagnostics["WL103"], only=["source.fixAll"])
    assert source == [fix_all]
    assert (fix_all.title, fix_all.kind) == (
        "wikilint: fix all safe findings",
        "source.fixAll.wikilint",
    )
    if resolve:
        assert fix_all.edit is None
        fix_all = await session.client.code_action_resolve_async(fix_all)
    fixed = apply_edit(TEXT, fix_all.edit, uri, 1)
    path = tmp_path / "page.wiki"
    path.write_text(TEXT, encoding="utf-8")
    assert fixed == check_fix(path) == "𝄞 Some text, with the the double—dash.\n"
    # One edit, over the changed span only: from "  text" (the clef counts two units).
    [change] = fix_all.edit.document_changes
    assert change.edits[0].range.start == types.Position(line=0, character=8)


async def test_no_source_action_when_only_quick_fixes_are_asked(
    start_server: Starter, tmp_path: Path
) -> None:
    session, uri, diagnostics = await opened(start_server, tmp_path)
    actions = await actions_at(session, uri, diagnostics["WL601"], only=["quickfix"])
    assert {a.kind for a in actions} == {"quickfix"}


async def test_one_disable_action_per_rule_and_line(start_server: Starter, tmp_path: Path) -> None:
    session = await start_server()
    text = "Both the the cat and a a dog.\n"
    uri = session.open(tmp_path / "page.wiki", text)
    doubled = [d for d in await session.diagnostics(uri) if d.code == "WL103"]
    assert len(doubled) == 2
    line = types.Range(start=doubled[0].range.start, end=doubled[1].range.end)
    params = types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri),
        range=line,
        context=types.CodeActionContext(diagnostics=doubled, only=["quickfix"]),
    )
    actions = await session.client.text_document_code_action_async(params)
    assert [a.title for a in actions] == [
        'remove the second "the" (unsafe)',
        "Disable WL103 (doubled-word) for this line",
        'remove the second "a" (unsafe)',
    ]
