"""Code actions: a finding's fix, a comment that disables its rule on its line, fix all."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from lsprotocol.types import (
    CodeAction,
    CodeActionKind,
    OptionalVersionedTextDocumentIdentifier,
    TextDocumentEdit,
    TextEdit,
    WorkspaceEdit,
)

from wikilint.linter.finding import Applicability, Edit, Finding
from wikilint.lsp.diagnostics import to_diagnostic
from wikilint.lsp.ruledocs import ENGINE_CODES
from wikilint.lsp.state import Linted

FIX_ALL_KIND = f"{CodeActionKind.SourceFixAll.value}.wikilint"
#: Unsafe fixes are quick fixes too, but marked: their own kind and "(unsafe)" in the title.
UNSAFE_FIX_KIND = f"{CodeActionKind.QuickFix.value}.unsafe"
FIX_ALL_TITLE = "wikilint: fix all safe findings"


def wanted(kind: str, only: Sequence[str] | None) -> bool:
    """Whether the client asked for actions of *kind* (kinds are dot-separated hierarchies)."""
    return not only or any(kind == prefix or kind.startswith(f"{prefix}.") for prefix in only)


def workspace_edit(linted: Linted, edits: Iterable[Edit], versioned: bool) -> WorkspaceEdit:
    """Edits of the linted text; *versioned* ones are refused by a client whose
    document has changed since."""
    snapshot, positions = linted.snapshot, linted.positions
    text_edits = [
        TextEdit(range=positions.range(edit.start, edit.end), new_text=edit.replacement)
        for edit in sorted(edits, key=lambda edit: edit.start)
    ]
    if not versioned:
        return WorkspaceEdit(changes={snapshot.uri: text_edits})
    document = OptionalVersionedTextDocumentIdentifier(uri=snapshot.uri, version=snapshot.version)
    return WorkspaceEdit(
        document_changes=[TextDocumentEdit(text_document=document, edits=text_edits)]
    )


def quick_fixes(
    linted: Linted, findings: Iterable[Finding], only: Sequence[str] | None, versioned: bool
) -> list[CodeAction]:
    """For each finding: its fix, if it has one, and the comment that disables its rule
    (once per rule and line)."""
    actions = []
    disabled: set[tuple[str, int]] = set()
    for finding in findings:
        diagnostic = to_diagnostic(
            finding, linted.snapshot.uri, linted.positions, linted.report.docs.get(finding.code)
        )
        fix = finding.fix
        if fix is not None:
            safe = fix.applicability is Applicability.SAFE
            kind = CodeActionKind.QuickFix.value if safe else UNSAFE_FIX_KIND
            if wanted(kind, only):
                actions.append(
                    CodeAction(
                        title=f"{fix.description}{'' if safe else ' (unsafe)'}",
                        kind=kind,
                        diagnostics=[diagnostic],
                        is_preferred=safe,
                        edit=workspace_edit(linted, fix.edits, versioned),
                    )
                )
        line = (finding.code, finding.location.line)
        if finding.code in ENGINE_CODES or line in disabled:
            continue
        disabled.add(line)
        if wanted(CodeActionKind.QuickFix, only):
            actions.append(
                CodeAction(
                    title=f"Disable {finding.code} ({finding.rule}) for this line",
                    kind=CodeActionKind.QuickFix,
                    diagnostics=[diagnostic],
                    edit=workspace_edit(linted, [disable_line_edit(linted, finding)], versioned),
                )
            )
    return actions


def disable_line_edit(linted: Linted, finding: Finding) -> Edit:
    """Insert ``<!-- wikilint-disable-line CODE -->`` at the end of the finding's first line."""
    end = linted.positions.lines.line_end(finding.location.line)
    return Edit(end, end, f" <!-- wikilint-disable-line {finding.code} -->")


def has_safe_fix(linted: Linted) -> bool:
    return any(
        finding.fix is not None and finding.fix.applicability is Applicability.SAFE
        for finding in linted.report.findings
    )


def fix_all_action(data: Any, edit: WorkspaceEdit | None = None) -> CodeAction:
    """The source action that applies every safe fix, as ``wikilint check --fix`` does;
    without *edit*, the client resolves it (with *data*) when chosen."""
    return CodeAction(title=FIX_ALL_TITLE, kind=FIX_ALL_KIND, data=data, edit=edit)


def replacement(old: str, new: str) -> Edit:
    """One edit that turns *old* into *new*: the span between their common prefix and
    suffix, so that the client keeps cursors and marks outside it."""
    prefix = 0
    limit = min(len(old), len(new))
    while prefix < limit and old[prefix] == new[prefix]:
        prefix += 1
    suffix = 0
    while suffix < limit - prefix and old[-1 - suffix] == new[-1 - suffix]:
        suffix += 1
    return Edit(prefix, len(old) - suffix, new[prefix : len(new) - suffix])
