"""The documentation of the codes a document's findings carry: a link and Markdown."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from wikilint.batch.guard import TIMEOUT_CODE
from wikilint.linter.engine_codes import INTERNAL_ERROR_CODE
from wikilint.linter.finding import Finding
from wikilint.linter.registry import Registry
from wikilint.output.rules_reference import rule_section
from wikilint.output.sarif import HOME, help_uri

ENGINE_CODES = frozenset({INTERNAL_ERROR_CODE, TIMEOUT_CODE})
ENGINE_DOCS = f"{HOME}/blob/main/docs/rules.md#findings-of-the-engine-itself"


@dataclass(frozen=True, slots=True)
class CodeDocs:
    """Where a code is documented, and what ``wikilint explain`` says of it, in Markdown."""

    url: str | None
    markdown: str


def code_docs(findings: Iterable[Finding], registry: Registry | None = None) -> dict[str, CodeDocs]:
    """The documentation of each distinct code among *findings* (rules need *registry*)."""
    docs: dict[str, CodeDocs] = {}
    for finding in findings:
        if finding.code in docs:
            continue
        rule = registry.get(finding.code) if registry is not None else None
        if rule is not None:
            docs[finding.code] = CodeDocs(help_uri(rule), rule_section(rule))
        elif finding.code in ENGINE_CODES:
            text = f"## {finding.code} {finding.rule}\n\n{finding.message}"
            docs[finding.code] = CodeDocs(ENGINE_DOCS, f"{text}\n\n[Documentation]({ENGINE_DOCS})")
    return docs
