"""The language server: answers the editor while a worker process lints.

Each open document is linted on open and save, and once typing pauses after a change,
in a worker process (:mod:`wikilint.lsp.worker`) under the time budget of ``wikilint
check``; the server itself only converts, so it keeps answering whatever the document.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import multiprocessing
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any, TypeVar

from lsprotocol import types
from pygls.capabilities import get_capability
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from wikilint import __version__
from wikilint.config.files import CONFIG_NAMES
from wikilint.config.settings import Resolver
from wikilint.document.article import Article
from wikilint.inputs.files import STDIN
from wikilint.linter.engine import internal_error
from wikilint.lsp import worker
from wikilint.lsp.actions import (
    FIX_ALL_KIND,
    UNSAFE_FIX_KIND,
    fix_all_action,
    has_safe_fix,
    quick_fixes,
    replacement,
    wanted,
    workspace_edit,
)
from wikilint.lsp.diagnostics import config_diagnostic, to_diagnostic
from wikilint.lsp.hover import hover
from wikilint.lsp.positions import PositionEncoder
from wikilint.lsp.ruledocs import code_docs
from wikilint.lsp.state import Linted, Snapshot

#: Seconds without an edit before a changed document is linted again.
DEBOUNCE = 0.3
#: Seconds "fix all" may take before it is given up (it is offered only on a document
#: whose lint, its first pass, finished within the time budget).
FIX_ALL_BUDGET = 10.0
WATCHER_ID = "wikilint-config-files"

log = logging.getLogger(__name__)
Result = TypeVar("Result")


class WikilintServer(LanguageServer):
    """Diagnostics, code actions and hovers for the documents an editor opens."""

    def __init__(self, resolver: Resolver, timeout: float | None) -> None:
        # Whole-text sync: pygls applies incremental edits by str.splitlines(), whose
        # line breaks (U+2028, form feed...) are not LSP's.
        super().__init__("wikilint", __version__, types.TextDocumentSyncKind.Full)
        self._pool_args = (resolver.cli, resolver.config_file, resolver.isolated, timeout)
        self._pool = self._start_pool()
        self.linted: dict[str, Linted] = {}
        self._pending: dict[str, asyncio.Task[None]] = {}
        self._fixed_all: dict[str, tuple[int | None, types.WorkspaceEdit | None]] = {}
        handlers: dict[str, Callable[..., Any]] = {
            types.INITIALIZED: self.on_initialized,
            types.SHUTDOWN: self.on_shutdown,
            types.TEXT_DOCUMENT_DID_OPEN: self.on_open,
            types.TEXT_DOCUMENT_DID_CHANGE: self.on_change,
            types.TEXT_DOCUMENT_DID_SAVE: self.on_save,
            types.TEXT_DOCUMENT_DID_CLOSE: self.on_close,
            types.WORKSPACE_DID_CHANGE_WATCHED_FILES: self.on_watched_files,
            types.TEXT_DOCUMENT_HOVER: self.on_hover,
            types.CODE_ACTION_RESOLVE: self.on_resolve_code_action,
        }
        for method, handler in handlers.items():
            # pygls marks a handler with attributes, which a bound method cannot take.
            self.feature(method)(functools.partial(handler))
        kinds = [types.CodeActionKind.QuickFix, UNSAFE_FIX_KIND, FIX_ALL_KIND]
        options = types.CodeActionOptions(code_action_kinds=kinds, resolve_provider=True)
        self.feature(types.TEXT_DOCUMENT_CODE_ACTION, options)(
            functools.partial(self.on_code_action)
        )

    # Linting

    def _start_pool(self) -> ProcessPoolExecutor:
        # A fresh interpreter: forking this process, which has threads, is not safe.
        return ProcessPoolExecutor(
            max_workers=1,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=worker.start,
            initargs=self._pool_args,
        )

    async def _in_worker(self, function: Callable[..., Result], *args: Any) -> Result:
        """Run *function* in the worker process; start another if this one died."""
        pool = self._pool
        try:
            return await asyncio.get_running_loop().run_in_executor(pool, function, *args)
        except BrokenProcessPool:
            if self._pool is pool:
                self._pool = self._start_pool()
            raise

    def snapshot(self, uri: str) -> Snapshot | None:
        document = self.workspace.text_documents.get(uri)
        if document is None:
            return None
        return Snapshot(uri, document.version, document.source, to_fs_path(uri) or STDIN)

    def current(self, uri: str) -> Linted | None:
        """What linting found on the document as it is now, if that is known."""
        linted = self.linted.get(uri)
        document = self.workspace.text_documents.get(uri)
        if linted is None or document is None or document.version != linted.snapshot.version:
            return None
        return linted

    def schedule(self, uri: str, delay: float = 0.0) -> None:
        """Lint *uri* after *delay* seconds, instead of any lint still waiting for it."""
        pending = self._pending.pop(uri, None)
        if pending is not None:
            pending.cancel()
        self._pending[uri] = asyncio.get_running_loop().create_task(self._lint(uri, delay))

    async def _lint(self, uri: str, delay: float) -> None:
        if delay:
            await asyncio.sleep(delay)
        snapshot = self.snapshot(uri)
        if snapshot is None:
            return
        try:
            report = await self._in_worker(worker.lint, snapshot.text, snapshot.path)
        except Exception as error:  # the worker died: say so, and lint again on the next edit
            log.exception("linting %s failed", uri)
            failure = internal_error(Article("", snapshot.path), "linting", error)
            report = worker.LintReport((failure,), code_docs([failure]))
        linted = Linted(
            snapshot, PositionEncoder(snapshot.text, self.workspace.position_encoding), report
        )
        if self._pending.get(uri) is asyncio.current_task():
            del self._pending[uri]
        if self.snapshot(uri) != snapshot:  # edited or closed meanwhile: a newer lint follows
            return
        self.linted[uri] = linted
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(
                uri=uri, version=snapshot.version, diagnostics=self.diagnostics(linted)
            )
        )

    def diagnostics(self, linted: Linted) -> list[types.Diagnostic]:
        report, uri = linted.report, linted.snapshot.uri
        if report.problem is not None:
            return [config_diagnostic(report.problem)]
        return [
            to_diagnostic(finding, uri, linted.positions, report.docs.get(finding.code))
            for finding in report.findings
        ]

    async def fix_all_edit(self, linted: Linted) -> types.WorkspaceEdit | None:
        """The edit that applies every safe fix, as ``check --fix`` does; once per version."""
        snapshot = linted.snapshot
        cached = self._fixed_all.get(snapshot.uri)
        if cached is not None and cached[0] == snapshot.version:
            return cached[1]
        fixing = self._in_worker(worker.fix_all, snapshot.text, snapshot.path)
        try:
            fixed = await asyncio.wait_for(fixing, FIX_ALL_BUDGET)
        except Exception as error:  # over budget, or the worker failed: offer nothing
            log.warning("fix all of %s failed: %r", snapshot.uri, error)
            return None
        edit = None
        if fixed != snapshot.text:
            change = replacement(snapshot.text, fixed)
            edit = workspace_edit(linted, [change], self.versioned_edits)
        self._fixed_all[snapshot.uri] = (snapshot.version, edit)
        return edit

    @property
    def versioned_edits(self) -> bool:
        return bool(
            get_capability(self.client_capabilities, "workspace.workspace_edit.document_changes")
        )

    # Notifications

    async def on_initialized(self, params: types.InitializedParams) -> None:
        """Ask the client to report changes of configuration files, if it can."""
        if not get_capability(
            self.client_capabilities, "workspace.did_change_watched_files.dynamic_registration"
        ):
            return
        watchers = [types.FileSystemWatcher(glob_pattern=f"**/{name}") for name in CONFIG_NAMES]
        registration = types.Registration(
            id=WATCHER_ID,
            method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
            register_options=types.DidChangeWatchedFilesRegistrationOptions(watchers=watchers),
        )
        try:
            await self.client_register_capability_async(
                types.RegistrationParams(registrations=[registration])
            )
        except Exception as error:  # the client said no: configurations reload on edits
            log.warning("could not watch configuration files: %s", error)

    def on_shutdown(self, params: None) -> None:
        for task in self._pending.values():
            task.cancel()
        self._pool.shutdown(wait=False, cancel_futures=True)

    def on_open(self, params: types.DidOpenTextDocumentParams) -> None:
        self.schedule(params.text_document.uri)

    def on_change(self, params: types.DidChangeTextDocumentParams) -> None:
        self.schedule(params.text_document.uri, DEBOUNCE)

    def on_save(self, params: types.DidSaveTextDocumentParams) -> None:
        self.schedule(params.text_document.uri)

    def on_close(self, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        pending = self._pending.pop(uri, None)
        if pending is not None:
            pending.cancel()
        self.linted.pop(uri, None)
        self._fixed_all.pop(uri, None)
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=[])
        )

    def on_watched_files(self, params: types.DidChangeWatchedFilesParams) -> None:
        """A configuration file changed: lint every open document again."""
        names = {Path(to_fs_path(change.uri) or change.uri).name for change in params.changes}
        if names & set(CONFIG_NAMES):
            for uri in list(self.workspace.text_documents):
                self.schedule(uri)

    # Requests

    def on_hover(self, params: types.HoverParams) -> types.Hover | None:
        linted = self.current(params.text_document.uri)
        if linted is None:
            return None
        offset = linted.positions.offset(params.position)
        return hover(linted, linted.at(offset, offset))

    async def on_code_action(self, params: types.CodeActionParams) -> list[types.CodeAction]:
        linted = self.current(params.text_document.uri)
        if linted is None:
            return []
        only = params.context.only
        start = linted.positions.offset(params.range.start)
        end = linted.positions.offset(params.range.end)
        actions = quick_fixes(linted, linted.at(start, end), only, self.versioned_edits)
        if has_safe_fix(linted) and wanted(FIX_ALL_KIND, only):
            data = {"uri": linted.snapshot.uri, "version": linted.snapshot.version}
            resolvable = get_capability(
                self.client_capabilities, "text_document.code_action.resolve_support.properties"
            )
            if resolvable and "edit" in resolvable:
                actions.append(fix_all_action(data))
            elif (edit := await self.fix_all_edit(linted)) is not None:
                actions.append(fix_all_action(data, edit))
        return actions

    async def on_resolve_code_action(self, action: types.CodeAction) -> types.CodeAction:
        if action.kind == FIX_ALL_KIND and isinstance(action.data, dict):
            linted = self.current(str(action.data.get("uri")))
            if linted is not None and linted.snapshot.version == action.data.get("version"):
                action.edit = await self.fix_all_edit(linted)
        return action


def serve(resolver: Resolver, timeout: float | None) -> None:
    """Run the server on standard input and output until the client says exit."""
    WikilintServer(resolver, timeout).start_io()
