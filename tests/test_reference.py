"""docs/rules.md is the generated rules reference, kept in sync with the rules."""

from __future__ import annotations

from helpers import ROOT

from wikilint.linter.registry import discover
from wikilint.output.rules_reference import rules_markdown


def test_docs_rules_md_is_up_to_date() -> None:
    expected = rules_markdown(discover(plugins=False).rules)
    actual = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert actual == expected, "regenerate with: wikilint rules --markdown > docs/rules.md"


def test_every_rule_has_an_anchor_that_sarif_help_uris_point_to() -> None:
    from wikilint.output.sarif import help_uri

    text = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    for rule in discover(plugins=False).rules:
        assert f"## {rule.code} {rule.name}\n" in text
        assert help_uri(rule).endswith(f"#{rule.code.lower()}-{rule.name}")


def test_readme_lists_every_rule_with_its_severity_and_default() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for rule in discover(plugins=False).rules:
        default = "on" if rule.enabled_by_default else "off"
        row = f"| {rule.code} | [`{rule.name}`](docs/rules.md#{rule.code.lower()}-{rule.name}) |"
        assert f"{row} {rule.severity.value} | {default} |" in readme, rule.name


def test_a_rule_section_shows_option_docs_fix_safety_and_precision() -> None:
    from wikilint.output.rules_reference import rule_section

    section = rule_section(discover(plugins=False).get("WL103")).splitlines()
    assert "| option | default | range | description |" in section
    assert (
        "| `max-words` | `4` | 1 to 100 | Longest phrase, in words, whose doubling is reported. |"
        in section
    )
    fix = section.index("### Fix safety")
    assert section[fix + 2].startswith("Unsafe: the fix removes the second copy")
    assert section[-1] == (
        "Precision: 6/6 findings read as correct on the shared corpus (en, en-extra, intl), "
        "2026-12-01"
    )
    assert "### Fix safety" not in rule_section(discover(plugins=False).get("WL102"))
