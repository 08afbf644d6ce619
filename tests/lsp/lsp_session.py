"""A real LSP client (pytest-lsp) for a real ``wikilint server`` process, and what tests
do with it."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from lsprotocol import types
from pygls.protocol import default_converter
from pytest_lsp.client import (
    LanguageClient,
)

#: Seconds a test waits for the server: the first lint starts the worker process.
PATIENCE = 60.0


class RecordingClient(LanguageClient):
    """Keeps every diagnostics notification, with its version, and every registration."""

    def __init__(self) -> None:
        super().__init__(converter_factory=default_converter)
        self.published: list[types.PublishDiagnosticsParams] = []
        self.registrations: list[types.Registration] = []


def record_diagnostics(client: RecordingClient, params: types.PublishDiagnosticsParams) -> None:
    client.published.append(params)


def record_registration(client: RecordingClient, params: types.RegistrationParams) -> None:
    client.registrations.extend(params.registrations)


def capabilities(
    encodings: Sequence[str] | None = None, resolve: bool = True
) -> types.ClientCapabilities:
    """What a modern editor announces; *encodings* as ``general.positionEncodings``."""
    code_action = types.CodeActionClientCapabilities(
        resolve_support=types.ClientCodeActionResolveOptions(properties=["edit"])
        if resolve
        else None
    )
    return types.ClientCapabilities(
        general=types.GeneralClientCapabilities(position_encodings=list(encodings))
        if encodings
        else None,
        workspace=types.WorkspaceClientCapabilities(
            workspace_edit=types.WorkspaceEditClientCapabilities(document_changes=True),
            did_change_watched_files=types.DidChangeWatchedFilesClientCapabilities(
                dynamic_registration=True
            ),
        ),
        text_document=types.TextDocumentClientCapabilities(
            code_action=code_action,
            publish_diagnostics=types.PublishDiagnosticsClientCapabilities(
                version_support=True, related_information=True
            ),
        ),
    )


@dataclass
class Session:
    """A started server and the client talking to it."""

    client: RecordingClient
    initialized: types.InitializeResult
    versions: dict[str, int] = field(default_factory=dict)

    def open(self, path: Path, text: str) -> str:
        uri = path.as_uri()
        self.versions[uri] = 1
        item = types.TextDocumentItem(uri=uri, language_id="wikitext", version=1, text=text)
        self.client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=item))
        return uri

    def change(self, uri: str, text: str) -> int:
        """Replace the whole text (the server asks for full sync); the new version."""
        self.versions[uri] += 1
        document = types.VersionedTextDocumentIdentifier(uri=uri, version=self.versions[uri])
        change = types.TextDocumentContentChangeWholeDocument(text=text)
        self.client.text_document_did_change(
            types.DidChangeTextDocumentParams(text_document=document, content_changes=[change])
        )
        return self.versions[uri]

    def published_for(self, uri: str) -> list[types.PublishDiagnosticsParams]:
        return [params for params in self.client.published if params.uri == uri]

    async def diagnostics(self, uri: str, after: int = 0) -> list[types.Diagnostic]:
        """The diagnostics of the current version, published after the first *after*
        notifications for *uri*."""
        version = self.versions[uri]

        def ready() -> list[types.PublishDiagnosticsParams]:
            return [p for p in self.published_for(uri)[after:] if p.version == version]

        await until(lambda: bool(ready()))
        return list(ready()[-1].diagnostics)


async def until(condition: Callable[[], bool], patience: float = PATIENCE) -> None:
    deadline = asyncio.get_running_loop().time() + patience
    while not condition():
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"the server did not answer within {patience} s")
        await asyncio.sleep(0.02)


Starter = Callable[..., Awaitable[Session]]


def utf16_offset(text: str, position: types.Position) -> int:
    """The code-point offset of a UTF-16 position in *text* (lines end at ``\\n``)."""
    start = sum(len(line) + 1 for line in text.split("\n")[: position.line])
    units = 0
    offset = start
    while units < position.character:
        units += 2 if ord(text[offset]) > 0xFFFF else 1
        offset += 1
    return offset


def apply_edit(text: str, edit: types.WorkspaceEdit, uri: str, version: int) -> str:
    """What a client does with a versioned workspace edit of one document."""
    assert edit.document_changes is not None and len(edit.document_changes) == 1
    change = edit.document_changes[0]
    assert isinstance(change, types.TextDocumentEdit)
    assert (change.text_document.uri, change.text_document.version) == (uri, version)
    for text_edit in sorted(change.edits, key=lambda e: utf16_offset(text, e.range.start))[::-1]:
        start, end = (
            utf16_offset(text, text_edit.range.start),
            utf16_offset(text, text_edit.range.end),
        )
        text = text[:start] + text_edit.new_text + text[end:]
    return text
