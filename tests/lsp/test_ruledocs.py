"""The links diagnostics carry point at sections that exist."""

from __future__ import annotations

from helpers import ROOT

from wikilint.lsp.ruledocs import ENGINE_DOCS


def test_engine_findings_link_to_their_section_of_the_rules_reference() -> None:
    text = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    anchor = ENGINE_DOCS.rpartition("#")[2]
    assert ENGINE_DOCS.startswith("https://github.com/wikilint/wikilint/blob/main/docs/rules.md#")
    assert f"\n## {anchor.replace('-', ' ').capitalize()}\n" in text
