"""Rule discovery through the ``wikilint.rules`` entry-point group."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import SHOUTING_PLUGIN, install_plugin

from wikilint.linter.registry import Registry, RegistryError, discover
from wikilint.linter.rule import Rule, RuleDocs


def install_fake_distribution(site: Path, entry_point: str) -> None:
    install_plugin(site, "wikilint_shout", SHOUTING_PLUGIN, entry_point)


def test_builtin_rules_come_through_the_entry_point_group() -> None:
    registry = discover(plugins=False)
    assert registry.get("duplicate-paragraph") is not None
    assert registry.get("WL103") is registry.get("doubled-word")


@pytest.fixture
def with_plugin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[[str], None]:
    """Installs the fake distribution with the given entry point, on ``sys.path``."""

    def install(entry_point: str) -> None:
        install_fake_distribution(tmp_path, entry_point)
        monkeypatch.syspath_prepend(str(tmp_path))

    return install


def test_a_third_party_plugin_rule_is_discovered_and_runs(
    with_plugin: Callable[[str], None],
) -> None:
    with_plugin("wikilint_shout:ShoutingRule")
    registry = discover()
    plugin = registry.get("no-shouting")
    assert plugin is not None and plugin.code == "XPL001"
    from wikilint.document.article import Article

    findings = list(plugin().check(Article("Some text.\nIt is LOUD here.\n")))
    assert [(f.location.line, f.location.column) for f in findings] == [(2, 7)]


def test_a_plugin_rule_is_off_until_a_selector_names_it(
    with_plugin: Callable[[str], None],
) -> None:
    with_plugin("wikilint_shout:ShoutingRule")
    registry = discover()
    plugin = registry.get("XPL001")
    assert plugin is not None and plugin.enabled_by_default  # what the plugin declares
    assert registry.plugins == {plugin: "wikilint_shout 1.0"}
    assert not registry.enabled_by_default(plugin)
    assert plugin not in registry.match("ALL")
    assert registry.match("XPL") == registry.match("no-shouting") == [plugin]
    builtin = registry.get("WL103")
    assert builtin is not None and registry.enabled_by_default(builtin)


def test_the_built_in_view_leaves_plugins_out_even_broken_ones(
    with_plugin: Callable[[str], None],
) -> None:
    with_plugin("wikilint_shout:Missing")
    registry = discover(plugins=False)
    assert registry.get("XPL001") is None and registry.plugins == {}
    assert registry.get("WL103") is not None


def test_a_broken_plugin_is_a_clear_error(with_plugin: Callable[[str], None]) -> None:
    with_plugin("wikilint_shout:Missing")
    with pytest.raises(RegistryError, match="plugin 'wikilint_shout' failed to load"):
        discover()


class Sample(Rule):
    code = "WL999"
    name = "sample-rule"
    summary = "s"
    docs = RuleDocs("w", "y", "b", "g")


def test_selectors_match_codes_prefixes_and_names() -> None:
    registry = Registry([Sample])
    assert registry.match("WL999") == [Sample]
    assert registry.match("WL9") == [Sample]
    assert registry.match("sample-rule") == [Sample]
    assert registry.match("WL1") == []


@pytest.mark.parametrize(
    ("attribute", "value", "message"),
    [("code", "wl1", "not like"), ("name", "Sample_Rule", "kebab-case")],
)
def test_invalid_declarations_are_refused(attribute: str, value: str, message: str) -> None:
    invalid = type("Invalid", (Sample,), {attribute: value})
    with pytest.raises(RegistryError, match=message):
        Registry([invalid])


def test_two_rules_cannot_share_a_code() -> None:
    clash = type("Clash", (Sample,), {"name": "other-name"})
    with pytest.raises(RegistryError, match="declared by two rules"):
        Registry([Sample, clash])


def test_a_rule_cannot_take_the_code_of_an_engine_finding() -> None:
    class Impostor(Rule):
        code = "WL002"
        name = "impostor"
        summary = "s"
        docs = RuleDocs(what="w", why="y", bad="b", good="g")

    with pytest.raises(RegistryError, match="'WL002' is the engine's own finding"):
        Registry([Impostor])
    assert Registry([]).documented("parse-timeout").code == "WL002"
    assert Registry([]).match("WL0") == []
