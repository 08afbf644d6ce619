"""The fixture that starts a ``wikilint server`` process and a client talking to it."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import AsyncIterator, Sequence
from pathlib import Path

import pytest_asyncio
from lsp_session import (
    PATIENCE,
    RecordingClient,
    Session,
    Starter,
    capabilities,
    record_diagnostics,
    record_registration,
)
from lsprotocol import types
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features


@pytest_asyncio.fixture
async def start_server(tmp_path: Path) -> AsyncIterator[Starter]:
    """Start ``python -m wikilint server ARGS`` (in *tmp_path*) and initialize it."""
    sessions: list[Session] = []

    async def start(
        *args: str,
        encodings: Sequence[str] | None = None,
        resolve: bool = True,
        env: dict[str, str] | None = None,
    ) -> Session:
        client = RecordingClient()
        register_lsp_features(
            client,
            {
                **DEFAULT_CLIENT_FEATURES,
                types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS: record_diagnostics,
                types.CLIENT_REGISTER_CAPABILITY: record_registration,
            },
        )
        await client.start_io(
            sys.executable, "-m", "wikilint", "server", *args, cwd=tmp_path, env=env
        )
        params = types.InitializeParams(
            capabilities=capabilities(encodings, resolve), root_uri=tmp_path.as_uri()
        )
        session = Session(client, await client.initialize_session(params))
        sessions.append(session)
        return session

    yield start
    for session in sessions:
        try:
            await asyncio.wait_for(session.client.shutdown_session(), PATIENCE)
        finally:
            await session.client.stop()
